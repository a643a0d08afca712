/** Vietnamese names of the administration's audit actions and entities, for the audit log viewer. */
import { AUDIT_ACTION_LABELS } from "@/lib/review/audit-diff";

export const ADMIN_ACTION_LABELS: Record<string, string> = {
  USER_CREATED: "Tạo tài khoản",
  USER_UPDATED: "Sửa tài khoản",
  USER_DISABLED: "Khóa tài khoản",
  USER_ENABLED: "Mở khóa tài khoản",
  USER_PASSWORD_RESET: "Đặt lại mật khẩu",
  PASSWORD_CHANGED: "Đổi mật khẩu",
  DEPARTMENT_CREATED: "Tạo cơ quan",
  DEPARTMENT_RENAMED: "Đổi tên cơ quan",
  INDICATOR_RESPONSIBILITY_CHANGED: "Giao chỉ tiêu cho cơ quan",
  INDICATOR_UPDATED: "Sửa chỉ tiêu",
  INDICATOR_RETIRED: "Thôi theo dõi chỉ tiêu",
  INDICATOR_REINSTATED: "Theo dõi lại chỉ tiêu",
  TARGET_ADDED: "Thêm mục tiêu",
  PROGRAMME_CREATED: "Ghi chương trình",
  PROGRAMME_STATUS_CHANGED: "Đổi tình trạng chương trình",
  PROGRAMME_IMPORTED: "Nhập tệp định nghĩa chương trình",
  INDICATOR_CREATED: "Thêm chỉ tiêu",
  BASELINE_ADDED: "Thêm mức gốc",
  BASELINE_CHANGED: "Thay đổi mức gốc",
  BASELINE_WITHDRAWN: "Rút mức gốc",
  TARGET_CHANGED: "Thay đổi mục tiêu",
  TARGET_WITHDRAWN: "Rút mục tiêu",
  PERIOD_OPENED: "Mở kỳ báo cáo",
  UNITS_IMPORTED: "Nhập danh mục đơn vị hành chính",
  UNIT_CLOSED: "Chấm dứt đơn vị hành chính",
  EDITION_ADDED: "Ghi ấn bản chỉ số",
  SUCCESSION_WEIGHT_SET: "Ghi tỷ lệ phân bổ kế thừa",
  EDITION_REMOVED: "Xóa ấn bản chỉ số",
  NOTIFICATION_READ: "Đánh dấu đã đọc một thông báo",
  NOTIFICATIONS_READ_ALL: "Đánh dấu đã đọc mọi thông báo",
  SEED: "Nạp dữ liệu ban đầu",
};

export const ENTITY_LABELS: Record<string, string> = {
  User: "Tài khoản",
  Department: "Cơ quan",
  Indicator: "Chỉ tiêu",
  Figure: "Số liệu",
  ReportingPeriod: "Kỳ báo cáo",
  AdminUnit: "Đơn vị hành chính",
  IndicatorEdition: "Ấn bản chỉ số",
  Succession: "Quan hệ kế thừa",
  Database: "Cơ sở dữ liệu",
  Notification: "Thông báo",
  Programme: "Chương trình",
  ProgrammeFile: "Tệp định nghĩa chương trình",
  Baseline: "Mức gốc",
};

export function actionLabel(action: string): string {
  return ADMIN_ACTION_LABELS[action] ?? AUDIT_ACTION_LABELS[action] ?? action;
}

export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? entityType;
}

/**
 * Reads an audit row's before/after snapshots as "field: before → after"
 * lines in Vietnamese, for the history pages. Only fields that changed.
 */
import { formatNumber, PLACEHOLDER } from "@/lib/format/number";
import { FIGURE_STATUS_LABELS, PERIOD_STATUS_LABELS } from "@/lib/review/figure-status";
import { formatVietnamDateTime } from "@/lib/period/vietnam-time";
import { OBSERVATION_STATUS_LABELS } from "@/lib/validations/figure";

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  FIGURE_SAVED: "Lưu bản nháp",
  FIGURE_SUBMITTED: "Nộp để duyệt",
  FIGURE_APPROVED: "Duyệt và công bố",
  FIGURE_REJECTED: "Từ chối",
  FIGURE_PUBLICATION_WITHDRAWN: "Rút công bố",
  FIGURES_IMPORTED: "Nhập số liệu từ tệp",
  PERIOD_LOCKED: "Khóa kỳ báo cáo",
  PERIOD_UNLOCKED: "Mở khóa kỳ báo cáo",
  PERIOD_DEADLINE_CHANGED: "Đổi hạn nộp",
};

const FIELD_LABELS: Record<string, string> = {
  status: "Trạng thái",
  numerator: "Tử số",
  denominator: "Mẫu số",
  value: "Giá trị",
  comment: "Ghi chú",
  observationStatus: "Tình trạng số liệu",
  sourceDocument: "Văn bản nguồn",
  reviewComment: "Ý kiến người duyệt",
  version: "Phiên bản",
  revision: "Lần công bố",
  deadline: "Hạn nộp",
  lockedAt: "Khóa lúc",
  // The administration's entries (users, indicators, departments, units, imports).
  code: "Mã",
  nameVi: "Tên tiếng Việt",
  nameEn: "Tên tiếng Anh",
  name: "Tên",
  email: "Email",
  role: "Vai trò",
  active: "Đang hoạt động",
  methodologyVi: "Cách tính (tiếng Việt)",
  methodologyEn: "Cách tính (tiếng Anh)",
  sourceVi: "Nguồn",
  responsibleDepartmentId: "Cơ quan phụ trách (mã số)",
  mustChangePassword: "Phải đổi mật khẩu",
  passwordChangedAt: "Đổi mật khẩu lúc",
  validFrom: "Hiệu lực từ",
  validTo: "Hiệu lực đến",
  fileName: "Tệp",
  year: "Năm",
  quarter: "Quý",
  // Editions of a yearly index (IndicatorEdition).
  indicatorCode: "Chỉ tiêu",
  referenceYear: "Năm tham chiếu",
  publishedOn: "Ngày công bố",
  rankedUnits: "Số đơn vị được xếp hạng",
  // A PARTIAL succession's apportionment.
  weightPercent: "Tỷ lệ phân bổ (%)",
  weightSourceVi: "Nguồn tỷ lệ phân bổ",
};

const ORDER = Object.keys(FIELD_LABELS);

/** Keys that identify the row rather than describe a change (the page already says which figure). */
const IDENTITY_FIELDS = new Set(["id", "indicatorId", "unitId", "periodId", "sectorId", "departmentId", "figureId"]);

export interface AuditChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const NUMERIC = /^-?\d+(\.\d+)?$/;

function show(field: string, v: unknown): string {
  if (v === null || v === undefined || v === "") return PLACEHOLDER;
  if (field === "status" && typeof v === "string") {
    return (FIGURE_STATUS_LABELS as Record<string, string>)[v] ?? (PERIOD_STATUS_LABELS as Record<string, string>)[v] ?? v;
  }
  if (field === "observationStatus" && typeof v === "string") {
    return (OBSERVATION_STATUS_LABELS as Record<string, { vi: string }>)[v]?.vi ?? v;
  }
  // A year is a name, not a quantity: 2024, never "2.024".
  if ((field === "year" || field === "referenceYear") && typeof v === "number") return String(v);
  if (typeof v === "number") return formatNumber(v, "vi", { maximumFractionDigits: 4 });
  if (typeof v === "string" && ISO_INSTANT.test(v)) return formatVietnamDateTime(v);
  // Decimals are stored in the audit as strings ("1512.0000").
  if (typeof v === "string" && NUMERIC.test(v) && field !== "comment" && field !== "reviewComment" && field !== "sourceDocument") {
    return formatNumber(Number(v), "vi", { maximumFractionDigits: 4 });
  }
  if (typeof v === "boolean") return v ? "có" : "không";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === "" ? null : typeof v === "string" && NUMERIC.test(v) ? Number(v) : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

export function describeAuditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort((x, y) => {
    const ix = ORDER.indexOf(x);
    const iy = ORDER.indexOf(y);
    return (ix === -1 ? ORDER.length : ix) - (iy === -1 ? ORDER.length : iy) || x.localeCompare(y);
  });
  return fields
    .filter((f) => !IDENTITY_FIELDS.has(f) && !same(b[f], a[f]))
    .map((f) => ({ field: f, label: FIELD_LABELS[f] ?? f, before: show(f, b[f]), after: show(f, a[f]) }));
}

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

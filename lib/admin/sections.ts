/**
 * The administration's sections, in menu order, each with the permission its
 * page checks (the menu and the /quan-tri index read this; a section the
 * actor may not open is not shown, and the page still checks for itself).
 */
import { can, type Permission, type Role } from "@/lib/auth/permissions";

export interface AdminSection {
  href: string;
  label: string;
  permission: Permission;
  /** One line on the /quan-tri index. */
  what: string;
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { href: "/quan-tri/nguoi-dung", label: "Tài khoản", permission: "admin.users", what: "Tạo tài khoản, giao vai trò, cơ quan và địa bàn; khóa tài khoản; đặt lại mật khẩu." },
  { href: "/quan-tri/co-quan", label: "Cơ quan", permission: "admin.departments", what: "Thêm cơ quan, đổi tên (giữ lịch sử tên), giao chỉ tiêu phụ trách." },
  { href: "/quan-tri/chuong-trinh", label: "Chương trình", permission: "admin.indicators", what: "Ghi chương trình mới (nghị quyết của tỉnh, chương trình quốc gia), đổi tình trạng: đang hiệu lực, kết thúc, được thay thế." },
  { href: "/quan-tri/chi-tieu", label: "Chỉ tiêu và mục tiêu", permission: "admin.indicators", what: "Sửa tên, phương pháp tính, cơ quan phụ trách; thêm hoặc thay đổi mục tiêu (giữ lịch sử)." },
  { href: "/quan-tri/an-ban", label: "Ấn bản chỉ số", permission: "admin.indicators", what: "Ghi các ấn bản của chỉ số công bố hằng năm (như DTI): năm tham chiếu, ngày công bố, số đơn vị xếp hạng." },
  // Not an admin.* permission: a role may manage periods and nothing else here (#17, ADR 026).
  { href: "/quan-tri/ky-bao-cao", label: "Kỳ báo cáo", permission: "period.manage", what: "Mở quý tiếp theo, đổi hạn nộp, khóa và mở khóa kỳ báo cáo." },
  { href: "/quan-tri/don-vi", label: "Đơn vị hành chính", permission: "admin.units", what: "Nhập danh mục đơn vị hành chính và danh sách kế thừa của Tổng cục Thống kê; chấm dứt một đơn vị." },
  { href: "/quan-tri/nhat-ky", label: "Nhật ký", permission: "audit.read", what: "Xem, lọc và xuất nhật ký mọi thay đổi." },
];

/** Every permission that opens some section: holding any one of them opens /quan-tri. */
export const ADMIN_PERMISSIONS: readonly Permission[] = [...new Set(ADMIN_SECTIONS.map((s) => s.permission))];

/** The sections whose permission `holds` grants, in menu order. */
export function adminSectionsWhere(holds: (permission: Permission) => boolean): AdminSection[] {
  return ADMIN_SECTIONS.filter((s) => holds(s.permission));
}

/** The sections a role may open, in menu order (none for a role without any). */
export function adminSectionsFor(role: Role | null | undefined): AdminSection[] {
  return adminSectionsWhere((permission) => can(role, permission));
}

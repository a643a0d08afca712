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
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { href: "/quan-tri/nguoi-dung", label: "Tài khoản", permission: "admin.users" },
  { href: "/quan-tri/co-quan", label: "Cơ quan", permission: "admin.departments" },
  { href: "/quan-tri/chi-tieu", label: "Chỉ tiêu và mục tiêu", permission: "admin.indicators" },
  { href: "/quan-tri/an-ban", label: "Ấn bản chỉ số", permission: "admin.indicators" },
  // Not an admin.* permission: a role may manage periods and nothing else here (#17, ADR 026).
  { href: "/quan-tri/ky-bao-cao", label: "Kỳ báo cáo", permission: "period.manage" },
  { href: "/quan-tri/don-vi", label: "Đơn vị hành chính", permission: "admin.units" },
  { href: "/quan-tri/nhat-ky", label: "Nhật ký", permission: "audit.read" },
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

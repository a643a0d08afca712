/**
 * The signed-in navigation: one entry per staff page, shown only to roles
 * that hold its permission (the page itself still checks; hiding a link is
 * not a guard). Add your page here.
 */
import { can, type Permission, type Role } from "@/lib/auth/permissions";

export interface NavLink {
  href: string;
  labelVi: string;
  permission: Permission;
}

export const NAV_LINKS: readonly NavLink[] = [
  { href: "/theo-doi", labelVi: "Bảng điều hành", permission: "dashboard.read" },
  { href: "/nhap-lieu", labelVi: "Nhập số liệu", permission: "figure.edit" },
  { href: "/duyet", labelVi: "Duyệt số liệu", permission: "figure.review" },
  { href: "/quan-tri/ky-bao-cao", labelVi: "Kỳ báo cáo", permission: "period.manage" },
  { href: "/tai-khoan/mat-khau", labelVi: "Đổi mật khẩu", permission: "account.changePassword" },
  { href: "/quan-tri", labelVi: "Quản trị", permission: "admin.users" },
];

export function navLinksFor(role: Role): NavLink[] {
  return NAV_LINKS.filter((link) => can(role, link.permission));
}

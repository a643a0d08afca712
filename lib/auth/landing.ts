/**
 * Where each role's work starts (issue #16): after signing in without a page
 * to return to, after a forced password change, and from the public pages'
 * "staff area" link, all through STAFF_AREA (/lam-viec), which sends the
 * signed-in user on to landingPath(role) and anyone else to the sign-in page.
 */
import type { Role } from "@/lib/auth/permissions";

export const STAFF_AREA = "/lam-viec";

const LANDING: Readonly<Record<Role, string>> = {
  // Editors: the entry grid, which opens on the open quarter.
  EDITOR: "/nhap-lieu",
  // Approvers: the figures waiting for them.
  APPROVER: "/duyet",
  // Officials and administrators: the dashboard, every target at a glance.
  VIEWER: "/theo-doi",
  ADMIN: "/theo-doi",
};

export function landingPath(role: Role): string {
  return LANDING[role];
}

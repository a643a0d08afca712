/**
 * Who may do what: the one table of truth. Roles grant actions; scope (an
 * editor's department and units) narrows them further in lib/auth/scope.ts.
 * The role × action matrix test walks this table against every server action
 * and route handler.
 */
export const ROLES = ["ADMIN", "APPROVER", "EDITOR", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Read the officials' dashboards (including not-yet-approved figures). */
  "dashboard.read": ["ADMIN", "APPROVER", "EDITOR", "VIEWER"],
  /** Enter and save figures as drafts, and submit them, within scope. */
  "figure.edit": ["ADMIN", "EDITOR"],
  "figure.submit": ["ADMIN", "EDITOR"],
  /** Approve (publish) or reject submitted figures. */
  "figure.review": ["ADMIN", "APPROVER"],
  /** Change a figure of a locked period (with a required reason). */
  "figure.editLocked": ["ADMIN"],
  /** Read a figure's audit history. */
  "figure.history": ["ADMIN", "APPROVER", "EDITOR", "VIEWER"],
  /** Lock and unlock reporting periods. */
  "period.manage": ["ADMIN"],
  /** Read one's own notifications and mark them read (/thong-bao; ADR 030). */
  "notification.read": ["ADMIN", "APPROVER", "EDITOR", "VIEWER"],
  /** Change one's own password. */
  "account.changePassword": ["ADMIN", "APPROVER", "EDITOR", "VIEWER"],
  /** Administration (/quan-tri): accounts, roles, scopes, password resets. */
  "admin.users": ["ADMIN"],
  /** Departments: create, rename, assign responsible indicators. */
  "admin.departments": ["ADMIN"],
  /** Indicators' names, methodology, responsibility; targets (versioned). */
  "admin.indicators": ["ADMIN"],
  /** Administrative units: import GSO lists and successions, close units. */
  "admin.units": ["ADMIN"],
  /** Read and export the audit log. */
  "audit.read": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  ADMIN: { vi: "Quản trị", en: "Administrator" },
  APPROVER: { vi: "Người duyệt", en: "Approver" },
  EDITOR: { vi: "Cán bộ nhập liệu", en: "Editor" },
  VIEWER: { vi: "Lãnh đạo (xem)", en: "Viewer" },
};

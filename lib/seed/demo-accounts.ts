/**
 * The demo accounts, one per role, loaded only in demo mode. Kept apart from
 * the seed so the README, the e2e login fixture and tests can import the list
 * without pulling in Prisma or argon2.
 */
import { Role } from "@/lib/generated/prisma/enums";
import type { DepartmentCode } from "./resolution";

/** Shared by every demo account; published in the README, so never valid outside demo mode. */
export const DEMO_PASSWORD = "DemoDx@2025";

export interface DemoAccount {
  email: string;
  role: Role;
  name: string;
  password: string;
  departmentCode: DepartmentCode | null;
}

export const DEMO_ACCOUNTS = [
  {
    email: "admin@demo.dx-tracker.vn",
    role: Role.ADMIN,
    name: "Quản trị viên (demo)",
    password: DEMO_PASSWORD,
    departmentCode: null,
  },
  {
    email: "approver@demo.dx-tracker.vn",
    role: Role.APPROVER,
    name: "Người phê duyệt (demo)",
    password: DEMO_PASSWORD,
    departmentCode: null,
  },
  {
    email: "editor@demo.dx-tracker.vn",
    role: Role.EDITOR,
    name: "Biên tập viên Sở Khoa học và Công nghệ (demo)",
    password: DEMO_PASSWORD,
    departmentCode: "SO_KHCN",
  },
  {
    email: "editor-vp@demo.dx-tracker.vn",
    role: Role.EDITOR,
    name: "Biên tập viên Văn phòng UBND tỉnh (demo)",
    password: DEMO_PASSWORD,
    departmentCode: "VP_UBND",
  },
  {
    email: "viewer@demo.dx-tracker.vn",
    role: Role.VIEWER,
    name: "Người xem (demo)",
    password: DEMO_PASSWORD,
    departmentCode: null,
  },
] as const satisfies readonly DemoAccount[];

export function demoAccountFor(role: Role): DemoAccount {
  const account = (DEMO_ACCOUNTS as readonly DemoAccount[]).find((a) => a.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
}

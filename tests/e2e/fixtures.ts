/**
 * Shared end-to-end helpers: sign in as a demo account of a role.
 * Contract with the sign-in page (/dang-nhap): fields labelled "Email" and
 * "Mật khẩu", a button "Đăng nhập"; after success the browser leaves /dang-nhap.
 */
import { expect, type Page } from "@playwright/test";
import { HOME_PROVINCE_CODE } from "@/lib/geography";
import { findProvince, provinceWords } from "@/lib/geography/provinces";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/seed/demo-accounts";

/**
 * The province the main server serves (DX_PROVINCE_CODE, which it inherits from this process;
 * default 19), as catalogued ("Tỉnh Thái Nguyên") and as the pages write it (HOME.vi: "tỉnh Thái Nguyên").
 * The specs that count its units (9 old districts, 92 communes, the merger of Bắc Kạn) describe the
 * default province's real data; tests/e2e/other-province.spec.ts runs another one (ADR 034).
 */
export const HOME_PROVINCE = findProvince(HOME_PROVINCE_CODE)!;
export const HOME = provinceWords(HOME_PROVINCE);

export type DemoRole = "ADMIN" | "APPROVER" | "EDITOR" | "EDITOR_VP" | "VIEWER";

export function demoAccount(role: DemoRole) {
  const email =
    role === "EDITOR_VP"
      ? "editor-vp@demo.dx-tracker.vn"
      : DEMO_ACCOUNTS.find((a) => a.role === role && a.email !== "editor-vp@demo.dx-tracker.vn")!.email;
  return { email, password: DEMO_PASSWORD };
}

export async function login(page: Page, role: DemoRole, next = "/") {
  const { email, password } = demoAccount(role);
  await page.goto(`/dang-nhap?callbackUrl=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/\/dang-nhap/);
}

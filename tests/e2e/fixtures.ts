/**
 * Shared end-to-end helpers: sign in as a demo account of a role.
 * Contract with the sign-in page (/dang-nhap): fields labelled "Email" and
 * "Mật khẩu", a button "Đăng nhập"; after success the browser leaves /dang-nhap.
 */
import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/seed/demo-accounts";

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

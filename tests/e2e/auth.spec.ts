/**
 * Sign-in, the signed-in shell, the throttle and the security headers, in
 * Debian's Chromium against the built app. Every failed sign-in here comes
 * from its own X-Forwarded-For address (the e2e server runs with
 * TRUST_PROXY=1), so this spec never blocks 127.0.0.1, where the other specs
 * sign in from.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoAccount, login } from "./fixtures";

const INVALID = "Email hoặc mật khẩu không đúng.";
const THROTTLED = /^Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau 1[45] phút\.$/;

/** Records CSP violations the page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return violations;
}

/** The form's own live region (Next.js's route announcer is an alert too). */
const formAlert = (page: Page) => page.getByRole("main").getByRole("alert");

async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

test("an editor signs in with the keyboard, lands on the callbackUrl, sees name and role, and signs out", async ({ page }) => {
  const violations = await watchCsp(page);
  const editor = demoAccount("EDITOR");
  await page.goto(`/dang-nhap?callbackUrl=${encodeURIComponent("/tai-khoan/mat-khau?tu=e2e")}`);
  await expect(page.getByRole("button", { name: "Đăng nhập" })).toBeEnabled(); // hydrated
  // Demo mode lists the demo accounts.
  await expect(page.getByRole("complementary", { name: /Tài khoản dùng thử/ })).toContainText(editor.email);

  await page.getByLabel("Email").focus();
  await page.keyboard.type(editor.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Mật khẩu")).toBeFocused();
  await page.keyboard.type(editor.password);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/tai-khoan\/mat-khau\?tu=e2e$/);
  const banner = page.getByRole("banner");
  await expect(banner).toContainText("Biên tập viên Sở Khoa học và Công nghệ (demo)");
  await expect(banner).toContainText("Cán bộ nhập liệu");
  const nav = page.getByRole("navigation", { name: "Chức năng" });
  await expect(nav.getByRole("link", { name: "Nhập số liệu" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Đổi mật khẩu" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Duyệt số liệu" })).toHaveCount(0);
  await expect(page.getByRole("main")).toContainText("Đổi mật khẩu");
  // The first Tab reaches the skip link, which leads to the main content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Chuyển đến nội dung chính" })).toBeFocused();

  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/dang-nhap$/);
  await page.goto("/tai-khoan/mat-khau");
  await expect(page).toHaveURL(/\/dang-nhap\?callbackUrl=%2Ftai-khoan%2Fmat-khau$/);
  expect(violations).toEqual([]);
});

test("an approver sees the review link, not data entry; a foreign callbackUrl lands on the approver's work on this site", async ({ page }) => {
  await page.goto(`/dang-nhap?callbackUrl=${encodeURIComponent("https://evil.example/phish")}`);
  await submitSignIn(page, demoAccount("APPROVER").email, demoAccount("APPROVER").password);
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/duyet$/);

  await page.goto("/tai-khoan/mat-khau");
  await expect(page.getByRole("banner")).toContainText("Người duyệt");
  const nav = page.getByRole("navigation", { name: "Chức năng" });
  await expect(nav.getByRole("link", { name: "Duyệt số liệu" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Nhập số liệu" })).toHaveCount(0);
  // Signed in already: the sign-in page sends you on.
  await page.goto("/dang-nhap?callbackUrl=%2Ftai-khoan%2Fmat-khau");
  await expect(page).toHaveURL(/\/tai-khoan\/mat-khau$/);
});

test("without a page to return to, each role lands on its work; public pages then show who is signed in and lead back to it", async ({ browser }) => {
  const expected = { EDITOR: /\/nhap-lieu$/, APPROVER: /\/duyet$/, VIEWER: /\/theo-doi$/, ADMIN: /\/theo-doi$/ } as const;
  for (const role of ["EDITOR", "APPROVER", "VIEWER", "ADMIN"] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Signed out, the public header's staff link leads to the sign-in page, which then leads to the work.
    await page.goto("/");
    const staffLink = page.getByRole("banner").locator("[data-staff-link]");
    await expect(staffLink).toHaveText("Khu vực cán bộ");
    await staffLink.click();
    await expect(page).toHaveURL(/\/dang-nhap\?callbackUrl=%2Flam-viec$/);
    await submitSignIn(page, demoAccount(role).email, demoAccount(role).password);
    await expect(page, role).toHaveURL(expected[role]);
    await page.goto("/en");
    await expect(staffLink).toHaveAttribute("data-signed-in", "");
    await expect(staffLink).toContainText(/^Signed in: .+ — staff area$/);
    await staffLink.click();
    await expect(page, role).toHaveURL(expected[role]);
    await context.close();
  }
});

test("five wrong passwords for an account from one address block it there; twenty in all block the address, even for a right password (ADR 016)", async ({ browser, page }) => {
  // An address of its own (documentation range) and emails nobody else uses, fresh on every run.
  const run = Math.random().toString(36).slice(2, 8);
  const address = `198.51.100.${1 + Math.floor(Math.random() * 254)}`;
  const email = `e2e-throttle-${run}@khong-ton-tai.invalid`;
  const throttled = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address } });
  const attacker = await throttled.newPage();
  try {
    await attacker.goto("/dang-nhap");
    const alert = formAlert(attacker);
    for (let i = 1; i <= 5; i++) {
      await submitSignIn(attacker, email, `sai-mat-khau-${i}`);
      await expect(alert).toHaveText(INVALID);
      await expect(attacker.getByRole("button", { name: "Đăng nhập" })).toBeEnabled();
    }
    await submitSignIn(attacker, email, "sai-mat-khau-6");
    await expect(alert).toHaveText(THROTTLED);

    // Spraying other accounts from the same address: 20 failures in all, then the address waits.
    for (let i = 6; i <= 20; i++) {
      await submitSignIn(attacker, `e2e-spray-${run}-${i}@khong-ton-tai.invalid`, "doan-bua");
      await expect(alert).toHaveText(INVALID);
      await expect(attacker.getByRole("button", { name: "Đăng nhập" })).toBeEnabled();
    }
    // The right password of a real account, from the blocked address: refused, still on the sign-in page.
    const viewer = demoAccount("VIEWER");
    await attacker.reload();
    await submitSignIn(attacker, viewer.email, viewer.password);
    await expect(alert).toHaveText(THROTTLED);
    await expect(attacker).toHaveURL(/\/dang-nhap/);
  } finally {
    await throttled.close();
  }

  // Elsewhere (127.0.0.1, the other specs' address) the same account signs in: nothing was locked for it.
  await login(page, "VIEWER", "/tai-khoan/mat-khau");
  await expect(page.getByRole("banner")).toContainText("Lãnh đạo (xem)");
});

test("a visitor without a session is sent from a staff page to the sign-in page, and back after it", async ({ page }) => {
  await page.goto("/nhap-lieu?ky=2026-Q3");
  await expect(page).toHaveURL(/\/dang-nhap\?callbackUrl=%2Fnhap-lieu%3Fky%3D2026-Q3$/);
  await expect(page.getByRole("heading", { level: 1, name: "Đăng nhập" })).toBeVisible();
});

test("staff pages carry a nonce CSP without 'unsafe-inline' scripts, anti-framing and referrer headers, and HSTS only over HTTPS", async ({ request }) => {
  const nonces: string[] = [];
  for (const path of ["/dang-nhap", "/dang-nhap?callbackUrl=%2Fduyet"]) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src ")) ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
    expect(nonce, `${path}: ${csp}`).toBeTruthy();
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["strict-transport-security"]).toBeUndefined();
    // Every script of the page carries this response's nonce.
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    nonces.push(nonce!);
  }
  expect(new Set(nonces).size).toBe(nonces.length);

  // Behind the (trusted) TLS proxy: HSTS appears.
  const overHttps = await request.get("/dang-nhap", { headers: { "X-Forwarded-Proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
});

test("public pages are cached HTML without a single inline script, under a CSP that allows this origin's script files only", async ({ request }) => {
  for (const path of ["/", "/en", "/chi-tieu/DVC_L4_SHARE", "/en/indicators/WORK_DOSSIER_ONLINE_COMMUNE?quarter=2025-Q2", "/phuong-phap", "/en/data", "/khong-co-trang-nay"]) {
    // A client cannot smuggle a nonce into the page rendered for everyone.
    const response = await request.get(path, { headers: { "Content-Security-Policy": "script-src 'nonce-injected'" } });
    expect([200, 404], path).toContain(response.status());
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src ")) ?? "";
    expect(scriptSrc, `${path}: ${csp}`).toBe("script-src 'self'");
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "default-src 'self'"]) expect(csp, path).toContain(directive);
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    const html = await response.text();
    expect(html, path).not.toContain("nonce");
    // Only external scripts of this origin (the chart tooltip, the staff link); nothing inline, no framework runtime.
    const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
    for (const script of scripts) expect(script, path).toMatch(/^<script src="\/(chart-tooltip|staff-link)\.js" defer="">\s*<\/script>$/);
    expect(html, path).not.toMatch(/\/_next\/static\/[^"]+\.js"/);
  }
});

test("public pages load, and the sign-in page hydrates, under their CSPs without a single violation", async ({ page }) => {
  const violations = await watchCsp(page);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/chi-tieu/DVC_L4_SHARE");
  // The tooltip script runs (a file of this origin): pointing at a point shows its label.
  const point = page.locator("[data-chart] [data-tip]").nth(3);
  await point.hover();
  await expect(page.locator("[data-chart] [data-tooltip]").first()).toHaveText((await point.getAttribute("data-tip"))!);
  await page.goto("/dang-nhap");
  // The button is enabled by React only once the page has hydrated.
  await expect(page.getByRole("button", { name: "Đăng nhập" })).toBeEnabled();
  // The form works client-side: an empty submit is answered in place.
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(formAlert(page)).toHaveText("Vui lòng nhập email và mật khẩu.");
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});

test.describe("accessibility", () => {
  // axe-core compiles its messages with new Function, which our CSP rightly refuses.
  test.use({ bypassCSP: true });

  test("the sign-in page and the signed-in shell have no axe violations", async ({ page }) => {
    await page.goto("/dang-nhap");
    await expect(page.getByRole("button", { name: "Đăng nhập" })).toBeEnabled();
    await submitSignIn(page, "", "");
    await expect(formAlert(page)).not.toBeEmpty();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await login(page, "EDITOR_VP", "/tai-khoan/mat-khau");
    await expect(page.getByRole("heading", { level: 1, name: "Đổi mật khẩu" })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
});

test("signing out from the dashboard, which ships no JavaScript, works without JavaScript and ends the session (ADR 035)", async ({ browser, baseURL, page }) => {
  await login(page, "VIEWER", "/theo-doi");
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await page.context().storageState() });
  try {
    const noScript = await context.newPage();
    await noScript.goto("/theo-doi");
    await expect(noScript.getByRole("heading", { level: 1, name: /Bảng điều hành/ })).toBeVisible();
    await noScript.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(noScript).toHaveURL(/\/dang-nhap$/);
    expect((await context.cookies()).filter((c) => /next-auth\.session-token$/.test(c.name))).toEqual([]);
    await noScript.goto("/theo-doi/day-du");
    await expect(noScript).toHaveURL(/\/dang-nhap\?callbackUrl=%2Ftheo-doi%2Fday-du$/);
  } finally {
    await context.close();
  }
});

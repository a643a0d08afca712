/**
 * Administration in the browser, against a fresh demo database:
 * an admin creates an editor (temporary password, one commune as scope), the
 * editor must choose a new password before anything else and then sees only
 * their department's indicators for their commune; an admin locks a quarter
 * and an editor can no longer change it (in the grid and by calling the
 * server action directly); the audit log is filtered and exported as CSV;
 * every admin page has 0 axe violations.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { getIndicator } from "@/lib/seed/resolution";
import { HOME, login } from "./fixtures";

const COMMUNE_INDICATOR = getIndicator("WORK_DOSSIER_ONLINE_COMMUNE").nameVi;
const PROVINCE_INDICATOR = getIndicator("WORK_DOSSIER_ONLINE_PROVINCE").nameVi;
const KHCN_INDICATOR = getIndicator("DVC_L4_SHARE").nameVi;
const NEW_EDITOR = { email: "can-bo.duc-xuan@e2e.dx-tracker.vn", name: "Cán bộ Phường Đức Xuân", password: "DucXuan@2026-moi" };

async function signIn(page: Page, email: string, password: string, next = "/") {
  await page.context().clearCookies();
  await page.goto(`/dang-nhap?callbackUrl=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/\/dang-nhap/);
}

async function noAxeViolations(page: Page) {
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);
}

/** The id of a server action in this build, and the page whose bundle holds it. */
function actionNamed(name: string): { id: string; page: string } {
  const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
  };
  const [id, entry] = Object.entries(manifest.node).find(([, e]) => e.exportedName === name)!;
  const worker = Object.keys(entry.workers).find((w) => !w.includes("["))!;
  return { id, page: worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/" };
}

async function callAction(page: Page, name: string, payload: unknown) {
  const action = actionNamed(name);
  const response = await page.request.post(action.page, {
    headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([payload]),
    maxRedirects: 0,
  });
  const body = await response.text();
  return {
    status: response.status(),
    location: response.headers()["location"] ?? null,
    ok: /"ok":true/.test(body),
    code: /"code":"([A-Z_]+)"/.exec(body)?.[1] ?? null,
  };
}

test.describe.configure({ mode: "serial" });

test("an admin creates an editor; the editor must change the temporary password, then sees only their scope", async ({ page }) => {
  await login(page, "ADMIN", "/quan-tri/nguoi-dung");
  await expect(page.getByRole("heading", { level: 1, name: "Tài khoản" })).toBeVisible();
  await noAxeViolations(page);

  const form = page.getByRole("form", { name: "Tạo tài khoản" });
  await form.getByLabel("Email").fill(NEW_EDITOR.email);
  await form.getByLabel("Họ tên").fill(NEW_EDITOR.name);
  await form.getByLabel("Vai trò").selectOption({ label: "Cán bộ nhập liệu" });
  // An editor without a department is refused, with the reason beside the field.
  await form.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(form.getByRole("alert")).toContainText("Cán bộ nhập liệu phải thuộc một cơ quan.");
  await expect(form.getByLabel("Email")).toHaveValue(NEW_EDITOR.email); // nothing typed is lost

  await form.getByLabel("Cơ quan").selectOption({ label: "Văn phòng Ủy ban nhân dân tỉnh" });
  await form.getByLabel("Địa bàn được giao").selectOption({ label: "Phường Đức Xuân (01840)" });
  await form.getByRole("button", { name: "Tạo tài khoản" }).click();
  const created = form.getByRole("status");
  await expect(created).toContainText(`Đã tạo tài khoản ${NEW_EDITOR.email}. Mật khẩu tạm thời`);
  const temporary = /\(chỉ hiện một lần, hãy chuyển cho người dùng\): (\S+)/.exec(await created.innerText())![1]!;
  await expect(page.locator(`tr[data-user="${NEW_EDITOR.email}"]`)).toContainText("Phải đổi mật khẩu");

  // The editor signs in with it and is sent to the password form, whatever they asked for.
  await signIn(page, NEW_EDITOR.email, temporary, "/nhap-lieu?ky=2026-Q3");
  await expect(page).toHaveURL(/\/tai-khoan\/mat-khau$/);
  await expect(page.getByRole("alert").filter({ hasText: "Quản trị viên yêu cầu bạn đặt mật khẩu mới" })).toBeVisible();
  await page.goto("/nhap-lieu?ky=2026-Q3");
  await expect(page).toHaveURL(/\/tai-khoan\/mat-khau$/);
  // A server action sent straight to the server goes the same way (assertCan refuses it too: integration tests).
  const blocked = await callAction(page, "saveDraftsAction", { periodId: 1, rows: [] });
  expect(blocked).toMatchObject({ status: 307, ok: false });
  expect(blocked.location).toMatch(/\/tai-khoan\/mat-khau$/);

  await page.getByLabel("Mật khẩu hiện tại").fill(temporary);
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill(NEW_EDITOR.password);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(NEW_EDITOR.password);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page).toHaveURL(/\/dang-nhap/);

  await signIn(page, NEW_EDITOR.email, NEW_EDITOR.password, "/nhap-lieu?ky=2026-Q3");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập số liệu — Quý III/2026");
  // Văn phòng UBND tỉnh's commune indicator, for Phường Đức Xuân only.
  const communeRows = page.getByRole("region", { name: COMMUNE_INDICATOR }).locator("tr[data-row-key]");
  await expect(communeRows).toHaveCount(1);
  await expect(communeRows.first().getByRole("rowheader")).toContainText("Phường Đức Xuân");
  // Nothing of the province level, nothing of another department.
  await expect(page.getByRole("region", { name: PROVINCE_INDICATOR }).locator("tr[data-row-key]")).toHaveCount(0);
  await expect(page.getByRole("region", { name: KHCN_INDICATOR })).toHaveCount(0);
  // Not an admin: the administration refuses them.
  await page.goto("/quan-tri/nguoi-dung");
  await expect(page.getByRole("alert").filter({ hasText: "không có quyền quản lý tài khoản" })).toBeVisible();
});

test("an admin locks a quarter and the editor can no longer change it; unlocking needs a reason", async ({ page }) => {
  await signIn(page, NEW_EDITOR.email, NEW_EDITOR.password, "/nhap-lieu?ky=2026-Q4");
  await expect(page.getByText("Kỳ báo cáo đã khóa sổ.")).toHaveCount(0);
  const html = (await (await page.request.get("/nhap-lieu?ky=2026-Q4")).text()).replace(/\\"/g, '"');
  const cell = /"indicatorId":(\d+),"unitId":(\d+)/.exec(html)!;
  const periodId = Number(/"period":\{"id":(\d+)/.exec(html)![1]);
  const payload = {
    periodId,
    rows: [{ indicatorId: Number(cell[1]), unitId: Number(cell[2]), periodId, sectorId: null, numerator: 10, denominator: 20, value: null, version: 0 }],
  };

  await page.context().clearCookies();
  await login(page, "ADMIN", "/quan-tri/ky-bao-cao");
  const q4 = page.locator('tr[data-period="2026-Q4"]');
  await expect(q4.locator("[data-period-status]")).toHaveAttribute("data-period-status", "OPEN");
  await q4.getByRole("button", { name: "Khóa kỳ" }).click();
  await expect(q4.locator("[data-period-status]")).toHaveAttribute("data-period-status", "LOCKED");

  await signIn(page, NEW_EDITOR.email, NEW_EDITOR.password, "/nhap-lieu?ky=2026-Q4");
  await expect(page.getByText("Kỳ báo cáo đã khóa sổ.")).toBeVisible();
  await expect(page.getByText("Số liệu chỉ xem, không sửa được.")).toBeVisible();
  // Straight to the server, bypassing the grid: refused, nothing saved.
  expect(await callAction(page, "saveDraftsAction", payload)).toMatchObject({ ok: false, code: "PERIOD_LOCKED" });

  await page.context().clearCookies();
  await login(page, "ADMIN", "/quan-tri/ky-bao-cao");
  await q4.getByLabel(/^Lý do mở khóa/).fill("Mở lại sau kiểm thử khóa sổ");
  await q4.getByRole("button", { name: "Mở khóa" }).click();
  await expect(q4.locator("[data-period-status]")).toHaveAttribute("data-period-status", "OPEN");
  await noAxeViolations(page);

  // Opening the next quarter: OPEN, with the default deadline (20 days after the quarter).
  const open = page.getByRole("form", { name: /^Mở quý tiếp theo: Quý I\/2027/ });
  await expect(open.getByLabel("Hạn nộp")).toHaveValue("2027-04-20");
  await open.getByRole("button", { name: "Mở Quý I/2027" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã mở Quý I/2027." })).toBeVisible();
  await expect(page.locator('tr[data-period="2027-Q1"] [data-period-status]')).toHaveAttribute("data-period-status", "OPEN");
  await expect(page.locator('tr[data-period="2027-Q1"]')).toContainText("20/04/2027");

  // The audit log shows both, filtered by action, and exports them as CSV with a BOM.
  await page.goto("/quan-tri/nhat-ky?hanh-dong=PERIOD_UNLOCKED");
  await expect(page.locator('tr[data-audit-action="PERIOD_UNLOCKED"]').first()).toContainText("Mở lại sau kiểm thử khóa sổ");
  await expect(page.locator("tr[data-audit-action]").filter({ hasNot: page.locator("text=Mở khóa kỳ báo cáo") })).toHaveCount(0);
  // What changed, in words (issue #16, item 10): the status, not a JSON diff.
  await expect(page.locator('tr[data-audit-action="PERIOD_UNLOCKED"] [data-audit-changes]').first()).toContainText("Trạng thái: Đã khóa → Đang mở");
  await expect(page.locator('tr[data-audit-action="PERIOD_UNLOCKED"]').first()).not.toContainText("{");
  await noAxeViolations(page);
  const csv = await page.request.get("/quan-tri/nhat-ky/xuat-csv?hanh-dong=PERIOD_UNLOCKED");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8").slice(1);
  expect(text.split("\n")[0]).toBe("thoi_gian,nguoi_thuc_hien,ma_nguoi_thuc_hien,hanh_dong,ten_hanh_dong,doi_tuong,ma_doi_tuong,truoc,sau,ly_do");
  expect(text).toContain("Mở lại sau kiểm thử khóa sổ");
  expect(text).not.toContain("PERIOD_LOCKED,");

  // The export checks the permission itself: an editor's session gets 403.
  await signIn(page, NEW_EDITOR.email, NEW_EDITOR.password, "/nhap-lieu");
  expect((await page.request.get("/quan-tri/nhat-ky/xuat-csv", { maxRedirects: 0 })).status()).toBe(403);
});

test("locking a quarter with open work shows what would be stranded and asks before locking (issue #16, item 5)", async ({ page }) => {
  await login(page, "ADMIN", "/quan-tri/ky-bao-cao");
  const q3 = page.locator('tr[data-period="2026-Q3"]');
  await q3.getByRole("button", { name: "Khóa kỳ" }).click();
  const pending = q3.getByTestId("pending-work");
  await expect(pending).toContainText(/Còn \d+ số liệu chờ duyệt và \d+ bản nháp hoặc bị từ chối, của \d+ đơn vị/);
  await expect(pending).toContainText("Đơn vị:");
  await expect(q3.locator("[data-period-status]")).toHaveAttribute("data-period-status", "OPEN");
  await noAxeViolations(page);
  await q3.getByRole("button", { name: "Vẫn khóa kỳ" }).click();
  await expect(q3.locator("[data-period-status]")).toHaveAttribute("data-period-status", "LOCKED");
  await q3.getByLabel(/^Lý do mở khóa/).fill("Mở lại sau kiểm thử khóa kỳ còn việc dở");
  await q3.getByRole("button", { name: "Mở khóa" }).click();
  await expect(q3.locator("[data-period-status]")).toHaveAttribute("data-period-status", "OPEN");
});

test("a target changed by an admin replaces the public one; the old one stays in the history", async ({ page, browser }) => {
  await login(page, "ADMIN", "/quan-tri/chi-tieu");
  await noAxeViolations(page);
  await page.locator('tr[data-indicator="DIGITAL_ENTERPRISES"]').getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(getIndicator("DIGITAL_ENTERPRISES").nameVi);
  await noAxeViolations(page);
  const row2025 = page.locator('tr[data-target-year="2025"][data-target-level="PROVINCE"]');
  await expect(row2025.locator("[data-target-text]")).toHaveText("trên 700 doanh nghiệp");
  await row2025.getByRole("button", { name: /^Thay đổi mục tiêu 2025/ }).click();
  const form = page.getByRole("form", { name: "Thay đổi mục tiêu năm 2025" });
  await form.getByLabel("So sánh").selectOption({ label: "tối thiểu" });
  await form.getByLabel(/^Giá trị/).fill("1.000");
  await form.getByLabel(/^Trích dẫn căn cứ/).fill(`phấn đấu có tối thiểu 1.000 doanh nghiệp số (${HOME.vi} sau hợp nhất)`);
  await form.getByLabel(/^Lý do thay đổi/).fill("Hợp nhất tỉnh từ 01/7/2025");
  await form.getByRole("button", { name: "Lưu mục tiêu" }).click();
  await expect(form.getByRole("status")).toContainText("Đã thay mục tiêu; mục tiêu cũ được giữ trong lịch sử.");
  await expect(row2025.locator("[data-target-text]")).toHaveText("tối thiểu 1.000 doanh nghiệp");
  await expect(page.locator("[data-target-history]")).toContainText("trên 700 doanh nghiệp");

  const publicPage = await (await browser.newContext()).newPage();
  await publicPage.goto("/chi-tieu/DIGITAL_ENTERPRISES");
  await expect(publicPage.locator("main")).toContainText("tối thiểu 1.000 doanh nghiệp");
  await publicPage.context().close();
});

test("an admin adds a baseline through the form and sees it; changing it keeps the old one in the history (issue #15, ADR 032)", async ({ page, browser }) => {
  await login(page, "ADMIN", "/quan-tri/chi-tieu/DIGITAL_ENTERPRISES");
  await expect(page.getByRole("heading", { level: 2, name: "Mức gốc", exact: true })).toBeVisible();
  await expect(page.locator("tr[data-baseline-level]")).toHaveCount(0);
  const add = page.getByRole("form", { name: "Thêm hoặc thay đổi mức gốc" });
  // A day after today is refused on its field, in Vietnamese, and nothing is written.
  await add.getByLabel(/^Giá trị/).fill("1.200");
  await add.getByLabel("Ngày của mức gốc").fill("2099-12-31");
  await add.getByLabel(/^Trích dẫn căn cứ/).fill("Đến nay, toàn tỉnh có 1.200 doanh nghiệp số");
  await add.getByLabel("Văn bản nguồn", { exact: true }).fill("Báo cáo 05/BC-SKHCN ngày 10/01/2021");
  await add.getByRole("button", { name: "Lưu mức gốc" }).click();
  await expect(add.getByText("Ngày của mức gốc không được sau hôm nay.", { exact: true })).toBeVisible();
  await expect(add.getByLabel("Ngày của mức gốc")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("tr[data-baseline-level]")).toHaveCount(0);

  await add.getByLabel("Ngày của mức gốc").fill("2020-12-31");
  await add.getByLabel(/^Ngày là giả định/).check();
  await add.getByRole("button", { name: "Lưu mức gốc" }).click();
  await expect(add.getByRole("status")).toContainText("Đã thêm mức gốc.");
  const row = page.locator('tr[data-baseline-level="PROVINCE"]');
  await expect(row.locator("[data-baseline-text]")).toHaveText("1.200 doanh nghiệp");
  await expect(row.locator("[data-baseline-date]")).toHaveText("31/12/2020 (ngày giả định)");
  await noAxeViolations(page);

  // "Thay đổi" fills the form with the current baseline; saving replaces it, and the old one moves to the history.
  await row.getByRole("button", { name: "Thay đổi mức gốc (Cấp tỉnh)" }).click();
  const change = page.getByRole("form", { name: "Thay đổi mức gốc Cấp tỉnh" });
  await expect(change.getByLabel(/^Giá trị/)).toHaveValue("1.200");
  await expect(change.getByLabel("Ngày của mức gốc")).toHaveValue("2020-12-31");
  await change.getByLabel(/^Giá trị/).fill("1.350");
  await change.getByLabel("Ngày của mức gốc").fill("2025-12-31");
  await change.getByLabel(/^Ngày là giả định/).uncheck();
  await change.getByLabel(/^Trích dẫn căn cứ/).fill("Năm 2025, toàn tỉnh có 1.350 doanh nghiệp số");
  await change.getByLabel(/^Lý do thay đổi/).fill("Chương trình 2026–2030 bắt đầu từ mức gốc cuối năm 2025");
  await change.getByRole("button", { name: "Lưu mức gốc" }).click();
  await expect(change.getByRole("status")).toContainText("Đã thay mức gốc; mức gốc cũ được giữ trong lịch sử.");
  await expect(row.locator("[data-baseline-text]")).toHaveText("1.350 doanh nghiệp");
  await expect(row.locator("[data-baseline-date]")).toHaveText("31/12/2025");
  const history = page.locator("[data-baseline-history]");
  await expect(history).toContainText("1.200 doanh nghiệp");
  await expect(history).toContainText("31/12/2020 (ngày giả định)");
  await noAxeViolations(page);

  // The public page measures from the new baseline.
  const publicPage = await (await browser.newContext()).newPage();
  await publicPage.goto("/chi-tieu/DIGITAL_ENTERPRISES");
  await expect(publicPage.locator("main")).toContainText("Mức gốc: 1.350 doanh nghiệp, ngày 31/12/2025");
  await publicPage.context().close();
});

test("an admin imports a unit list: a bad file is refused line by line and nothing is written, a good one is", async ({ page }) => {
  await login(page, "ADMIN", "/quan-tri/don-vi");
  const form = page.getByRole("form", { name: "Nhập danh mục đơn vị hành chính" });
  const csv = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
  await expect(form.getByRole("button", { name: "Nhập danh mục" })).toBeEnabled(); // hydrated
  await form.getByLabel("Ngày có hiệu lực").fill("2027-01-01");
  await expect(form.getByLabel("Ngày có hiệu lực")).toHaveValue("2027-01-01");
  await form.getByLabel("Danh sách đơn vị (CSV)").setInputFiles(
    csv("don-vi.csv", "code,name,type,level,parent_code\n99001,Xã Hợp Nhất,Xã,commune,19\n99002,Xã Lạc,Xã,commune,999\n"),
  );
  await form.getByLabel(/^Danh sách kế thừa/).setInputFiles(csv("ke-thua.csv", "level,old_code,new_code,kind\ncommune,01849,99001,full\ncommune,01864,99001,full\n"));
  await form.getByRole("button", { name: "Nhập danh mục" }).click();
  const refusal = form.getByRole("alert");
  await expect(refusal).toContainText("Không nhập được: 1 lỗi. Không có đơn vị nào được ghi");
  await expect(refusal).toContainText("Danh sách đơn vị, dòng 3: mã đơn vị cha 999 không có trong tệp");
  await noAxeViolations(page);

  await form.getByLabel("Danh sách đơn vị (CSV)").setInputFiles(csv("don-vi.csv", "code,name,type,level,parent_code\n99001,Xã Hợp Nhất,Xã,commune,19\n"));
  await form.getByRole("button", { name: "Nhập danh mục" }).click();
  await expect(form.getByRole("status")).toContainText("Đã nhập danh mục có hiệu lực từ 01/01/2027: 0 tỉnh, 0 huyện, 1 xã mới; 2 quan hệ kế thừa; 2 đơn vị cũ chấm dứt.");
  await expect(page.getByRole("region", { name: /^Quan hệ kế thừa gần đây/ })).toContainText("Xã Hợp Nhất (99001)");
});

test("an admin creates a department, and renames one: the old name stays in its history", async ({ page }) => {
  await login(page, "ADMIN", "/quan-tri/co-quan");
  const create = page.getByRole("form", { name: "Thêm cơ quan" });
  await expect(create.getByRole("button", { name: "Thêm cơ quan" })).toBeEnabled(); // hydrated
  await create.getByLabel("Mã cơ quan").fill("so_xay_dung");
  await create.getByLabel("Tên tiếng Việt").fill("Sở Xây dựng");
  await create.getByLabel("Tên tiếng Anh").fill("Department of Construction");
  await create.getByRole("button", { name: "Thêm cơ quan" }).click();
  await expect(create.getByRole("status")).toContainText("Đã thêm cơ quan Sở Xây dựng (SO_XAY_DUNG).");
  await expect(page.locator('tr[data-department="SO_XAY_DUNG"]')).toBeVisible();

  await page.locator('tr[data-department="SO_NV"]').getByRole("link").click();
  const form = page.getByRole("form", { name: "Đổi tên" });
  await expect(form.getByRole("button", { name: "Đổi tên" })).toBeEnabled(); // hydrated
  await form.getByLabel("Tên tiếng Việt").fill(`Sở Nội vụ ${HOME.vi}`);
  await form.getByLabel(/^Căn cứ/).fill("Quyết định 99/QĐ-UBND");
  await form.getByRole("button", { name: "Đổi tên" }).click();
  await expect(form.getByRole("status")).toContainText(`Đã đổi tên thành Sở Nội vụ ${HOME.vi}.`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sở Nội vụ ${HOME.vi}`);
  const change = page.locator("tr[data-name-change]").first();
  await expect(change).toContainText("Sở Nội vụ");
  await expect(change).toContainText("Quyết định 99/QĐ-UBND");
});

test("the other admin pages have no axe violations", async ({ page }) => {
  await login(page, "ADMIN", "/quan-tri");
  for (const url of ["/quan-tri", "/quan-tri/co-quan", "/quan-tri/don-vi", "/quan-tri/nhat-ky"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await noAxeViolations(page);
  }
  await page.goto("/quan-tri/co-quan");
  await page.locator('tr[data-department="SO_KHCN"]').getByRole("link").click();
  await expect(page.getByRole("heading", { level: 2, name: "Lịch sử tên" })).toBeVisible();
  await noAxeViolations(page);
  await page.goto("/quan-tri/nguoi-dung");
  await page.locator('tr[data-user="editor@demo.dx-tracker.vn"]').getByRole("link").click();
  await expect(page.getByRole("heading", { level: 2, name: "Khóa tài khoản" })).toBeVisible();
  await noAxeViolations(page);
});

test("an admin records the editions of a yearly index: the DTI's, with a clear refusal of a date before the year ends (issue #14, item 9)", async ({ page }) => {
  await login(page, "ADMIN", "/quan-tri/an-ban");
  await expect(page.getByRole("heading", { level: 1, name: "Ấn bản chỉ số" })).toBeVisible();
  await expect(page.locator('[data-edition="DTI_RANK:2024"]')).toContainText("63");
  await expect(page.locator('[data-edition="DTI_RANK:2025"]')).toContainText("34");
  await noAxeViolations(page);
  const form = page.getByRole("form", { name: "Ghi một ấn bản" });
  await form.getByLabel("Năm tham chiếu").fill("2026");
  await form.getByLabel("Ngày công bố").fill("2026-07-01");
  await form.getByLabel("Số đơn vị được xếp hạng (không bắt buộc)").fill("34");
  await form.getByLabel("Nguồn").fill("Bộ Khoa học và Công nghệ");
  await form.getByRole("button", { name: "Ghi ấn bản" }).click();
  await expect(form).toContainText("Ngày công bố phải sau năm tham chiếu");
  await expect(page.locator('[data-edition="DTI_RANK:2026"]')).toHaveCount(0);
});

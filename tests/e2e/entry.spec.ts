/**
 * Quarterly data entry in the browser, against the demo data of a fresh
 * database: 2026 Q3 is open and some new communes have no commune-dossier
 * figure yet. The editor of Văn phòng UBND tỉnh enters one (the rate shows as
 * they type), which saves itself as a draft once the row is left, and submits
 * it; a stale edit from a second browser is refused with the first editor's
 * value. The spreadsheet behaviour (keys, paste, filters, offline) is in
 * entry-grid.spec.ts.
 *
 * Rows other specs rely on (DVC_L4_SHARE, WORK_DOSSIER_ONLINE_PROVINCE in
 * review.spec.ts) are left alone.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { getIndicator } from "@/lib/seed/resolution";
import { demoAccount, login } from "./fixtures";

const COMMUNE = getIndicator("WORK_DOSSIER_ONLINE_COMMUNE").nameVi;
const SATISFACTION = getIndicator("ONLINE_SERVICE_SATISFACTION").nameVi;
const EDITOR_VP_NAME = "Biên tập viên Văn phòng UBND tỉnh (demo)";

const region = (page: Page, name: string) => page.getByRole("region", { name });

async function unitOf(row: Locator): Promise<string> {
  return (await row.getByRole("rowheader").innerText()).replace("(chưa lưu)", "").trim();
}

test("an editor enters a missing commune, sees the rate live, saves a draft and submits it", async ({ page }) => {
  // Two sign-ins, three axe runs and a few autosaves, each re-rendering the grid: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  expect(demoAccount("EDITOR_VP").email).toBe("editor-vp@demo.dx-tracker.vn");
  await login(page, "EDITOR_VP", "/nhap-lieu?ky=2026-Q3");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập số liệu — Quý III/2026");
  await expect(page.getByLabel("Kỳ báo cáo")).toHaveValue("2026-Q3");

  const communes = region(page, COMMUNE);
  const missing = communes.locator('tr[data-status="NONE"]');
  expect(await missing.count()).toBeGreaterThan(0);
  const row = communes.locator(`tr[data-row-key="${await missing.first().getAttribute("data-row-key")}"]`);
  const unit = await unitOf(row);
  await expect(row.getByText("Chưa nhập")).toBeVisible();

  const numerator = row.getByLabel(`Tử số – ${unit}`);
  const denominator = row.getByLabel(`Mẫu số – ${unit}`);
  const rate = row.getByLabel(`Tỷ lệ – ${unit}`);

  // The shared schema checks each cell as it is typed; the message is tied to its input.
  await numerator.fill("2.500");
  await denominator.fill("2.000");
  await expect(numerator).toHaveAttribute("aria-invalid", "true");
  const errorId = await numerator.getAttribute("aria-describedby");
  await expect(page.locator(`[id="${errorId}"]`)).toHaveText("Tử số không được lớn hơn mẫu số.");

  await numerator.fill("1.332");
  await expect(numerator).toHaveAttribute("aria-invalid", "false");
  await expect(rate).toHaveText("66,60%");
  // How final it is and where it comes from (issue #14, item 11): published with the figure.
  const observation = row.getByLabel(`Tình trạng số liệu – ${unit}`);
  await expect(observation).toHaveValue("NORMAL");
  await observation.selectOption({ label: "Sơ bộ" });
  await row.getByLabel(`Văn bản nguồn – ${unit}`).fill("Báo cáo số 45/BC-UBND ngày 12/10/2026");
  expect((await new AxeBuilder({ page }).include("main").analyze()).violations).toEqual([]);

  // Leaving the row saves it (autosave, ADR 029); "Lưu nháp" then has nothing left to save.
  await page.keyboard.press("Tab");
  await expect(row).toHaveAttribute("data-save-state", "saved");
  await expect(row).toHaveAttribute("data-status", "DRAFT");
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Không có thay đổi nào để lưu." })).toBeVisible();
  await expect(row.getByText("Bản nháp")).toBeVisible();
  await expect(row).toContainText(EDITOR_VP_NAME);

  await row.getByRole("checkbox", { name: `Chọn gửi duyệt – ${unit}` }).check();
  await expect(page.getByText("“Gửi duyệt” gửi 1 số liệu đã chọn.")).toBeVisible();
  await page.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã gửi duyệt 1 số liệu." })).toBeVisible();
  await expect(row).toHaveAttribute("data-status", "SUBMITTED");

  // It is stored: a fresh load shows it, submitted, with its numbers.
  await page.reload();
  await expect(row).toHaveAttribute("data-status", "SUBMITTED");
  await expect(numerator).toHaveValue("1.332");
  await expect(denominator).toHaveValue("2.000");
  await expect(rate).toHaveText("66,60%");
  await expect(observation).toHaveValue("PROVISIONAL");
  await expect(row.getByLabel(`Văn bản nguồn – ${unit}`)).toHaveValue("Báo cáo số 45/BC-UBND ngày 12/10/2026");

  // The approver sees both before publishing.
  await page.context().clearCookies();
  await login(page, "APPROVER", "/duyet?ky=2026-Q3");
  const queued = page.locator("tr", { hasText: unit }).filter({ hasText: "Số liệu sơ bộ" });
  await expect(queued).toContainText("Văn bản nguồn: Báo cáo số 45/BC-UBND ngày 12/10/2026");
});

test("a stale edit from a second browser is refused, showing the first editor's value", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const a = await first.newPage();
    const b = await second.newPage();
    await login(a, "EDITOR_VP", "/nhap-lieu?ky=2026-Q3");
    await login(b, "EDITOR_VP", "/nhap-lieu?ky=2026-Q3");
    const rowA = region(a, SATISFACTION).locator("tbody tr").first();
    const rowB = region(b, SATISFACTION).locator("tbody tr").first();
    const unit = await unitOf(rowA);
    // Both pages have loaded the same figure (same version) before anyone saves.
    await expect(rowB.getByLabel(`Tử số – ${unit}`)).toHaveValue(await rowA.getByLabel(`Tử số – ${unit}`).inputValue());

    // Each row saves itself once left (ADR 029): the first editor's edit goes through …
    await rowA.getByLabel(`Tử số – ${unit}`).fill("2.900");
    await rowA.getByLabel(`Mẫu số – ${unit}`).fill("3.000");
    await a.keyboard.press("Tab");
    await expect(rowA).toHaveAttribute("data-save-state", "saved");

    // … the second, based on the version both loaded, is a conflict on its row, never an overwrite.
    await rowB.getByLabel(`Tử số – ${unit}`).fill("2.500");
    await rowB.getByLabel(`Mẫu số – ${unit}`).fill("3.000");
    await b.keyboard.press("Tab");
    await expect(rowB).toHaveAttribute("data-save-state", "conflict");
    await expect(rowB.getByTestId("save-state")).toHaveText("⇄ Xung đột");
    await expect(b.getByRole("alert").filter({ hasText: "Số liệu đã được người khác thay đổi" })).toBeVisible();
    const conflicts = b.getByTestId("conflicts");
    await expect(conflicts).toContainText(`${SATISFACTION} – ${unit}`);
    await expect(conflicts).toContainText("Giá trị hiện tại: 2.900 / 3.000 (96,67%)");
    await expect(conflicts).toContainText(EDITOR_VP_NAME);
    await expect(conflicts).toContainText("Bạn đã nhập: 2.500 / 3.000");
    // Nothing of the second edit was stored.
    await a.reload();
    await expect(rowA.getByLabel(`Tử số – ${unit}`)).toHaveValue("2.900");

    // Taking the current value shows it, and a new edit from there saves.
    await conflicts.getByRole("button", { name: "Dùng giá trị hiện tại" }).click();
    await expect(rowB.getByLabel(`Tử số – ${unit}`)).toHaveValue("2.900");
    await expect(conflicts).toHaveCount(0);
    await rowB.getByLabel(`Tử số – ${unit}`).fill("2.950");
    await b.getByRole("button", { name: "Lưu nháp" }).click();
    await expect(rowB).toHaveAttribute("data-status", "DRAFT");
    await expect(rowB).toHaveAttribute("data-save-state", "saved");
    await b.reload();
    await expect(rowB.getByLabel(`Tử số – ${unit}`)).toHaveValue("2.950");
  } finally {
    await first.close();
    await second.close();
  }
});

test("a locked quarter is read-only for an editor, and leaving with unsaved changes asks first", async ({ page }) => {
  await login(page, "EDITOR_VP", "/nhap-lieu?ky=2026-Q2");
  await expect(page.getByText("Kỳ báo cáo đã khóa sổ.")).toBeVisible();
  const input = region(page, SATISFACTION).getByLabel(/^Tử số –/).first();
  await expect(input).toHaveAttribute("readonly", "");
  await expect(page.getByRole("button", { name: "Lưu nháp" })).toHaveCount(0);

  await page.goto("/nhap-lieu?ky=2026-Q3");
  const cell = region(page, SATISFACTION).getByLabel(/^Tử số –/).first();
  await cell.click(); // a real gesture: browsers only ask before unload once the user has interacted
  await cell.fill("1");
  const dialog = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const shown = await dialog;
  expect(shown.type()).toBe("beforeunload");
  await shown.accept();
});

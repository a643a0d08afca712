/**
 * The entry grid used like a spreadsheet (issue #16, item 3), against the demo
 * data of a fresh database: 2026 Q3 is open and a few new communes have no
 * commune-dossier figure yet. The editor of Văn phòng UBND tỉnh finds them with
 * the "Chưa nhập" filter and enters three by keyboard only; each row saves
 * itself once left. Then a 2×2 block is pasted from a spreadsheet over the rows
 * they entered (each pasted cell checked on its own, cells past the grid
 * reported), one more row is typed while offline and sent once back online.
 *
 * Three missing communes are used; entry.spec.ts needs one more to be left.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { getIndicator } from "@/lib/seed/resolution";
import { login } from "./fixtures";

const COMMUNE = getIndicator("WORK_DOSSIER_ONLINE_COMMUNE").nameVi;

const region = (page: Page) => page.getByRole("region", { name: COMMUNE });
const grid = (page: Page) => region(page).getByRole("grid");
const rows = (page: Page) => grid(page).locator("tr[data-row-key]");

async function unitOf(row: Locator): Promise<string> {
  return (await row.getByRole("rowheader").innerText()).replace("(chưa lưu)", "").trim();
}

async function axe(page: Page) {
  return (await new AxeBuilder({ page }).include("main").analyze()).violations;
}

/** What has focus: the aria-label of the focused control, or "" outside the page's controls. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
}

function paste(cell: Locator, text: string) {
  return cell.evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", data);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

test("keyboard-only entry of missing communes, a pasted block, the filters, and an entry sent after going offline", async ({ page, context }) => {
  test.setTimeout(240_000);
  await login(page, "EDITOR_VP", "/nhap-lieu?ky=2026-Q3&loc=thieu");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập số liệu — Quý III/2026");
  await expect(page.getByRole("radio", { name: "Chưa nhập" })).toBeChecked();

  // The missing filter: only communes without a figure, sorted by name (Vietnamese collation).
  const missing = rows(page);
  const before = await missing.count();
  expect(before).toBeGreaterThanOrEqual(4);
  await expect(region(page)).toContainText(`Đang hiện ${before}/92 dòng theo bộ lọc.`);
  await expect(grid(page).locator('tr[data-status="NONE"]')).toHaveCount(before);
  const names: string[] = [];
  for (let i = 0; i < before; i++) names.push(await unitOf(missing.nth(i)));
  expect(names).toEqual([...names].sort(new Intl.Collator("vi", { sensitivity: "base", numeric: true }).compare));
  expect(await axe(page)).toEqual([]);

  // One Tab stop per grid (a roving tabindex): Tab from the search box reaches the commune grid.
  expect(await grid(page).locator('[tabindex="0"]').count()).toBe(1);
  await page.getByLabel("Tìm đơn vị").focus();
  for (let presses = 0; presses < 300 && (await focused(page)) !== `Tử số – ${names[0]}`; presses++) await page.keyboard.press("Tab");
  await expect(page.getByLabel(`Tử số – ${names[0]}`)).toBeFocused();

  // Keyboard only: numerator, → , denominator, Enter (down a row), ← , and so on.
  const typed = [
    ["1.332", "2.000", "66,60%"],
    ["812", "1.200", "67,67%"],
    ["34,5", "100", "34,00%"],
  ] as const;
  for (const [i, [num, den]] of typed.entries()) {
    await page.keyboard.type(num);
    await page.keyboard.press("ArrowRight");
    await expect(page.getByLabel(`Mẫu số – ${names[i]}`)).toBeFocused();
    await page.keyboard.type(den);
    await page.keyboard.press("Enter");
    await expect(page.getByLabel(`Mẫu số – ${names[i + 1]}`)).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(page.getByLabel(`Tử số – ${names[i + 1]}`)).toBeFocused();
  }
  // A numerator is a whole count: "34,5" is refused on its own cell, then typed over.
  const third = page.getByLabel(`Tử số – ${names[2]}`);
  await expect(third).toHaveAttribute("aria-invalid", "true");
  await expect(grid(page).locator("tr", { has: third })).toHaveAttribute("data-save-state", "error");
  await page.keyboard.press("ArrowUp");
  await expect(third).toBeFocused();
  await page.keyboard.type("34"); // the cell's text is selected on arrival: typing replaces it
  await page.keyboard.press("Enter");
  await expect(third).toHaveAttribute("aria-invalid", "false");

  // Each row saved itself once left: the state is shown in words, tied to the row's cells.
  for (const [i, [, , rate]] of typed.entries()) {
    const row = grid(page).locator("tr", { has: page.getByLabel(`Tử số – ${names[i]}`) });
    await expect(row).toHaveAttribute("data-save-state", "saved");
    await expect(row.getByTestId("save-state")).toHaveText("✓ Đã lưu");
    await expect(row).toHaveAttribute("data-status", "DRAFT");
    await expect(row.getByLabel(`Tỷ lệ – ${names[i]}`)).toHaveText(rate);
    const describedBy = (await page.getByLabel(`Tử số – ${names[i]}`).getAttribute("aria-describedby")) ?? "";
    await expect(page.locator(`[id="${describedBy.split(" ").at(-1)}"]`)).toContainText("Đã lưu");
  }
  // Entered rows stay in view under "Chưa nhập" until the filter changes.
  await expect(missing).toHaveCount(before);
  await expect(page.getByTestId("save-summary")).toHaveText("Đã lưu 3.");
  expect(await axe(page)).toEqual([]);

  // A 2×2 block from a spreadsheet over the first two rows; each pasted cell is checked on its own.
  const start = page.getByLabel(`Tử số – ${names[0]}`);
  await start.focus();
  await paste(start, "2.500\t2.000\r\nabc\t1.200\r\n");
  await expect(start).toHaveValue("2.500");
  await expect(start).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(`Mẫu số – ${names[0]}`)).toHaveAttribute("aria-invalid", "false");
  await expect(page.getByLabel(`Tử số – ${names[1]}`)).toHaveValue("abc");
  await expect(page.getByLabel(`Tử số – ${names[1]}`)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("status").filter({ hasText: "Đã dán 4 ô vào 2 dòng." })).toBeVisible();
  // The spreadsheet's numbers with Vietnamese thousands, as Excel puts them on the clipboard.
  await paste(start, "812\t1.200\r\n640\t990.442\r\n");
  await expect(start).toHaveAttribute("aria-invalid", "false");
  await expect(page.getByLabel(`Tỷ lệ – ${names[0]}`)).toHaveText("67,67%");
  await expect(page.getByLabel(`Tỷ lệ – ${names[1]}`)).toHaveText("0,06%");
  // Cells past the grid's last column are reported, not dropped in silence.
  const source = page.getByLabel(`Văn bản nguồn – ${names[0]}`);
  await source.focus();
  await paste(source, "Báo cáo 12/BC-UBND\tx\ty\r\n");
  await expect(source).toHaveValue("Báo cáo 12/BC-UBND");
  await expect(page.getByRole("alert").filter({ hasText: "2 ô của vùng dán nằm ngoài bảng và không được dán" })).toBeVisible();
  await page.keyboard.press("ArrowDown"); // leave the pasted rows: they save
  for (const i of [0, 1]) {
    await expect(grid(page).locator("tr", { has: page.getByLabel(`Tử số – ${names[i]}`) })).toHaveAttribute("data-save-state", "saved");
  }
  expect(await axe(page)).toEqual([]);

  // Offline: the entry is kept in the browser, shown as not sent, and sent once back online.
  await context.setOffline(true);
  await expect(page.getByText("Đang ngoại tuyến")).toBeVisible();
  await third.focus();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("70");
  await page.keyboard.press("Enter");
  const offlineRow = grid(page).locator("tr", { has: third });
  await expect(offlineRow).toHaveAttribute("data-save-state", "offline");
  await expect(offlineRow.getByTestId("save-state")).toHaveText("☁ Chưa gửi (ngoại tuyến)");
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("dxt:nhap-lieu:chua-gui:v1:")).map((k) => localStorage.getItem(k)));
  expect(kept).toHaveLength(1);
  expect(JSON.parse(kept[0]!)).toEqual([expect.objectContaining({ numerator: "70", denominator: "100", baseVersion: 1 })]);
  expect(await axe(page)).toEqual([]);

  await context.setOffline(false);
  await expect(offlineRow).toHaveAttribute("data-save-state", "saved");
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("dxt:nhap-lieu:chua-gui:v1:")).length)).toBe(0);

  // Stored: after a reload they are no longer missing …
  await page.reload();
  await expect(rows(page)).toHaveCount(before - 3);
  // … all rows again, and the search finds a unit without its accents.
  await page.getByRole("radio", { name: "Tất cả" }).check();
  await expect(page).toHaveURL(/\/nhap-lieu\?ky=2026-Q3$/);
  await expect(rows(page)).toHaveCount(92);
  const folded = names[1]!.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  await page.getByLabel("Tìm đơn vị").fill(folded.replace(/^(xa|phuong) /, ""));
  await expect(page).toHaveURL(/tim=/);
  expect(await rows(page).count()).toBeLessThan(92);
  await expect(page.getByLabel(`Tử số – ${names[1]}`)).toHaveValue("640");
  await expect(page.getByLabel(`Mẫu số – ${names[1]}`)).toHaveValue("990.442");
  await page.getByLabel("Tìm đơn vị").fill("");

  // "Tôi nhập": the rows this editor changed last, among them the three just entered.
  await page.getByRole("radio", { name: "Tôi nhập" }).check();
  await expect(page).toHaveURL(/loc=cua-toi/);
  for (const name of names.slice(0, 3)) await expect(page.getByLabel(`Tử số – ${name}`)).toBeVisible();
  expect(await rows(page).count()).toBeLessThan(92);
  await expect(page.getByLabel(`Tử số – ${names[0]}`)).toHaveValue("812");
  await expect(page.getByLabel(`Văn bản nguồn – ${names[0]}`)).toHaveValue("Báo cáo 12/BC-UBND");
  await expect(page.getByLabel(`Tử số – ${names[2]}`)).toHaveValue("70");
  await expect(page.getByLabel(`Mẫu số – ${names[2]}`)).toHaveValue("100");
  expect(await axe(page)).toEqual([]);
});

test("an entry kept offline meets the same conflict rule when sent: the other value is shown, and mine is kept only on request", async ({ browser }) => {
  test.setTimeout(120_000);
  const SATISFACTION = getIndicator("ONLINE_SERVICE_SATISFACTION").nameVi;
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const a = await first.newPage();
    const b = await second.newPage();
    await login(a, "EDITOR_VP", "/nhap-lieu?ky=2026-Q3");
    await login(b, "EDITOR_VP", "/nhap-lieu?ky=2026-Q3");
    const rowA = a.getByRole("region", { name: SATISFACTION }).locator("tr[data-row-key]").last();
    const unit = await unitOf(rowA);
    const rowB = b.getByRole("region", { name: SATISFACTION }).locator("tr[data-row-key]").last();
    await expect(rowB.getByLabel(`Tử số – ${unit}`)).toHaveValue(await rowA.getByLabel(`Tử số – ${unit}`).inputValue());

    // The second browser goes offline and types: kept in the browser, with the version it loaded.
    await second.setOffline(true);
    await rowB.getByLabel(`Tử số – ${unit}`).fill("1.111");
    await rowB.getByLabel(`Mẫu số – ${unit}`).fill("3.000");
    await b.keyboard.press("Tab");
    await expect(rowB).toHaveAttribute("data-save-state", "offline");

    // Meanwhile the first saves the same figure.
    await rowA.getByLabel(`Tử số – ${unit}`).fill("2.222");
    await rowA.getByLabel(`Mẫu số – ${unit}`).fill("3.000");
    await a.keyboard.press("Tab");
    await expect(rowA).toHaveAttribute("data-save-state", "saved");

    // Back online, the kept entry is sent and refused as a conflict: nothing is overwritten.
    await second.setOffline(false);
    await expect(rowB).toHaveAttribute("data-save-state", "conflict");
    const conflicts = b.getByTestId("conflicts");
    await expect(conflicts).toContainText("Giá trị hiện tại: 2.222 / 3.000");
    await expect(conflicts).toContainText("Bạn đã nhập: 1.111 / 3.000");
    await expect(b.getByRole("alert").filter({ hasText: "Số liệu đã được người khác thay đổi" })).toBeVisible();
    expect(await b.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("dxt:nhap-lieu:chua-gui:v1:")).length)).toBe(0);
    expect((await new AxeBuilder({ page: b }).include("main").analyze()).violations).toEqual([]);
    await a.reload();
    await expect(rowA.getByLabel(`Tử số – ${unit}`)).toHaveValue("2.222");

    // Keeping mine is a deliberate choice: it replaces the current version, and saves.
    await conflicts.getByRole("button", { name: "Giữ giá trị của tôi (lưu lại để thay thế)" }).click();
    await expect(conflicts).toHaveCount(0);
    await expect(rowB).toHaveAttribute("data-save-state", "saved");
    await a.reload();
    await expect(rowA.getByLabel(`Tử số – ${unit}`)).toHaveValue("1.111");
  } finally {
    await first.close();
    await second.close();
  }
});

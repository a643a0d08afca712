/**
 * A programme set up from its definition file (issue #15, item 3; ADR 033), in the browser: an
 * admin downloads a programme's file, then imports the next resolution's — 09-NQ/TU, 2026–2030,
 * with a new indicator and its 2030 target — from a workbook: a broken file is refused row by row
 * and writes nothing; the good one is previewed, then confirmed. The editor of the indicator's
 * department enters 2026-Q3, an approver approves, and the public page shows the figure against
 * the 2030 target. Every page: 0 axe violations.
 *
 * Like setup-a-programme.spec.ts, it adds an indicator and publishes a non-demo figure, so it runs
 * after the specs that count the demo's (only supervisor.spec.ts, on a database of its own, sorts after it).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { writeProgrammeXlsx } from "@/lib/programme-file/xlsx";
import { sampleProgrammeFile, SAMPLE_INDICATOR, SAMPLE_INDICATOR_NAME } from "../helpers/programme-file-sample";
import { login } from "./fixtures";

async function noAxeViolations(page: Page) {
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PARSE_WAIT = 60_000;

test("an admin imports a 2026–2030 programme with a new indicator from its definition file; an editor enters a quarter, an approver approves, the public page shows it against the 2030 target", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await login(page, "ADMIN", "/quan-tri/chuong-trinh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chương trình");
  await noAxeViolations(page);

  // Any programme downloads as its file; the JSON names the schema it follows.
  const resolution = page.locator('tr[data-programme="01-NQ/TU"]');
  const jsonHref = await resolution.getByRole("link", { name: "Tải tệp định nghĩa 01-NQ/TU dạng JSON" }).getAttribute("href");
  const downloaded = await page.request.get(jsonHref!);
  expect(downloaded.status()).toBe(200);
  const exported = await downloaded.json();
  expect(exported).toMatchObject({ $schema: "/api/v1/schemas/programme.json", formatVersion: 1, programme: { code: "01-NQ/TU" } });
  expect(exported.targets.length).toBeGreaterThan(0);
  const xlsxHref = await resolution.getByRole("link", { name: "Tải tệp định nghĩa 01-NQ/TU dạng Excel" }).getAttribute("href");
  expect((await page.request.get(xlsxHref!)).headers()["content-type"]).toBe(XLSX);
  expect((await (await page.request.get("/api/v1/schemas/programme.json")).json()).$id).toBe("/api/v1/schemas/programme.json");

  await page.getByRole("link", { name: "Nhập tệp định nghĩa chương trình" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập tệp định nghĩa chương trình");
  const form = page.getByRole("form", { name: "Nhập tệp định nghĩa chương trình" });
  await expect(form.getByRole("button", { name: "Xem trước" })).toBeEnabled(); // hydrated
  await noAxeViolations(page);

  // A broken file: its errors by sheet, row and column, in Vietnamese; no way to write it.
  const { default: Excel } = await import("exceljs");
  const book = new Excel.Workbook();
  await book.xlsx.load((await writeProgrammeXlsx(sampleProgrammeFile())) as unknown as ArrayBuffer);
  book.getWorksheet("Mục tiêu")!.getCell("F3").value = "chín lăm";
  await form.getByLabel("Tệp định nghĩa chương trình (.xlsx hoặc .json)").setInputFiles({ name: "09-NQ-TU-loi.xlsx", mimeType: XLSX, buffer: Buffer.from(await book.xlsx.writeBuffer()) });
  await form.getByRole("button", { name: "Xem trước" }).click();
  const errors = page.locator('table[data-issues="error"]');
  // A workbook is read in a child process of its own (ADR 018): starting it takes seconds on a loaded machine.
  await expect(errors.locator("tbody tr")).toHaveCount(1, { timeout: PARSE_WAIT });
  await expect(errors.locator("tbody tr")).toContainText("Mục tiêu");
  await expect(errors.locator("tbody tr td").nth(1)).toHaveText("3");
  await expect(errors.locator("tbody tr")).toContainText("Giá trị");
  await expect(errors.locator("tbody tr")).toContainText("Giá trị mục tiêu không phải là số (ví dụ 90 hoặc 34,87).");
  await expect(page.getByRole("button", { name: /^Ghi chương trình/ })).toHaveCount(0);
  await noAxeViolations(page);

  // The good file: preview, then confirm.
  const good = await writeProgrammeXlsx(sampleProgrammeFile());
  await form.getByLabel("Tệp định nghĩa chương trình (.xlsx hoặc .json)").setInputFiles({ name: "09-NQ-TU.xlsx", mimeType: XLSX, buffer: good });
  await form.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.locator("[data-preview-counts]")).toHaveText("Sẽ tạo: 1 chương trình, 1 chỉ tiêu mới, 2 mục tiêu, 1 mức gốc.", { timeout: PARSE_WAIT });
  await expect(page.locator("[data-preview]")).toContainText("09-NQ/TU");
  await expect(page.locator("[data-preview]")).toContainText(`${SAMPLE_INDICATOR} (${SAMPLE_INDICATOR_NAME})`);
  await noAxeViolations(page);
  await page.getByRole("button", { name: "Ghi chương trình 09-NQ/TU" }).click();
  await expect(page.getByRole("status")).toContainText("Đã nhập chương trình 09-NQ/TU: 1 chỉ tiêu mới, 2 mục tiêu, 1 mức gốc.", { timeout: PARSE_WAIT });

  await page.goto("/quan-tri/chuong-trinh");
  await expect(page.locator('tr[data-programme="09-NQ/TU"]')).toContainText("2026–2030");
  await expect(page.locator('tr[data-programme="09-NQ/TU"]')).toContainText("Đang hiệu lực");

  // The editor of its department (Văn phòng UBND tỉnh) enters the quarter and submits it.
  await page.context().clearCookies();
  await login(page, "EDITOR_VP", "/nhap-lieu?ky=2026-Q3");
  const grid = page.getByRole("region", { name: SAMPLE_INDICATOR_NAME });
  const rowKey = await grid.locator('tr[data-status="NONE"]').first().getAttribute("data-row-key");
  const row = grid.locator(`tr[data-row-key="${rowKey}"]`);
  const unit = (await row.getByRole("rowheader").innerText()).trim();
  await row.getByLabel(`Tử số – ${unit}`).fill("1.450");
  await row.getByLabel(`Mẫu số – ${unit}`).fill("1.600");
  await expect(row.getByLabel(`Tỷ lệ – ${unit}`)).toHaveText("90,63%");
  await page.keyboard.press("Tab");
  await expect(row).toHaveAttribute("data-save-state", "saved");
  await row.getByRole("checkbox", { name: `Chọn gửi duyệt – ${unit}` }).check();
  await page.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã gửi duyệt 1 số liệu." })).toBeVisible();

  // The approver publishes it.
  await page.context().clearCookies();
  await login(page, "APPROVER", "/duyet?ky=2026-Q3");
  const queued = page.locator(`tr[data-indicator="${SAMPLE_INDICATOR}"]`);
  await expect(queued).toContainText("90,63%");
  await queued.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Duyệt (1)" }).click();
  await page.getByRole("dialog", { name: "Duyệt và công bố 1 số liệu?" }).getByRole("button", { name: "Duyệt và công bố (1)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã duyệt và công bố 1 số liệu." })).toBeVisible();

  // The public page: the figure against the programme's 2030 target.
  const publicPage = await (await browser.newContext()).newPage();
  await publicPage.goto(`/chi-tieu/${SAMPLE_INDICATOR}`);
  await expect(publicPage.getByRole("heading", { level: 1 })).toContainText(SAMPLE_INDICATOR_NAME);
  await expect(publicPage.locator("main")).toContainText("90,63%");
  await expect(publicPage.locator("main")).toContainText("tối thiểu 95%");
  await expect(publicPage.locator("main")).toContainText("2030");
  await noAxeViolations(publicPage);
  await publicPage.context().close();
});

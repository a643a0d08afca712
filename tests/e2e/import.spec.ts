/**
 * Spreadsheet import in the browser: the editor of Văn phòng UBND tỉnh opens
 * the import page from the entry grid, downloads the .xlsx template of
 * 2026 Q4, fills three empty commune rows with exceljs, uploads it, sees the
 * preview (3 new), commits, and finds the figures as drafts in the entry grid;
 * the same file again changes nothing; a file with errors shows them by row
 * and column. axe finds no WCAG 2 A/AA violation on the page, before and
 * after the preview. The open-data API answers anyone, with CORS, and its
 * documentation pages (vi, en) pass axe too.
 */
import { readFile, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { getIndicator } from "@/lib/seed/resolution";
import { DATA_SHEET, IMPORT_COLUMNS } from "@/lib/import/columns";
import { login } from "./fixtures";

const COMMUNE_CODE = "WORK_DOSSIER_ONLINE_COMMUNE";
const COMMUNE = getIndicator(COMMUNE_CODE).nameVi;
const col = (header: string) => IMPORT_COLUMNS.findIndex((c) => c.header === header) + 1;

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("an editor downloads the template, fills it, previews, commits and finds the figures in the grid", async ({ page }) => {
  await login(page, "EDITOR_VP", "/nhap-lieu?ky=2026-Q4");
  await page.getByRole("link", { name: "Nhập hoặc xuất bằng tệp Excel/CSV" }).click();
  await expect(page).toHaveURL(/\/nhap-lieu\/nhap-tep\?ky=2026-Q4$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập số liệu từ tệp — Quý IV/2026");
  expect(await axe(page)).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải tệp mẫu Excel (.xlsx)" }).click()]);
  expect(download.suggestedFilename()).toBe("mau-nhap-so-lieu-2026-Q4.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await download.path())!)).buffer as ArrayBuffer);
  const sheet = workbook.getWorksheet(DATA_SHEET)!;
  expect(sheet.getRow(1).getCell(1).value).toBe("Mã chỉ tiêu");

  // Fill three commune rows that have no figure yet.
  const filled: { unitName: string; numerator: number; denominator: number }[] = [];
  sheet.eachRow((row, line) => {
    if (line === 1 || filled.length === 3) return;
    if (row.getCell(col("Mã chỉ tiêu")).value !== COMMUNE_CODE || row.getCell(col("Phiên bản")).value !== null) return;
    const numerator = 1200 + filled.length * 111;
    row.getCell(col("Tử số")).value = numerator;
    row.getCell(col("Mẫu số")).value = 2000;
    filled.push({ unitName: String(row.getCell(col("Tên đơn vị")).value), numerator, denominator: 2000 });
  });
  expect(filled).toHaveLength(3);
  const file = path.join(os.tmpdir(), `dxt-import-e2e-${Date.now()}.xlsx`);
  await writeFile(file, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));

  await page.getByLabel("Tệp số liệu (.xlsx hoặc .csv) của Quý IV/2026").setInputFiles(file);
  await page.getByRole("button", { name: "Xem trước" }).click();
  const preview = page.getByRole("region", { name: /^Xem trước:/ });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole("definition").first()).toHaveText("3");
  await expect(preview.getByRole("table", { name: /Số liệu sẽ được ghi/ }).getByRole("row")).toHaveCount(4);
  await expect(preview.getByRole("cell", { name: filled[0]!.unitName, exact: true })).toBeVisible();
  expect(await axe(page)).toEqual([]);

  await page.getByRole("button", { name: "Ghi 3 số liệu" }).click();
  await expect(page.getByRole("status")).toContainText("Đã ghi: 3 số liệu mới, 0 số liệu thay đổi");

  // The same file again: nothing to write.
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByText("Tệp không có thay đổi nào so với số liệu hiện có: không có gì để ghi.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Ghi \d+ số liệu$/ })).toHaveCount(0);

  // In the entry grid: three drafts with the file's numbers.
  await page.goto("/nhap-lieu?ky=2026-Q4");
  const communes = page.getByRole("region", { name: COMMUNE });
  for (const f of filled) {
    await expect(communes.getByLabel(`Tử số – ${f.unitName}`)).toHaveValue(new Intl.NumberFormat("vi-VN").format(f.numerator));
    await expect(communes.getByLabel(`Mẫu số – ${f.unitName}`)).toHaveValue("2.000");
    const row = communes.locator("tr", { has: page.getByLabel(`Tử số – ${f.unitName}`) });
    await expect(row).toHaveAttribute("data-status", "DRAFT");
  }
});

test("a file with errors shows each by row and column, in Vietnamese, and cannot be committed", async ({ page }) => {
  await login(page, "EDITOR_VP", "/nhap-lieu/nhap-tep?ky=2026-Q4");
  const header = IMPORT_COLUMNS.map((c) => c.header).join(",");
  const row = (over: Record<string, string>) => IMPORT_COLUMNS.map((c) => ({ "Mã chỉ tiêu": COMMUNE_CODE, "Kỳ báo cáo": "2026-Q4", ...over })[c.header] ?? "").join(",");
  const csv = `\uFEFF${header}\r\n${row({ "Mã đơn vị": "99999", "Tử số": "1", "Mẫu số": "2" })}\r\n${row({ "Mã đơn vị": "19", "Tử số": "mười", "Mẫu số": "2" })}\r\n`;
  const file = path.join(os.tmpdir(), `dxt-import-e2e-bad-${Date.now()}.csv`);
  await writeFile(file, csv);
  await page.getByLabel(/^Tệp số liệu/).setInputFiles(file);
  await page.getByRole("button", { name: "Xem trước" }).click();
  const errors = page.getByRole("table", { name: /^Lỗi/ });
  await expect(errors.getByRole("row").filter({ hasText: "Mã đơn vị “99999” không có trong danh mục đơn vị hành chính." })).toContainText("2");
  await expect(errors.getByRole("row").filter({ hasText: "Tử số phải là một số (ví dụ 1.650)." })).toContainText("Tử số (H)");
  await expect(page.getByRole("button", { name: /^Ghi / })).toHaveCount(0);
  expect(await axe(page)).toEqual([]);
});

test("the upload endpoint refuses the public, a viewer and a cross-site post", async ({ baseURL, browser }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const refused = await anonymous.post("/nhap-lieu/nhap-tep/xu-ly", { multipart: { mode: "preview", periodId: "1" }, maxRedirects: 0 });
  expect([307, 401]).toContain(refused.status());
  await anonymous.dispose();

  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, "VIEWER", "/");
  const origin = new URL(baseURL!).origin;
  const viewer = await page.request.post("/nhap-lieu/nhap-tep/xu-ly", { multipart: { mode: "preview", periodId: "1" }, headers: { Origin: origin } });
  expect(viewer.status()).toBe(403);
  expect((await viewer.json()).error).toBe("Bạn không có quyền thực hiện thao tác này.");
  const crossSite = await page.request.post("/nhap-lieu/nhap-tep/xu-ly", { multipart: { mode: "preview", periodId: "1" }, headers: { Origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  const template = await page.request.get("/nhap-lieu/nhap-tep/mau?ky=2026-Q4", { maxRedirects: 0 });
  expect(template.status()).toBe(403);
  await context.close();
});

test("one upload limit: a 15 MB file gets through Next's proxy whole; more than 20 MB is refused with the limit named, chunked too (issue #13, item 2)", async ({ baseURL, browser }) => {
  test.slow();
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, "EDITOR", "/nhap-lieu");
  const origin = new URL(baseURL!).origin;
  const TOO_LARGE = "Tệp quá lớn; giới hạn là tối đa 20 MB và 150.000 dòng số liệu.";

  // 15 MB, under the limit: read whole (Next's proxy cut bodies at 10 MB, which made it "unreadable").
  const big = Buffer.alloc(15 * 1024 * 1024, " ");
  const within = await page.request.post("/nhap-lieu/nhap-tep/xu-ly", {
    multipart: { mode: "preview", periodId: "1", file: { name: "lon.csv", mimeType: "text/csv", buffer: big } },
    headers: { Origin: origin },
    timeout: 120_000,
  });
  expect(within.status()).toBe(200);
  expect(await within.text()).not.toContain("Không đọc được tệp tải lên");

  // Over the limit, with Content-Length: refused before it is read.
  const over = await page.request.post("/nhap-lieu/nhap-tep/xu-ly", {
    multipart: { mode: "preview", periodId: "1", file: { name: "qua-lon.csv", mimeType: "text/csv", buffer: Buffer.alloc(21 * 1024 * 1024, " ") } },
    headers: { Origin: origin },
    timeout: 120_000,
  });
  expect(over.status()).toBe(413);
  expect((await over.json()).error).toBe(TOO_LARGE);

  // Over the limit, chunked (no Content-Length): counted while it streams in, refused the same way.
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const boundary = "----dx-chunked-upload";
  const target = new URL("/nhap-lieu/nhap-tep/xu-ly", baseURL);
  const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers: { Origin: origin, Cookie: cookie, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Transfer-Encoding": "chunked" } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on("error", reject);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\npreview\r\n--${boundary}\r\nContent-Disposition: form-data; name="periodId"\r\n\r\n1\r\n`);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="qua-lon.csv"\r\nContent-Type: text/csv\r\n\r\n`);
    const mib = Buffer.alloc(1024 * 1024, " ");
    let sent = 0;
    const pump = () => {
      while (sent < 24) {
        sent += 1;
        if (!req.write(mib)) return void req.once("drain", pump);
      }
      req.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
  expect(chunked.status).toBe(413);
  expect(JSON.parse(chunked.body).error).toBe(TOO_LARGE);
  await context.close();
});

test("the open-data API answers anyone with CORS, ETag and 304; its documentation passes axe in both languages", async ({ page, baseURL }) => {
  const api = await playwrightRequest.newContext({ baseURL });
  const figures = await api.get("/api/v1/figures?limit=2", { headers: { Origin: "https://example.org" } });
  expect(figures.status()).toBe(200);
  expect(figures.headers()["access-control-allow-origin"]).toBe("*");
  const body = await figures.json();
  expect(body.data).toHaveLength(2);
  const etag = figures.headers()["etag"]!;
  expect((await api.get("/api/v1/figures?limit=2", { headers: { "If-None-Match": etag } })).status()).toBe(304);
  const bad = await api.get("/api/v1/figures?limit=0");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.parameter).toBe("limit");
  const spec = await (await api.get("/api/v1/openapi.json")).json();
  expect(spec.openapi).toBe("3.1.0");
  await api.dispose();

  await page.goto("/du-lieu");
  await page.getByRole("link", { name: "API dữ liệu mở (JSON, CSV, OpenAPI)" }).click();
  await expect(page).toHaveURL(/\/du-lieu\/api$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API dữ liệu mở");
  expect(await axe(page)).toEqual([]);
  await page.goto("/en/data/api");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open data API");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(await axe(page)).toEqual([]);
});

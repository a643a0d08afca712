/**
 * The officials' dashboard in the browser, as a viewer (the least role that
 * reads it): the overview, drilling province → district → commune on the
 * boundaries before the reform, switching to the boundaries after it, exporting
 * the table to Excel (the file is opened with exceljs and must hold the numbers
 * on screen), the completeness heatmap, and axe (WCAG 2 A/AA) on every page.
 */
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { HOME, login } from "./fixtures";

const INDICATOR = "WORK_DOSSIER_ONLINE_COMMUNE";

async function noAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** "63,63%" → 63.63 */
const percentOnScreen = (text: string) => Number(text.replace(/[^\d,.-]/g, "").replace(/\./g, "").replace(",", "."));

test("an official drills province → district → commune, switches boundaries and exports what is on screen", async ({ page }) => {
  await login(page, "VIEWER", "/theo-doi");
  await expect(page.getByRole("heading", { level: 1, name: /Bảng điều hành/ })).toBeVisible();
  await expect(page.locator('[data-table="tong-quan"] tbody tr').first()).toBeVisible();
  // Without ?ky it opens on the latest quarter with approved figures, not on the quarter just opened (issue #14, item 10).
  await expect(page.getByLabel("Quý", { exact: true })).toHaveValue("2026-Q3");
  // Status is in words, not only colour.
  await expect(page.locator("[data-status]").first()).toHaveText(/Đã đạt|Đúng tiến độ|Cần tăng tốc|Chậm tiến độ|Đang đi lùi|Chưa đủ dữ liệu|Không đạt|Không còn đánh giá được/);
  await noAxeViolations(page);

  // Filters live in the URL: one group only.
  await page.getByLabel("Nhóm chỉ tiêu").selectOption("DIGITAL_ECONOMY");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/nhom=DIGITAL_ECONOMY/);
  await expect(page.locator(`[data-table="tong-quan"] [data-row="${INDICATOR}"]`)).toHaveCount(0);
  await page.getByRole("link", { name: "Bỏ lọc" }).click();

  // Into the commune indicator, Q2/2025 on the old boundaries: the districts.
  await page.locator(`[data-row="${INDICATOR}"] th a`).click();
  await expect(page).toHaveURL(new RegExp(`/theo-doi/chi-tieu/${INDICATOR}`));
  await page.getByLabel("Quý", { exact: true }).selectOption("2025-Q2");
  await page.getByRole("button", { name: "Xem" }).click();
  await page.locator('[data-boundary="truoc"]').click();
  await expect(page.locator('[data-boundary="truoc"]')).toHaveAttribute("aria-current", "true");
  const districts = page.locator('[data-table="phan-to"] tbody tr');
  await expect(districts).toHaveCount(9); // the default province's 9 districts before 1 July 2025
  await noAxeViolations(page);

  // → a district: its communes.
  const firstDistrict = districts.first().locator("th a");
  const districtName = (await firstDistrict.textContent())!.trim();
  await firstDistrict.click();
  await expect(page).toHaveURL(/don-vi=\d+/);
  await expect(page.getByRole("navigation", { name: "Vị trí" })).toContainText(districtName);
  const communes = page.locator('[data-table="phan-to"] tbody tr');
  expect(await communes.count()).toBeGreaterThan(1);
  // Sorting is a link: by value, descending, then ascending.
  await page.getByRole("link", { name: /^Giá trị/ }).click();
  await expect(page).toHaveURL(/sap-xep=gia-tri/);
  await expect(page.locator('th[aria-sort="ascending"]')).toContainText("Giá trị");
  const values = await page.locator('[data-table="phan-to"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-value")).filter((v) => v !== "").map(Number));
  expect(values).toEqual([...values].sort((a, b) => a - b));

  // → a commune: its own series.
  const commune = page.locator('[data-table="phan-to"] tbody tr').first().locator("th a");
  const communeName = (await commune.textContent())!.trim();
  await commune.click();
  await expect(page.getByRole("heading", { level: 1, name: communeName })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Vị trí" })).toContainText(districtName);
  await noAxeViolations(page);

  // Back to the indicator, on the boundaries after the reform: the 92 communes, with their predecessors' history.
  await page.goto(`/theo-doi/chi-tieu/${INDICATOR}?ky=2026-Q3`);
  await page.locator('[data-boundary="sau"]').click();
  await expect(page.locator('[data-table="phan-to"] tbody tr')).toHaveCount(92);

  // Search without JavaScript semantics: a GET form.
  const someone = (await page.locator('[data-table="phan-to"] tbody tr').nth(5).locator("th a").textContent())!.trim();
  await page.getByLabel("Tìm đơn vị").fill(someone);
  await page.getByRole("button", { name: "Tìm" }).click();
  await expect(page.locator('[data-table="phan-to"] tbody tr').first()).toContainText(someone);
  await page.getByRole("link", { name: "Xóa tìm kiếm" }).click();
  await expect(page.locator('[data-table="phan-to"] tbody tr')).toHaveCount(92);

  // Export the table and compare with the screen.
  const shown = await page.locator('[data-table="phan-to"] tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({ code: r.getAttribute("data-unit")!, text: r.querySelector('[data-cell="value"]')!.textContent ?? "" })),
  );
  const downloadPromise = page.waitForEvent("download");
  await page.locator("[data-export]").click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(3).values).toEqual(expect.arrayContaining(["Mã đơn vị", "Đơn vị", "Giá trị", "Tử số", "Mẫu số"]));
  expect(ws.getRow(4).getCell(4).numFmt).toBe("0.00%");
  // A demo file says so in its title and gives its source (issue #14, item 11).
  expect(String(ws.getRow(1).getCell(1).value)).toContain("DỮ LIỆU MINH HỌA — không phải số liệu chính thức");
  expect(String(ws.getRow(2).getCell(1).value)).toMatch(new RegExp(`^Nguồn: Số liệu chuyển đổi số của ${HOME.vi}`));
  expect(wb.worksheets.at(-1)!.name).toBe("Nguồn");
  const byCode = new Map<string, ExcelJS.Row>();
  ws.eachRow((row, n) => {
    if (n > 3) byCode.set(String(row.getCell(1).value ?? ""), row);
  });
  expect(byCode.size).toBe(93); // 92 communes and the total
  let compared = 0;
  for (const s of shown) {
    const row = byCode.get(s.code)!;
    const cell = row.getCell(4).value as number | null;
    if (/Chưa báo cáo/.test(s.text)) {
      expect(cell).toBeNull();
    } else {
      expect(Math.round((cell as number) * 10000) / 100).toBeCloseTo(percentOnScreen(s.text.split("%")[0]! + "%"), 2);
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(5);
  const totalOnScreen = percentOnScreen((await page.locator("[data-total]").textContent())!);
  const totalRow = [...byCode.entries()].find(([code]) => code === "")![1];
  expect(Math.round((totalRow.getCell(4).value as number) * 10000) / 100).toBeCloseTo(totalOnScreen, 2);
});

test("indicators without a target are tracked on the dashboard and the home page, with no status (issue #14, item 8)", async ({ page }) => {
  await login(page, "VIEWER", "/theo-doi?nhom=INFRASTRUCTURE");
  const rows = page.locator('[data-table="tong-quan"] tbody tr[data-row]');
  await expect(rows.first()).toBeVisible();
  await expect(page.locator('[data-table="tong-quan"] [data-row="FIBRE_HAMLET_COVERAGE"]')).toBeVisible();
  await page.locator('[data-row="FIBRE_HAMLET_COVERAGE"] th a').click();
  await expect(page).toHaveURL(/\/theo-doi\/chi-tieu\/FIBRE_HAMLET_COVERAGE/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/");
  const card = page.locator('[data-indicator="EDOSSIER_RATE"]').first();
  await expect(card.locator("[data-no-target]")).toContainText("chưa chương trình nào đặt mục tiêu");
  await expect(card.locator("[data-latest]")).toBeVisible();
});

test("one baseline on every page: the dashboard and the public page state the same one, and an assumed date says so (issue #14, item 6)", async ({ page }) => {
  await login(page, "VIEWER", "/theo-doi/chi-tieu/WORK_DOSSIER_ONLINE_PROVINCE?ky=2026-Q3");
  const onDashboard = page.locator("[data-baseline]");
  await expect(onDashboard).toHaveAttribute("data-baseline", "FIRST_FIGURE");
  await expect(onDashboard).toContainText(/Mức gốc là số liệu công bố đầu tiên đủ độ phủ từ Quý I\/2021: \d+,\d{2}% \(Quý [IV]+\/\d{4}\); cố định/);
  const dashboardText = (await onDashboard.textContent())!.trim();
  // The dashboard's quarter picker moves its window; the baseline does not move with it.
  await page.goto("/theo-doi/chi-tieu/WORK_DOSSIER_ONLINE_PROVINCE?ky=2025-Q4");
  expect((await page.locator("[data-baseline]").textContent())!.trim()).toBe(dashboardText);
  await page.goto("/chi-tieu/WORK_DOSSIER_ONLINE_PROVINCE");
  expect((await page.locator("[data-baseline]").textContent())!.trim()).toBe(dashboardText);
  await page.goto("/chi-tieu/DVC_L4_SHARE");
  await expect(page.locator("[data-baseline]")).toHaveAttribute("data-baseline", "RECORDED");
  await expect(page.locator("[data-baseline]")).toContainText("ngày 31/12/2020 (ngày là giả định: văn bản nguồn không ghi ngày");
});

test("behind, by agency, in one click: grouped by responsible department, worst first, filtered by several statuses, and exported as shown (issue #16, item 2)", async ({ page }) => {
  await login(page, "VIEWER", "/theo-doi");
  await expect(page.locator('[data-table="tong-quan"] tbody tr[data-row]').first()).toBeVisible();
  const all = await page.locator('[data-table="tong-quan"] tbody tr[data-row]').count();
  await page.locator('[data-quick="behind"]').click();
  await expect(page).toHaveURL(/nhom-theo=co-quan/);
  await expect(page.locator('[data-table="tong-quan"] tbody[data-department]').first()).toBeVisible();
  const groups = page.locator('[data-table="tong-quan"] tbody[data-department]');
  expect(await groups.count()).toBeGreaterThan(0);
  const rows = page.locator('[data-table="tong-quan"] tbody tr[data-row]');
  const shown = await rows.count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(all);
  // Every row shown has a goal in a "behind" status, and sits under its own department.
  for (const group of await groups.all()) {
    const name = (await group.locator("th[colspan]").textContent())!.replace(/ \(\d+ chỉ tiêu\)$/, "");
    for (const r of await group.locator("tr[data-row]").all()) {
      await expect(r.locator("[data-department-name]")).toHaveText(name);
      await expect(r).toContainText(/Đang đi lùi|Không đạt|Chậm tiến độ|Cần tăng tốc/);
    }
  }
  // The same statuses as checkboxes: several at once.
  await expect(page.getByRole("checkbox", { name: /^Chậm tiến độ/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^Đã đạt/ })).not.toBeChecked();
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);

  const downloadPromise = page.waitForEvent("download");
  await page.locator("[data-export]").click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await (await downloadPromise).path());
  const ws = wb.getWorksheet("Tổng quan")!;
  const header = ws.getRow(3).values as unknown[];
  const deptColumn = header.indexOf("Cơ quan phụ trách");
  expect(deptColumn).toBeGreaterThan(0);
  let exported = 0;
  ws.eachRow((r, n) => {
    if (n > 3 && r.getCell(1).value) {
      exported++;
      expect(String(r.getCell(deptColumn).value ?? "")).not.toBe("");
    }
  });
  expect(exported).toBe(shown);
});

test("completeness: who has reported, with a heatmap that does not rely on colour", async ({ page }) => {
  await login(page, "VIEWER", "/theo-doi/day-du?ky=2026-Q3");
  await expect(page.getByRole("heading", { level: 1, name: /Tình hình báo cáo Quý III\/2026/ })).toBeVisible();
  const cells = page.locator('[data-table="heatmap"] td[data-state]');
  expect(await cells.count()).toBeGreaterThan(10);
  // Every cell carries text and a title in words.
  const first = cells.first();
  await expect(first).toHaveAttribute("title", /Đủ|Thiếu một phần|Chưa báo cáo|Không phải báo cáo/);
  await expect(page.locator('[data-table="theo-so"] tbody tr').first()).toBeVisible();
  await noAxeViolations(page);

  // Before the reform: districts, drill into one.
  await page.goto("/theo-doi/day-du?ky=2025-Q2&ranh-gioi=truoc");
  await expect(page.locator('[data-table="day-du"] tbody tr')).toHaveCount(10); // the province's own row + 9 districts
  await page.locator('[data-table="heatmap"] tbody tr').nth(1).locator("th a").click();
  await expect(page).toHaveURL(/don-vi=\d+/);
  await expect(page.getByRole("link", { name: "← Toàn tỉnh" })).toBeVisible();
  expect(await page.locator('[data-table="day-du"] tbody tr').count()).toBeGreaterThan(1);
  await noAxeViolations(page);

  // The print view and the export of this table answer too.
  await page.goto("/theo-doi/day-du?ky=2026-Q3&ban-in=1");
  await expect(page.getByText(/Bản in ngày/)).toBeVisible();
  const response = await page.request.get("/theo-doi/xuat?bang=day-du&ky=2026-Q3");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("spreadsheetml");
});

test("the export refuses the public", async ({ request }) => {
  const response = await request.get("/theo-doi/xuat?bang=tong-quan", { maxRedirects: 0 });
  expect([307, 401]).toContain(response.status());
});

test("touch targets and landmarks: the drill-down's breadcrumb links are at least 24 px, and the demo notice is in a landmark, on staff and public pages (issue #16)", async ({ page }) => {
  await login(page, "VIEWER", `/theo-doi/chi-tieu/${INDICATOR}`);
  expect((await new AxeBuilder({ page }).withRules(["target-size", "region"]).analyze()).violations).toEqual([]);
  const crumb = page.getByRole("navigation", { name: "Vị trí" }).getByRole("link").first();
  expect((await crumb.boundingBox())!.height).toBeGreaterThanOrEqual(24);
  for (const path of ["/", "/en", "/chi-tieu/DVC_L4_SHARE"]) {
    await page.goto(path);
    expect((await new AxeBuilder({ page }).withRules(["region"]).analyze()).violations, path).toEqual([]);
  }
});

test("printed, a staff page is the page: no menu and no sign-out, a line saying who printed it and when, the source and the demo notice (issue #16, item 10)", async ({ page }) => {
  await login(page, "VIEWER", "/theo-doi");
  await expect(page.locator("[data-printed]")).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Chức năng" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Đăng xuất" })).toBeHidden();
  await expect(page.locator("[data-printed]")).toBeVisible();
  await expect(page.locator("[data-printed]")).toContainText(/^In lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(giờ Việt Nam\) — Người xem \(demo\)$/);
  await expect(page.locator("[data-print-source]")).toContainText(`Nguồn: Số liệu chuyển đổi số của ${HOME.vi}`);
  await expect(page.getByRole("note")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("moved staff URLs answer with a permanent redirect that keeps the query (#17, ADR 026)", async ({ request, page }) => {
  const moved = [
    ["/dashboard", "/theo-doi"],
    ["/dashboard/chi-tieu/DVC_L4_SHARE?ky=2026-Q3&ranh-gioi=sau", "/theo-doi/chi-tieu/DVC_L4_SHARE?ky=2026-Q3&ranh-gioi=sau"],
    ["/dashboard/xuat?bang=tong-quan&ky=2026-Q3", "/theo-doi/xuat?bang=tong-quan&ky=2026-Q3"],
    ["/ky-bao-cao", "/quan-tri/ky-bao-cao"],
  ] as const;
  for (const [from, to] of moved) {
    const response = await request.get(from, { maxRedirects: 0 });
    expect(response.status(), from).toBe(308);
    expect(response.headers()["location"], from).toBe(to);
  }
  // The administration's indicator pages are keyed by code, like every other page of an indicator; an old id URL goes there.
  await login(page, "ADMIN", "/quan-tri/chi-tieu");
  const link = page.locator('a[href="/quan-tri/chi-tieu/DVC_L4_SHARE"]');
  await expect(link).toHaveCount(1);
  await link.click();
  await expect(page).toHaveURL(/\/quan-tri\/chi-tieu\/DVC_L4_SHARE$/);
  // Its id, from the link to its audit trail, in the URL these pages had before.
  const audit = await page.locator('a[href*="doi-tuong=Indicator"]').first().getAttribute("href");
  const id = new URL(audit!, "http://localhost").searchParams.get("ma-doi-tuong");
  expect(id).toMatch(/^\d+$/);
  // A real 308, not a redirect written into a page that answered 200.
  const old = await page.request.get(`/quan-tri/chi-tieu/${id}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers()["location"]).toBe("/quan-tri/chi-tieu/DVC_L4_SHARE");
  await page.goto(`/quan-tri/chi-tieu/${id}`);
  await expect(page).toHaveURL(/\/quan-tri\/chi-tieu\/DVC_L4_SHARE$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("compare units: three communes chosen in the breakdown, side by side in a chart and a table with the unit pages' numbers (issue #16, item 9)", async ({ page }) => {
  await login(page, "VIEWER", `/theo-doi/chi-tieu/${INDICATOR}?ky=2026-Q3&ranh-gioi=sau`);
  const rows = page.locator('[data-table="phan-to"] tbody tr');
  await expect(rows).toHaveCount(92);
  // One alone is refused, in words.
  await rows.nth(0).getByRole("checkbox").check();
  await page.getByRole("button", { name: "So sánh các đơn vị đã chọn" }).click();
  await expect(page.locator("[data-compare-error]")).toHaveText("Chọn từ 2 đến 5 đơn vị để so sánh (đã chọn 1).");
  await page.goBack();
  const picked: { code: string; name: string; value: string }[] = [];
  for (const n of [0, 3, 7]) {
    const row = rows.nth(n);
    await row.getByRole("checkbox").check();
    picked.push({
      code: (await row.getAttribute("data-unit"))!,
      name: (await row.locator("th a").textContent())!.trim(),
      value: (await row.locator('[data-cell="value"]').textContent())!.trim(),
    });
  }
  await page.getByRole("button", { name: "So sánh các đơn vị đã chọn" }).click();
  await expect(page).toHaveURL(new RegExp(`/theo-doi/chi-tieu/${INDICATOR}/so-sanh\\?.*so-sanh=`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("So sánh đơn vị");
  await expect(page.locator("[data-compare-chart] [data-line]")).toHaveCount(3);
  const table = page.locator('[data-table="so-sanh"]');
  for (const p of picked) await expect(table.locator(`th[data-unit="${p.code}"]`)).toContainText(p.name);
  // The latest quarter's row carries the breakdown's values.
  const last = table.locator("tbody tr").last();
  await expect(last.locator("th")).toHaveText("Quý III/2026");
  for (const [i, p] of picked.entries()) {
    const cell = (await last.locator("td").nth(i).textContent())!.trim();
    expect(cell.startsWith(p.value.split(/\s/)[0]!) || p.value.startsWith("Chưa báo cáo")).toBe(true);
  }
  await noAxeViolations(page);
});

test("the dashboard pages ship no JavaScript: no script element, external or inline, none loaded, and the staff shell as everywhere (ADR 035)", async ({ page }) => {
  await login(page, "VIEWER", "/theo-doi");
  const loaded: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") loaded.push(r.url());
  });
  await page.goto(`/theo-doi/chi-tieu/${INDICATOR}`);
  const unit = await page.locator('a[href^="/theo-doi/don-vi/"]').first().getAttribute("href");
  expect(unit).toMatch(/^\/theo-doi\/don-vi\/\d+/);
  for (const path of ["/theo-doi", `/theo-doi/chi-tieu/${INDICATOR}`, unit!, "/theo-doi/day-du", "/theo-doi?ban-in=1"]) {
    const response = await page.goto(path);
    expect(response?.headers()["cache-control"], path).toBe("private, no-store");
    await expect(page.getByRole("main"), path).toBeVisible();
    await expect(page.locator("script"), path).toHaveCount(0);
    await expect(page.locator("html"), path).toHaveAttribute("lang", "vi");
    await expect(page.getByTestId("current-user"), path).toContainText("Lãnh đạo (xem)");
    await expect(page.getByRole("navigation", { name: "Chức năng" }).getByRole("link", { name: "Bảng điều hành" }), path).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("button", { name: "Đăng xuất" }), path).toHaveCount(1);
  }
  await page.goto("/theo-doi");
  await expect(page).toHaveTitle("Bảng điều hành — Theo dõi chuyển đổi số Thái Nguyên");
  expect(loaded).toEqual([]);
});

/**
 * The public transparency pages in Debian's Chromium, against the demo data
 * of a fresh database: the journey home → indicator → methodology → data in
 * both languages, the same pages without JavaScript (chart SVG and tables in
 * the HTML, the breakdown form still works), axe (WCAG 2 A + AA) on every
 * public page, the downloads, the metadata a shared link previews with, and
 * the print stylesheet.
 */
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { FIGURE_COLUMNS } from "@/lib/data/figure-columns";
import { FIELDS } from "@/lib/open-data/fields";
import { expect, test, type Page } from "@playwright/test";
import { HOME, HOME_PROVINCE } from "./fixtures";

const PAGES = {
  vi: ["/", "/chi-tieu/DVC_L4_SHARE", "/chi-tieu/WORK_DOSSIER_ONLINE_COMMUNE", "/chi-tieu/DIGITAL_ECONOMY_SECTOR", "/phuong-phap", "/du-lieu"],
  en: ["/en", "/en/indicators/DVC_L4_SHARE", "/en/indicators/WORK_DOSSIER_ONLINE_COMMUNE", "/en/indicators/ADMIN_PROCEDURE_REDUCTION", "/en/methodology", "/en/data"],
} as const;

async function axeViolations(page: Page) {
  // Folded unit lists are opened so their tables are checked too.
  await page.locator("details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}


/** 1-based column of rate_percent in the downloads (and the .xlsx). */
const FIGURE_RATE_COLUMN = FIGURE_COLUMNS.findIndex((c) => c.name === "rate_percent") + 1;
test("the Vietnamese journey: home → indicator → methodology → downloads, then to English", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("note")).toContainText("Dữ liệu minh họa");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Theo dõi chuyển đổi số ${HOME.vi}`);
  await expect(page.getByTestId("status-summary")).toContainText("Đã đạt");

  const card = page.locator('[data-indicator="DVC_L4_SHARE"]');
  await expect(card.locator("[data-latest]")).toHaveText(/^\d{2},\d{2}%$/);
  await expect(card).toContainText(/duyệt ngày \d{2}\/\d{2}\/20\d\d/);
  // After 2025 the 2025 goal has a final verdict on the territory the resolution covers: the province
  // reports this figure as one number, so after the merger it rests on the former province's last, Quý II/2025.
  await expect(card.locator('[data-goal-year="2025"] [data-status]')).toHaveAttribute("data-status", /^(ACHIEVED|MISSED)$/);
  await expect(card.locator('[data-goal-year="2025"]')).toContainText("Kết luận cuối cùng, theo số liệu Quý II/2025");
  await expect(card.locator('[data-goal-year="2025"]')).toContainText(`Đánh giá trên địa giới ${HOME.vi} trước ngày 01/07/2025`);
  // A commune rate's verdict rests on Quý IV/2025 rebuilt from the communes inside the old border (issue #14, item 5).
  const commune = page.locator('[data-indicator="WORK_DOSSIER_ONLINE_COMMUNE"] [data-goal-year="2025"]');
  await expect(commune).toContainText("Kết luận cuối cùng, theo số liệu Quý IV/2025: 62,10%");
  await expect(commune).toContainText("được tính lại từ các xã, phường nằm trọn trong địa giới cũ");
  // Satisfaction is a yearly rate: the card says which four quarters its value sums (issue #14, item 10).
  const satisfaction = page.locator('[data-indicator="ONLINE_SERVICE_SATISFACTION"]');
  await expect(satisfaction.locator("[data-yearly-window]")).toHaveText(/^Tỷ lệ năm: Σ tử số \/ Σ mẫu số của 4 quý, từ Quý [IV]+\/20\d\d đến Quý [IV]+\/20\d\d$/);
  await expect(satisfaction).toContainText("Chỉ tiêu này là tỷ lệ năm");
  // A goal still open: whether the latest figure meets it, and how far along the way it is.
  const province = page.locator('[data-indicator="WORK_DOSSIER_ONLINE_PROVINCE"] [data-goal-year="2030"]');
  await expect(province).toContainText("đạt 100%");
  await expect(province).toContainText("Số liệu mới nhất chưa đạt mục tiêu này");
  await expect(province).toContainText(/Đã đi được \d+% quãng đường từ mức gốc đến mục tiêu/);
  // The districts ended on 1 July 2025: their 2030 goal is no longer assessed, and the card says why (issue #14).
  const district = page.locator('[data-indicator="WORK_DOSSIER_ONLINE_DISTRICT"] [data-goal-year="2030"]');
  await expect(district.locator("[data-status]")).toHaveAttribute("data-status", "NO_LONGER_ASSESSABLE");
  await expect(district).toContainText("Cấp huyện không còn từ ngày 01/07/2025");

  await card.getByRole("link").click();
  await expect(page).toHaveURL(/\/chi-tieu\/DVC_L4_SHARE$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tỷ lệ dịch vụ công trực tuyến mức độ 4");
  await expect(page.getByRole("img", { name: /Biểu đồ diễn biến theo quý/ })).toBeVisible();
  const table = page.locator('table[data-series-table="DVC_L4_SHARE"]');
  await expect(table.locator("tbody tr").first()).toContainText("Quý I/2021");
  await expect(table).toContainText(`Từ quý này: ${HOME.vi} mới`);
  await expect(page.locator("blockquote[lang=vi]").first()).toContainText("trên 90% dịch vụ công trực tuyến mức độ 4");
  await expect(page.getByRole("heading", { level: 2, name: "Lịch sử công bố" })).toBeVisible();

  await page.getByRole("navigation", { name: "Các trang công khai" }).getByRole("link", { name: "Phương pháp tính" }).click();
  await expect(page).toHaveURL(/\/phuong-phap$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phương pháp tính");
  // The thresholds are the maths' own (lib/progress/thresholds.ts): on track from 95%.
  await expect(page.locator("table[data-thresholds]")).toContainText("r ≥ 95%");

  await page.getByRole("navigation", { name: "Các trang công khai" }).getByRole("link", { name: "Tải dữ liệu" }).click();
  await expect(page).toHaveURL(/\/du-lieu$/);
  await expect(page.getByRole("link", { name: "Tải tệp CSV: mọi số liệu đã công bố" })).toHaveAttribute("href", "/api/public/figures.csv");
  await expect(page.locator("table[data-columns]")).toContainText("rate_percent");

  await page.getByRole("link", { name: /English/ }).click();
  await expect(page).toHaveURL(/\/en\/data$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Download the data");
});

test("the English journey, with the breakdown of a quarter before the 2025 reform", async ({ page }) => {
  await page.goto("/en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("note")).toContainText("Demo data.");
  await expect(page.getByRole("heading", { level: 2, name: "Digital government" })).toBeVisible();
  const card = page.locator('[data-indicator="WORK_DOSSIER_ONLINE_COMMUNE"]');
  await expect(card).toContainText("more than 60%");
  await expect(card.locator("[data-latest]")).toHaveText(/^\d{2}\.\d{2}%$/);

  await card.getByRole("link").click();
  await expect(page).toHaveURL(/\/en\/indicators\/WORK_DOSSIER_ONLINE_COMMUNE$/);
  // The latest quarter by default: the 92 communes of the new province, some not reported yet.
  const home = page.locator(`[data-province="${HOME.code}"][data-home="true"]`);
  await expect(home.locator("[data-coverage]")).toHaveAttribute("data-coverage", new RegExp(`^\\d+/${HOME.communes}$`));
  await page.getByLabel("Choose a quarter").selectOption("2025-Q2");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/quarter=2025-Q2/);
  await expect(page.getByRole("heading", { level: 3, name: new RegExp(`${HOME_PROVINCE.name} · Q2 2025`) })).toBeVisible();
  await expect(home.locator("[data-coverage]")).toContainText("172 of 172 units reported");
  await expect(home.locator("tr[data-district]")).toHaveCount(9);
  await expect(page.locator(`[data-province="${HOME_PROVINCE.merged[0]!.code}"]`)).toContainText(`former, now part of ${HOME.short}`);

  await page.getByRole("link", { name: "Methodology" }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: `The 2025 administrative reform and the ${HOME.merged[0]} merger` })).toBeVisible();
  await page.getByRole("link", { name: "Download the data" }).first().click();
  await expect(page.getByTestId("download-counts")).toContainText(/figures of 19 indicators/);
  await page.getByRole("link", { name: /Tiếng Việt/ }).click();
  await expect(page).toHaveURL(/\/du-lieu$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("every public page is complete: chart SVG and real tables in the HTML, the quarter picker works", async ({ page }) => {
    for (const path of [...PAGES.vi, ...PAGES.en]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
      if (path.includes("/chi-tieu/") || path.includes("/indicators/")) {
        const chart = page.locator("[data-chart] svg.recharts-surface").first();
        await expect(chart, path).toBeVisible();
        expect(await chart.locator("path.recharts-curve").count(), path).toBeGreaterThan(0);
        expect(await chart.locator(".recharts-dot, circle").count(), path).toBeGreaterThan(5);
        await expect(page.locator("table[data-series-table] tbody tr").first(), path).toBeVisible();
      }
    }
    await page.goto("/chi-tieu/WORK_DOSSIER_ONLINE_COMMUNE");
    await page.getByLabel("Chọn quý").selectOption("2025-Q2");
    await page.getByRole("button", { name: "Xem" }).click();
    await expect(page).toHaveURL(/quy=2025-Q2/);
    await expect(page.locator('[data-province="19"] [data-coverage]')).toHaveAttribute("data-coverage", "172/172");
  });
});

test("with JavaScript the server-rendered chart is kept as it is and gains a tooltip; the console stays clean", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto("/en/indicators/WORK_DOSSIER_ONLINE_COMMUNE");
  await page.waitForLoadState("networkidle");
  const chart = page.locator("[data-chart]").first();
  await expect(chart.locator("svg.recharts-surface path.recharts-curve").first()).toBeVisible();
  const point = chart.locator("[data-tip]").nth(4);
  const label = await point.getAttribute("data-tip");
  expect(label).toMatch(/^Q1 2022: \d+\.\d{2}%$/);
  await point.hover();
  await expect(chart.locator("[data-tooltip]")).toHaveText(label!);
  // recharts never reaches the browser: the chart is the server's markup.
  const scripts = await page.locator("script[src]").evaluateAll((all) => all.map((s) => (s as HTMLScriptElement).src));
  for (const src of scripts) expect(await (await page.request.get(src)).text(), src).not.toContain("recharts-surface");
  expect(problems).toEqual([]);
});

test("axe finds no WCAG 2 A/AA violation on any public page, in either language", async ({ page }) => {
  test.slow(); // twelve pages, each analysed in full: on the shared machine this outgrows the default timeout
  for (const path of [...PAGES.vi, ...PAGES.en]) {
    await page.goto(path);
    expect(await axeViolations(page), path).toEqual([]);
  }
});

test("unknown addresses get the public 404, in Vietnamese then English, with status 404 and no violation", async ({ page }) => {
  for (const path of ["/khong-co-trang-nay", "/en/unknown-page", "/chi-tieu/KHONG_CO_MA_NAY", "/en/indicators/not%20a%20code", "/_p/internal/vi"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.locator("html"), path).toHaveAttribute("lang", "vi");
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("Không tìm thấy trang này");
    const english = page.locator('section[lang="en"]');
    await expect(english.getByRole("heading", { level: 2 }), path).toHaveText("This page was not found");
    await expect(english.getByRole("link", { name: "Back to the home page: all goals" }), path).toHaveAttribute("href", "/en");
    await expect(page.getByRole("navigation", { name: "Các trang công khai" }), path).toBeVisible();
  }
  expect(await axeViolations(page)).toEqual([]);
});

test("each target names its source: the resolution, or the province's summary marked as unverified; the 2030 qualitative goal is there", async ({ page }) => {
  await page.goto("/chi-tieu/DVC_L4_SHARE");
  await expect(page.getByTestId("target-source").first()).toContainText("Nguồn: Nghị quyết số 01-NQ/TU");
  await page.goto("/chi-tieu/DTI_RANK");
  const sources = page.getByTestId("target-source");
  await expect(sources).toHaveCount(2);
  for (const source of await sources.all()) {
    await expect(source).toContainText("không có trong bài viết");
    await expect(source).toContainText("chưa đối chiếu được với văn bản gốc");
  }
  await page.goto("/chi-tieu/KEY_SECTOR_DATA_PLATFORMS");
  await expect(page.locator("blockquote").first()).toContainText("hình thành được nền tảng cho các ngành kinh tế trọng điểm dựa trên dữ liệu của các cơ quan nhà nước");
});

test("coverage stands beside every value summed from communes; a quarter under 80% is shown, marked and not judged", async ({ page }) => {
  await page.goto("/");
  const card = page.locator('[data-indicator="WORK_DOSSIER_ONLINE_COMMUNE"]').first();
  await expect(card.locator("[data-coverage]")).toHaveText(new RegExp(`^\\d+/${HOME.communes} đơn vị đã báo cáo \\(\\d+%\\)$`));
  await page.goto("/chi-tieu/WORK_DOSSIER_ONLINE_COMMUNE");
  // Q3/2026 has about half the communes approved in the demo: shown with its coverage, and marked.
  const q3 = page.locator('table[data-series-table] tr[data-quarter="2026-Q3"] [data-coverage]');
  await expect(q3).toHaveAttribute("data-coverage", new RegExp(`^\\d+/${HOME.communes}$`));
  await expect(q3.locator('[data-unjudged="LOW_COVERAGE"]')).toBeVisible();
  await page.goto("/phuong-phap");
  await expect(page.locator('[data-rule="coverage"]')).toContainText("Quý có độ phủ dưới 80%");
  await expect(page.locator('[data-rule="yearly-values"]')).toContainText("Σ tử số / Σ mẫu số của các quý");
});

test("a shared link previews well: title, description, Open Graph, hreflang alternates", async ({ page }) => {
  await page.goto("/chi-tieu/DVC_L4_SHARE");
  await expect(page).toHaveTitle(new RegExp(`^Tỷ lệ dịch vụ công trực tuyến mức độ 4.* — Theo dõi chuyển đổi số ${HOME.short}$`));
  const meta = (selector: string) => page.locator(selector).first().getAttribute("content");
  expect(await meta('meta[name="description"]')).toContain("số liệu theo quý đã được phê duyệt");
  expect(await meta('meta[property="og:locale"]')).toBe("vi_VN");
  expect(await meta('meta[property="og:locale:alternate"]')).toBe("en_US");
  expect(await meta('meta[property="og:title"]')).toContain("Tỷ lệ dịch vụ công trực tuyến mức độ 4");
  expect(await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute("href")).toMatch(/^https?:\/\/[^/]+\/en\/indicators\/DVC_L4_SHARE$/);
  expect(await page.locator('link[rel="alternate"][hreflang="x-default"]').getAttribute("href")).toMatch(/\/chi-tieu\/DVC_L4_SHARE$/);

  await page.goto("/en");
  expect(await meta('meta[property="og:locale"]')).toBe("en_US");
  expect(await page.locator('link[rel="alternate"][hreflang="vi"]').getAttribute("href")).toMatch(/^https?:\/\/[^/]+\/?$/);
});

test("the print stylesheet drops the navigation and keeps the data", async ({ page }) => {
  await page.goto("/chi-tieu/WORK_DOSSIER_ONLINE_COMMUNE");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Các trang công khai" })).toBeHidden();
  await expect(page.locator("form")).toBeHidden();
  await expect(page.locator("table[data-series-table]")).toBeVisible();
  await expect(page.getByRole("note")).toBeVisible();
});

test("the downloads: every published figure as CSV (UTF-8 with BOM) and JSON, the same rows", async ({ page, request }) => {
  await page.goto("/du-lieu");
  const counts = await page.getByTestId("download-counts").textContent();
  const stated = Number(counts!.match(/^([\d.]+) số liệu/)![1]!.replace(/\./g, ""));

  const csv = await request.get("/api/public/figures.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toContain("attachment");
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).split("\r\n").filter((l) => l !== "");
  expect(lines[0]).toMatch(/^indicator_code,indicator_name_vi,indicator_name_en,indicator_kind,/);
  expect(lines).toHaveLength(stated + 1);
  expect(lines.some((l) => l.includes(HOME_PROVINCE.name))).toBe(true);

  const json = await (await request.get("/api/public/figures.json")).json();
  expect(json.schema).toBe("dx-tracker/published-figures@1");
  expect(json.figures).toHaveLength(stated);
  expect(json.columns.map((c: { name: string }) => c.name).join(",")).toBe(lines[0]);
  expect(json.source.vi).toMatch(new RegExp(`^Số liệu chuyển đổi số của ${HOME.vi}`));
  expect(lines[0]).toMatch(/,responsible_department_code,responsible_department_name_vi,observation_status,source_document$/);

  // The same figures as SDMX-CSV, linked from the page, with their codelists (issue #14, item 12).
  const sdmxHref = await page.getByRole("link", { name: "Dữ liệu SDMX-CSV" }).getAttribute("href");
  const sdmx = await request.get(sdmxHref!);
  expect(sdmx.status()).toBe(200);
  expect(sdmx.headers()["content-type"]).toBe("application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8");
  const observations = (await sdmx.text()).replace(/^\uFEFF/, "").split("\r\n").filter((l) => l !== "");
  expect(observations[0]).toMatch(/^STRUCTURE,STRUCTURE_ID,ACTION,FREQ,INDICATOR,REF_AREA,SECTOR,TIME_PERIOD,OBS_VALUE,/);
  expect(observations).toHaveLength(stated + 1);
  expect(observations[1]).toMatch(/^dataflow,VN_TN:DF_DX_TRACKER\(1\.0\),I,Q,/);
  // One indicator's files, from its page (issue #16, item 8): the same rows as the full file, three ways.
  await page.goto("/chi-tieu/WORK_DOSSIER_ONLINE_COMMUNE");
  const links = page.locator("[data-indicator-downloads] a");
  await expect(links).toHaveCount(3);
  const mine = lines.filter((l) => l.startsWith("WORK_DOSSIER_ONLINE_COMMUNE,"));
  const intl = await request.get((await page.getByRole("link", { name: /^CSV quốc tế/ }).getAttribute("href"))!);
  expect(intl.status()).toBe(200);
  const intlLines = (await intl.body()).toString("utf8").slice(1).split("\r\n").filter((l) => l !== "");
  expect(intlLines.slice(1)).toEqual(mine);
  const vn = await request.get((await page.getByRole("link", { name: /^CSV cho Excel tiếng Việt/ }).getAttribute("href"))!);
  const vnLines = (await vn.body()).toString("utf8").slice(1).split("\r\n").filter((l) => l !== "");
  expect(vnLines).toHaveLength(mine.length + 1);
  expect(vnLines[0]).toBe(lines[0]!.replace(/,/g, ";"));
  expect(vnLines[1]).toMatch(/;\d+,\d+;%;/); // the rate with a decimal comma, unquoted
  const xlsx = await request.get((await page.getByRole("link", { name: "Excel (.xlsx)" }).getAttribute("href"))!);
  expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet("Số liệu")!;
  expect(sheet.rowCount).toBe(mine.length + 1);
  expect(typeof sheet.getRow(2).getCell(FIGURE_RATE_COLUMN).value).toBe("number");
  expect((await request.get("/api/public/chi-tieu/NO_SUCH/so-lieu.csv")).status()).toBe(404);
  expect((await request.get("/api/public/chi-tieu/WORK_DOSSIER_ONLINE_COMMUNE/so-lieu.pdf")).status()).toBe(404);
  await page.goto("/du-lieu");

  const codelists = await request.get((await page.getByRole("link", { name: "Danh mục mã (codelist)" }).getAttribute("href"))!);
  expect(codelists.status()).toBe(200);
  expect(await codelists.text()).toContain("CL_OBS_STATUS,P,Sơ bộ,Provisional");

  // Province and district aggregates with their coverage, by quarter and by year (issue #14, item 12; ADR 028):
  // whole files with the API's columns, every row of it, not its first page.
  const header = FIELDS.aggregates.map((f) => f.name).join(",");
  for (const [label, query] of [
    ["Theo quý (CSV)", ""],
    ["Theo năm (CSV)", "period=year&"],
  ] as const) {
    const file = await request.get((await page.getByRole("link", { name: label }).getAttribute("href"))!);
    expect(file.status(), label).toBe(200);
    expect(file.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(file.headers()["content-disposition"]).toContain("attachment");
    expect(file.headers().etag).toBeTruthy();
    const rows = (await file.text()).replace(/^\uFEFF/, "").split("\r\n").filter((l) => l !== "");
    expect(rows[0]).toBe(header);
    let count = 0;
    for (let cursor: string | null = ""; cursor !== null; ) {
      const body: { data: unknown[]; next_cursor: string | null } = await (await request.get(`/api/v1/aggregates?${query}limit=1000${cursor ? `&cursor=${cursor}` : ""}`)).json();
      count += body.data.length;
      cursor = body.next_cursor;
    }
    expect(rows, label).toHaveLength(count + 1);
    // The demo's figures say so on every row.
    expect(rows.slice(1).every((l) => l.split(",")[header.split(",").indexOf("is_demo")] === "true"), label).toBe(true);
  }
  const yearly = (await (await request.get("/api/public/aggregates-yearly.csv")).text()).split("\r\n");
  expect(yearly.some((l) => l.startsWith("DIGITAL_ECONOMY_GRDP,RATIO,,2024,2024,,19,") && l.includes(",2024-Q4,true,") && l.endsWith(",YEAR_TO_DATE"))).toBe(true);
});

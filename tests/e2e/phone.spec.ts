/**
 * Phones (issue #16, item 6; ADR 031): every page a phone user opens, at 390 × 844 —
 * the public home and an indicator page, the dashboard overview, a drill-down and the
 * completeness page, the entry grid and the review queue. On each: the page does not
 * scroll sideways (wide tables scroll inside their own labelled, focusable region), the
 * key column — the status — is on screen, chart text is at least 11 px as rendered,
 * axe finds nothing (WCAG 2 A/AA), and a full-page screenshot is attached to the test
 * (kept under test-results/ with the run's report).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { login } from "./fixtures";

const PHONE = { width: 390, height: 844 };
const INDICATOR = "WORK_DOSSIER_ONLINE_COMMUNE";

test.use({ viewport: PHONE, deviceScaleFactor: 1, isMobile: true, hasTouch: true });

async function noAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function noSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width, "the page's scroll width").toBeLessThanOrEqual(PHONE.width);
}

/** Fully inside the viewport's width (and laid out: not hidden by a breakpoint). */
async function onScreen(locator: Locator, what: string) {
  await expect(locator, what).toBeVisible();
  const box = (await locator.boundingBox())!;
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(PHONE.width);
}

/** The smallest text of the page's visible chart SVGs, in CSS pixels as drawn (font size × the SVG's scale). */
async function smallestChartText(page: Page, selector: string): Promise<{ count: number; min: number }> {
  return page.evaluate((sel) => {
    let min = Infinity;
    let count = 0;
    for (const svg of document.querySelectorAll<SVGSVGElement>(sel)) {
      if (svg.getBoundingClientRect().width === 0) continue; // the other breakpoint's drawing
      for (const text of svg.querySelectorAll<SVGTextElement>("text")) {
        if (!text.textContent?.trim()) continue;
        const scale = text.getScreenCTM()?.a ?? 1;
        min = Math.min(min, parseFloat(getComputedStyle(text).fontSize) * scale);
        count++;
      }
    }
    return { count, min };
  }, selector);
}

/**
 * The whole page as a phone shows it, written to the test's output folder (test-results/<test>/phone-<name>.png,
 * kept after the run, passed or failed) and attached to the test for the reporters.
 */
async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`phone-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(`phone-${name} (390×844)`, { path, contentType: "image/png" });
}

test("public home at 390 px: the status summary first, compact cards, no sideways scroll", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await noSidewaysScroll(page);
  const summary = page.getByTestId("status-summary");
  await onScreen(summary.locator("li").first(), "the first status count");
  // The summary comes before the first card, within the first screen.
  const summaryTop = (await summary.boundingBox())!.y;
  expect(summaryTop).toBeLessThan(PHONE.height);
  expect(summaryTop).toBeLessThan((await page.locator("article[data-indicator]").first().boundingBox())!.y);
  await onScreen(page.locator("article[data-indicator] [data-status]").first(), "a card's status");
  await noAxeViolations(page);
  await screenshot(page, testInfo, "home");
});

test("public indicator page at 390 px: readable chart text, the quarterly table in a scrollable region with its value column on screen", async ({ page }, testInfo) => {
  await page.goto(`/chi-tieu/${INDICATOR}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await noSidewaysScroll(page);
  const text = await smallestChartText(page, ".chart-frame svg");
  expect(text.count).toBeGreaterThan(4);
  expect(text.min, "chart text in px").toBeGreaterThanOrEqual(11);
  const table = page.locator("[data-series-table]").first();
  const region = page.locator(".table-scroll", { has: table });
  await expect(region).toHaveAttribute("tabindex", "0");
  await expect(region).toHaveAttribute("role", "region");
  await onScreen(table.locator("tbody tr").first().locator("td").first(), "the first value cell");
  await onScreen(page.locator("[data-goal-year] [data-status]").first(), "a goal's status");
  await noAxeViolations(page);
  await screenshot(page, testInfo, "indicator");
});

test("dashboard overview at 390 px: names readable, the status column on screen", async ({ page }, testInfo) => {
  await login(page, "VIEWER", "/theo-doi?ky=2026-Q3");
  await expect(page.locator('[data-table="tong-quan"]')).toBeVisible();
  await noSidewaysScroll(page);
  const row = page.locator('[data-table="tong-quan"] tbody tr[data-row]').first();
  await onScreen(row.locator('[data-goal="2025"] [data-status]'), "the 2025 status of the first row");
  // A name does not wrap one word per line: its column is wider than a long word.
  expect((await row.locator("th").boundingBox())!.width).toBeGreaterThanOrEqual(120);
  await noAxeViolations(page);
  await screenshot(page, testInfo, "dashboard");
});

test("drill-down at 390 px: readable charts, the unit's value and status on screen", async ({ page }, testInfo) => {
  await login(page, "VIEWER", `/theo-doi/chi-tieu/${INDICATOR}?ky=2026-Q3`);
  await expect(page.locator('[data-table="phan-to"]')).toBeVisible();
  await noSidewaysScroll(page);
  const text = await smallestChartText(page, "main svg[role='img'], .chart-svg svg");
  expect(text.count).toBeGreaterThan(4);
  expect(text.min, "chart text in px").toBeGreaterThanOrEqual(11);
  const row = page.locator('[data-table="phan-to"] tbody tr').first();
  await onScreen(row.locator('[data-cell="value"]'), "the first unit's value");
  await onScreen(row.locator('[data-cell="status"]'), "the first unit's status");
  await noAxeViolations(page);
  await screenshot(page, testInfo, "drill-down");

  // → the first unit's own page.
  await row.locator("th a").click();
  await expect(page).toHaveURL(/\/theo-doi\/don-vi\/\d+/);
  await expect(page.locator("[data-series]").first()).toBeVisible();
  await noSidewaysScroll(page);
  await onScreen(page.locator("[data-series] tbody tr").first().locator("td").first(), "the unit's latest value");
  await noAxeViolations(page);
  await screenshot(page, testInfo, "unit");
});

test("completeness at 390 px: the state column on screen", async ({ page }, testInfo) => {
  await login(page, "VIEWER", "/theo-doi/day-du?ky=2026-Q3");
  await expect(page.locator('[data-table="day-du"]')).toBeVisible();
  await noSidewaysScroll(page);
  await onScreen(page.locator('[data-table="day-du"] tbody tr').first().locator('[data-cell="state"]'), "the first unit's state");
  // The departments' indicators keep a readable name column (not one word per line).
  expect((await page.locator('[data-table="theo-so"] tbody tr').nth(1).locator("th").boundingBox())!.width).toBeGreaterThanOrEqual(120);
  // Pages of 20 units, the page in the URL; the heatmap follows the same page (issue #16, item 12).
  await expect(page.locator('[data-table="day-du"] tbody tr')).toHaveCount(20);
  await expect(page.locator('[data-table="heatmap"] tbody tr')).toHaveCount(20);
  await noAxeViolations(page);
  await screenshot(page, testInfo, "completeness");
  await page.getByRole("navigation", { name: "Trang của bảng đơn vị" }).getByRole("link", { name: "Trang 5" }).click();
  await expect(page).toHaveURL(/trang=5/);
  await expect(page.locator('[data-page="5/5"]')).toBeVisible();
  const last = await page.locator('[data-table="day-du"] tbody tr').count();
  expect(last).toBeGreaterThan(0);
  expect(last).toBeLessThanOrEqual(20);
  await expect(page.locator('[data-table="heatmap"] tbody tr')).toHaveCount(last);
  // The HTML of a page stays small whatever the province's size (it was 659 kB with every unit).
  const html = await (await page.request.get("/theo-doi/day-du?ky=2026-Q3")).text();
  expect(html.length).toBeLessThan(300_000);
});

test("entry grid and review queue at 390 px: no sideways page scroll, axe clean", async ({ page }, testInfo) => {
  await login(page, "EDITOR_VP", "/nhap-lieu?ky=2026-Q3");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await noSidewaysScroll(page);
  await noAxeViolations(page);
  await screenshot(page, testInfo, "entry");
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).not.toHaveURL(/nhap-lieu/);
  await login(page, "APPROVER", "/duyet?ky=2026-Q3");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await noSidewaysScroll(page);
  await noAxeViolations(page);
  await screenshot(page, testInfo, "review");
});

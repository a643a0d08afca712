/**
 * Any province (ADR 034): the embedded default — no DATABASE_URL, PGlite in its own
 * folder — started with DX_PROVINCE_CODE=01 by playwright.config.ts (project
 * "other-province", its own port), from the same build as the main run. Hà Nội is a
 * centrally-run city no other province merged into: its units come from the national
 * lists, its demo programme DEMO-01 and figures from the seed. The journey: the public
 * home, an indicator page, the dashboard and the entry grid name Hà Nội and never the
 * default province.
 */
import { expect, test, type Page } from "@playwright/test";
import { DEFAULT_PROVINCE_CODE, findProvince, provinceWords } from "@/lib/geography/provinces";
import { NEW_UNITS_VALID_FROM, loadAdminUnitSeed } from "@/lib/seed/admin-units";
import { getIndicator } from "@/lib/seed/resolution";
import { login } from "./fixtures";

const HANOI = provinceWords(findProvince("01")!);
const DEFAULT = provinceWords(findProvince(DEFAULT_PROVINCE_CODE)!);
/** Words that belong to the default province only: its name, the province merged into it, its resolution. */
const FOREIGN = new RegExp([DEFAULT.short, DEFAULT.ascii, ...DEFAULT.merged, "01-NQ/TU"].join("|"));

const hanoiCommunes = new Set(
  loadAdminUnitSeed(undefined, "01")
    .units.filter((u) => u.level === "COMMUNE" && u.validFrom === NEW_UNITS_VALID_FROM)
    .map((u) => u.name),
);

async function expectNoDefaultProvince(page: Page) {
  const text = await page.locator("body").innerText();
  expect(text.match(FOREIGN)?.[0] ?? null).toBeNull();
  expect(await page.title()).not.toMatch(FOREIGN);
}

test("the public home, an indicator page, the English home and the methodology name Hà Nội, with the demo programme's goals and the city's communes", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Theo dõi chuyển đổi số ${HANOI.vi}`);
  await expect(page).toHaveTitle(`Theo dõi chuyển đổi số — ${HANOI.vi}`);
  await expect(page.getByRole("note")).toContainText("Dữ liệu minh họa");
  await expect(page.getByRole("note")).toContainText(`không phải số liệu chính thức của ${HANOI.vi}`);
  // DEMO-01's goals, measured on the demo figures of the city.
  const card = page.locator('[data-indicator="DVC_L4_SHARE"]');
  await expect(card.locator("[data-latest]")).toHaveText(/^\d{2},\d{2}%$/);
  await expect(card.locator('[data-goal-year="2025"] [data-status]')).toHaveAttribute("data-status", /^(ACHIEVED|MISSED)$/);
  await expectNoDefaultProvince(page);

  await page.goto("/chi-tieu/WORK_DOSSIER_ONLINE_COMMUNE");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(getIndicator("WORK_DOSSIER_ONLINE_COMMUNE").nameVi);
  await expect(page).toHaveTitle(new RegExp(` — Theo dõi chuyển đổi số ${HANOI.short}$`));
  await expect(page.locator("main")).toContainText(`theo ${HANOI.communes} xã, phường của ${HANOI.vi} mới`);
  await expect(page.locator("main")).toContainText("Thành phố Hà Nội");
  await expectNoDefaultProvince(page);

  // The same in English, and the methodology, which tells the 2025 reform without a merger.
  await page.goto("/en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${HANOI.short} digital transformation tracker`);
  await expectNoDefaultProvince(page);
  await page.goto("/phuong-phap");
  await expect(page.getByRole("heading", { level: 2, name: "Cải cách hành chính năm 2025", exact: true })).toBeVisible();
  await expect(page.locator("main")).toContainText(`các xã, phường, thị trấn của ${HANOI.vi} được sắp xếp lại thành ${HANOI.communes} xã, phường`);
  await expectNoDefaultProvince(page);
});

test("the dashboard, signed in, drills into the city's 30 districts before 1 July 2025", async ({ page }) => {
  await login(page, "VIEWER", "/theo-doi");
  await expect(page.getByRole("heading", { level: 1, name: /Bảng điều hành/ })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(`Theo dõi chuyển đổi số ${HANOI.short}`);
  await expect(page.locator('[data-table="tong-quan"] tbody tr').first()).toBeVisible();
  await expectNoDefaultProvince(page);

  await page.goto("/theo-doi/chi-tieu/WORK_DOSSIER_ONLINE_COMMUNE?ky=2025-Q2");
  await page.locator('[data-boundary="truoc"]').click();
  await expect(page.locator('[data-boundary="truoc"]')).toHaveAttribute("aria-current", "true");
  await expect(page.locator('[data-table="phan-to"] tbody tr')).toHaveCount(30);
  await expectNoDefaultProvince(page);
});

test("the entry grid lists the city's communes", async ({ page }) => {
  await login(page, "EDITOR_VP", "/nhap-lieu?ky=2026-Q3&loc=thieu");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập số liệu — Quý III/2026");
  const region = page.getByRole("region", { name: getIndicator("WORK_DOSSIER_ONLINE_COMMUNE").nameVi });
  await expect(region).toContainText(new RegExp(`Đang hiện \\d+/${HANOI.communes} dòng theo bộ lọc\\.`));
  const rows = region.getByRole("grid").locator("tr[data-row-key]");
  expect(await rows.count()).toBeGreaterThan(0);
  const names = await rows.getByRole("rowheader").allInnerTexts();
  for (const name of names) expect(hanoiCommunes.has(name.replace("(chưa lưu)", "").trim()), name).toBe(true);
  await expectNoDefaultProvince(page);
});

import { expect, test } from "@playwright/test";

test("the home page lists every target of the resolution from the database, in Vietnamese, with the demo notice", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Theo dõi chuyển đổi số/);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("note")).toContainText("Dữ liệu minh họa");
  await expect(page.getByRole("heading", { level: 2, name: "Chính quyền số" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Kinh tế số" })).toBeVisible();

  // The level-4 services target: "trên 90%" by 2025, with a latest approved figure in Vietnamese format.
  const dvc = page.locator('[data-indicator="DVC_L4_SHARE"]');
  await expect(dvc).toContainText("Tỷ lệ dịch vụ công trực tuyến mức độ 4");
  await expect(dvc).toContainText("trên 90%");
  await expect(dvc).toContainText(/\d+,\d{2}%/);
  await expect(dvc).toContainText(/Quý (I|II|III|IV)\/20\d\d/);
  // After 2025 the 2025 verdict is final: achieved or missed.
  await expect(dvc.locator("[data-status]").first()).toHaveAttribute("data-status", /^(ACHIEVED|MISSED)$/);

  // Commune-level dossiers: a province figure rolled up from the communes.
  await expect(page.locator('[data-indicator="WORK_DOSSIER_ONLINE_COMMUNE"]')).toContainText("trên 60%");
  // Every sector of the digital-economy-by-sector target has its own row.
  expect(await page.locator('[data-indicator^="DIGITAL_ECONOMY_SECTOR:"]').count()).toBeGreaterThanOrEqual(5);

  // Which programme the targets are of (issue #15, item 5), and the national one beside it, as a reference without a page.
  await expect(page.getByTestId("programme-shown")).toContainText("Đang hiển thị các mục tiêu của 01-NQ/TU");
  await expect(page.getByTestId("programme-shown")).toContainText("Ban Chấp hành Đảng bộ tỉnh Thái Nguyên; đang có hiệu lực");
  await expect(page.getByTestId("other-programmes")).toContainText("giai đoạn 2020–2025, tầm nhìn 2030 · đang có hiệu lực");
  const others = page.getByTestId("other-programmes");
  await expect(others).toContainText("749/QĐ-TTg");
  await expect(others.getByRole("link", { name: "749/QĐ-TTg" })).toHaveCount(0);
});

test("a programme has its own page, in both languages; a slug that names none, or a national programme, is the public 404 (issue #15, item 5)", async ({ page }) => {
  const response = await page.goto("/chuong-trinh/01-nq-tu");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("01-NQ/TU: Chương trình chuyển đổi số");
  await expect(page.locator('[data-indicator="DVC_L4_SHARE"]')).toContainText("trên 90%");
  await expect(page.getByRole("link", { name: "Về chương trình đang có hiệu lực" })).toHaveAttribute("href", "/");
  await page.goto("/en/programmes/01-nq-tu");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("01-NQ/TU:");
  for (const url of ["/chuong-trinh/khong-co", "/chuong-trinh/749-qd-ttg", "/chuong-trinh/01-NQ%2FTU"]) {
    expect((await page.goto(url))?.status(), url).toBe(404);
  }
});

test("each card with figures has a trend sparkline, and an open goal's card marks where its path says the latest should be (issue #16, item 7)", async ({ page }) => {
  await page.goto("/");
  const trends = page.locator("article[data-indicator] [data-trend] svg[role='img']");
  expect(await trends.count()).toBeGreaterThan(10);
  const marked = page.locator("article[data-indicator]").filter({ has: page.locator("[data-expected-by-now]") });
  expect(await marked.count()).toBeGreaterThan(0);
  const first = marked.first();
  await expect(first.locator("[data-expected-by-now]")).toContainText(/Theo lộ trình đến mục tiêu 2030, Quý (I|II|III|IV)\/20\d\d lẽ ra đạt/);
  await expect(first.locator("svg [data-expected]")).toHaveCount(1);
  await expect(first.locator("svg[role='img']")).toHaveAttribute("aria-label", /^Xu hướng \d quý gần nhất: từ \d+,\d{2}% \(Quý (I|II|III|IV)\/20\d\d\) đến/);
});

test("the status badges filter the cards, without script, and 'Hiện tất cả' brings them all back (issue #16, item 7)", async ({ browser }) => {
  // No JavaScript: the filter is the anchor's :target and app/globals.css, on the cached page as it is.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  const cards = page.locator("li[data-statuses]");
  const total = await cards.count();
  const badge = page.locator('[data-status-filter="MISSED"]');
  await expect(badge).toHaveAccessibleName(/^Chỉ hiện chỉ tiêu có mục tiêu “Không đạt” \(\d+\)$/);
  await badge.click();
  await expect(page).toHaveURL(/#loc-MISSED$/);
  await expect(page.locator('[data-filter-note="MISSED"]')).toBeVisible();
  await expect(page.locator('[data-filter-note="ACHIEVED"]')).toBeHidden();
  const shown = page.locator("li[data-statuses]:visible");
  const n = await shown.count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(total);
  for (const s of await shown.evaluateAll((els) => els.map((e) => e.getAttribute("data-statuses") ?? ""))) expect(s.split(" ")).toContain("MISSED");
  // A group with no such card is hidden with its heading.
  await expect(page.getByRole("heading", { level: 2, name: "Hạ tầng số" })).toBeHidden();
  await page.locator('[data-filter-note="MISSED"]').getByRole("link", { name: "Hiện tất cả" }).click();
  await expect(page.locator("li[data-statuses]:visible")).toHaveCount(total);
  await context.close();
});

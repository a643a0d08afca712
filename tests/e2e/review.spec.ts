/**
 * Review in the browser, against the demo data of a fresh database
 * (lib/seed/demo-figures.ts, deterministic): the 2026 Q3 province figures of
 * DVC_L4_SHARE (1.512 / 1.589 = 95,15%) and WORK_DOSSIER_ONLINE_PROVINCE
 * (36.156 / 37.369) are SUBMITTED; the latest approved quarter of both is
 * Quý II/2026. Approving publishes at once to the public home page; a
 * rejection reaches the editor with the reviewer's words, and the corrected
 * figure comes back to the queue.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { getIndicator } from "@/lib/seed/resolution";
import { login } from "./fixtures";

/** The home page as the public sees it: a fresh browser context, no session. */
async function withPublicHome(browser: Browser, check: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto("/");
    await check(page);
  } finally {
    await context.close();
  }
}

const card = (page: Page, code: string) => page.locator(`[data-indicator="${code}"]`).first();
const queueRow = (page: Page, code: string) => page.locator(`tr[data-indicator="${code}"][data-unit-level="PROVINCE"]`);
const result = (page: Page) => page.locator("[data-result]");
const APPROVER_NAME = "Người phê duyệt (demo)";

/**
 * The public HTML of a page, and whether Next's page cache answered it (X-Nextjs-Cache, ADR 015):
 * HIT, or STALE once the page's one-second revalidate has passed (answered from the cache all the
 * same, re-rendered behind the answer); MISS is a render.
 */
async function publicHtml(request: APIRequestContext, path: string): Promise<{ html: string; cache: string | undefined }> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return { html: await response.text(), cache: response.headers()["x-nextjs-cache"] };
}

test("an approver approves a submitted figure and the public home page shows it at once", async ({ page, browser, request }) => {
  await withPublicHome(browser, async (home) => {
    await expect(card(home, "DVC_L4_SHARE")).toContainText("Quý II/2026");
    await expect(card(home, "DVC_L4_SHARE")).not.toContainText("Quý III/2026");
  });
  // The public pages are cached HTML: the second request is answered from Next's page cache (ADR 015), not rendered.
  for (const path of ["/", "/chi-tieu/DVC_L4_SHARE", "/en"]) {
    await publicHtml(request, path);
    const cached = await publicHtml(request, path);
    expect(cached.cache, path).toMatch(/^(HIT|STALE)$/);
    expect(cached.html, path).not.toContain("95,15%");
    expect(cached.html, path).not.toContain("95.15%");
  }

  await login(page, "APPROVER", "/duyet?ky=2026-Q3");
  await expect(page.getByRole("heading", { level: 1, name: "Duyệt số liệu" })).toBeVisible();
  await expect(page.getByLabel("Kỳ báo cáo")).toHaveValue("2026-Q3");
  const row = queueRow(page, "DVC_L4_SHARE");
  await expect(row).toContainText("95,15%");
  await expect(row).toContainText("1.512 / 1.589");
  await expect(row).toContainText("Quý II/2026"); // the previous approved quarter, beside the value
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Duyệt (1)" }).click();
  // The confirmation names the count; this figure has no flag, so it can be confirmed at once.
  const confirm = page.getByRole("dialog", { name: "Duyệt và công bố 1 số liệu?" });
  await expect(confirm).toContainText("Không có số liệu nào có cảnh báo bất thường.");
  await confirm.getByRole("button", { name: "Duyệt và công bố (1)" }).click();
  await expect(result(page)).toHaveAttribute("data-result", "success");
  await expect(page.getByRole("status").filter({ hasText: "Đã duyệt và công bố 1 số liệu." })).toBeVisible();
  await expect(row).toHaveCount(0);

  // The cached HTML was replaced at once: the very next request of each page has the figure
  // (rendered by that request, or by whoever asked first — the staff page prefetches its link to /).
  expect((await publicHtml(request, "/")).html).toContain("95,15%");
  expect((await publicHtml(request, "/chi-tieu/DVC_L4_SHARE")).html).toContain("95,15%");
  expect((await publicHtml(request, "/en")).html).toContain("95.15%");
  expect((await publicHtml(request, "/")).cache).toMatch(/^(HIT|STALE)$/);
  await withPublicHome(browser, async (home) => {
    await expect(card(home, "DVC_L4_SHARE")).toContainText("Quý III/2026");
    await expect(card(home, "DVC_L4_SHARE").locator("[data-latest]")).toHaveText("95,15%");
  });
});

test("reject → the editor sees why, fixes and resubmits → approve; the figure's history tells it all", async ({ page, browser }) => {
  const indicator = getIndicator("WORK_DOSSIER_ONLINE_PROVINCE");
  const comment = "Mẫu số chưa gồm hồ sơ của Bắc Kạn cũ; đề nghị bổ sung.";

  await login(page, "APPROVER", "/duyet?ky=2026-Q3");
  const row = queueRow(page, "WORK_DOSSIER_ONLINE_PROVINCE");
  await expect(row).toContainText("96,75%");
  const figureId = await row.getAttribute("data-figure-id");
  await row.getByRole("checkbox").check();

  // No reason, no rejection: the reviewer is told why, nothing changes.
  await page.getByRole("button", { name: "Từ chối (1)" }).click();
  await expect(result(page)).toHaveAttribute("data-result", "error");
  await expect(result(page)).toContainText("Lý do từ chối cần ít nhất 5 ký tự");
  await expect(page.getByLabel(/^Lý do từ chối/)).toBeFocused();
  await expect(row).toHaveCount(1);

  await page.getByLabel(/^Lý do từ chối/).fill(comment);
  await page.getByRole("button", { name: "Từ chối (1)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã từ chối 1 số liệu." })).toBeVisible();
  await expect(row).toHaveCount(0);
  // The rejection is the approver's: the figure's page credits it to them, not to the editor (issue #16, item 10).
  await page.goto(`/so-lieu/${figureId}`);
  await expect(page.locator("[data-last-change]")).toContainText(`${APPROVER_NAME} (từ chối)`);
  await page.goto("/duyet?ky=2026-Q3");

  // The editor of Văn phòng UBND tỉnh finds the figure back, with the reviewer's words.
  const editorContext = await browser.newContext();
  try {
    const editor = await editorContext.newPage();
    await login(editor, "EDITOR_VP", "/nhap-lieu?ky=2026-Q3");
    const section = editor.getByRole("region", { name: indicator.nameVi });
    const rejected = section.locator('tr[data-status="REJECTED"]');
    await expect(rejected).toHaveCount(1);
    await expect(rejected).toContainText(`Ý kiến người duyệt: ${comment}`);
    const key = await rejected.getAttribute("data-row-key");
    const line = section.locator(`tr[data-row-key="${key}"]`);

    await line.getByLabel(/^Mẫu số –/).fill("37500");
    await editor.getByRole("button", { name: "Lưu nháp" }).click();
    await expect(line).toHaveAttribute("data-status", "DRAFT");
    await line.getByRole("checkbox").check();
    await editor.getByRole("button", { name: "Gửi duyệt" }).click();
    await expect(line).toHaveAttribute("data-status", "SUBMITTED");
  } finally {
    await editorContext.close();
  }

  // Back in the queue with the corrected value (36.156 / 37.500), approved.
  await page.goto("/duyet?ky=2026-Q3");
  await expect(row).toContainText("96,42%");
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Duyệt (1)" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Duyệt và công bố (1)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã duyệt và công bố 1 số liệu." })).toBeVisible();

  await withPublicHome(browser, async (home) => {
    await expect(card(home, "WORK_DOSSIER_ONLINE_PROVINCE").locator("[data-latest]")).toHaveText("96,42%");
  });

  // The history: published once, and every step newest first, the rejection with its reason.
  await page.goto(`/so-lieu/${figureId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(indicator.nameVi);
  await expect(page.locator("tr[data-revision]")).toHaveCount(1);
  await expect(page.locator('tr[data-revision="1"]')).toContainText("Đang công bố");
  await expect(page.locator("tr[data-revision='1']")).toContainText("96,42%");
  const actions = await page.locator("tr[data-action]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
  expect(actions[0]).toBe("FIGURE_APPROVED");
  expect(actions[1]).toBe("FIGURE_SUBMITTED");
  expect(actions.at(-1)).toBe("FIGURE_REJECTED");
  await expect(page.locator('tr[data-action="FIGURE_REJECTED"]')).toContainText(comment);
  await expect(page.locator('tr[data-action="FIGURE_REJECTED"]')).toContainText("Chờ duyệt → Bị từ chối");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Published by mistake after all: the approver withdraws it, with a reason (issue #16, item 4).
  const published = page.locator('tr[data-revision="1"]');
  await published.getByText("Rút công bố", { exact: true }).first().click();
  const withdraw = page.getByRole("form", { name: "Rút lần công bố 1" });
  await withdraw.getByRole("button", { name: "Rút công bố" }).click();
  await expect(withdraw).toContainText("Nêu lý do rút công bố (ít nhất 10 ký tự)");
  await withdraw.getByLabel(/^Lý do rút công bố/).fill("Mẫu số 37.500 chưa được Sở xác nhận");
  await withdraw.getByRole("button", { name: "Rút công bố" }).click();
  // The page is rendered again at once: the row now says the publication was withdrawn (the form is gone with it).
  await expect(published.locator("[data-withdrawn]")).toContainText(`Đã rút công bố lúc`);
  await expect(published.getByText("Đang công bố")).toHaveCount(0);
  await expect(published.locator("[data-withdrawn]")).toContainText(`(${APPROVER_NAME}): Mẫu số 37.500 chưa được Sở xác nhận`);
  await expect(page.locator("tr[data-action]").first()).toHaveAttribute("data-action", "FIGURE_PUBLICATION_WITHDRAWN");
  // The public no longer sees it: the card falls back to the latest quarter still published.
  await withPublicHome(browser, async (home) => {
    await expect(card(home, "WORK_DOSSIER_ONLINE_PROVINCE").locator("[data-latest]")).not.toHaveText("96,42%");
    await expect(card(home, "WORK_DOSSIER_ONLINE_PROVINCE")).toContainText("Quý II/2026");
  });
});

test("an admin unlocks a closed quarter with a reason and locks it again", async ({ page }) => {
  await login(page, "ADMIN", "/quan-tri/ky-bao-cao");
  await expect(page.getByRole("heading", { level: 1, name: "Kỳ báo cáo" })).toBeVisible();
  // A section of the administration (#17): its menu marks it as the page open.
  await expect(page.getByRole("navigation", { name: "Quản trị" }).getByRole("link", { name: "Kỳ báo cáo" })).toHaveAttribute("aria-current", "page");
  const q2 = page.locator('tr[data-period="2026-Q2"]');
  await expect(q2.locator("[data-period-status]")).toHaveAttribute("data-period-status", "LOCKED");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await q2.getByLabel(/^Lý do mở khóa/).fill("Bổ sung số liệu sau thanh tra");
  await q2.getByRole("button", { name: "Mở khóa" }).click();
  await expect(q2.getByRole("status")).toContainText("Đã mở khóa Quý II/2026.");
  await expect(q2.locator("[data-period-status]")).toHaveAttribute("data-period-status", "OPEN");

  await q2.getByRole("button", { name: "Khóa kỳ" }).click();
  await expect(q2.locator("[data-period-status]")).toHaveAttribute("data-period-status", "LOCKED");

  // Viewers may not manage periods: the page says so, the menu has no link to it, and no administration menu is drawn.
  const viewer = page; // sign in again as a viewer in the same tab
  await viewer.context().clearCookies();
  await login(viewer, "VIEWER", "/quan-tri/ky-bao-cao");
  await expect(viewer.getByRole("alert").filter({ hasText: "không có quyền quản lý kỳ báo cáo" })).toBeVisible();
  await expect(viewer.getByRole("navigation", { name: "Chức năng" }).getByRole("link", { name: "Kỳ báo cáo" })).toHaveCount(0);
  await expect(viewer.getByRole("navigation", { name: "Quản trị" })).toHaveCount(0);
});

test("approving a flagged figure asks for its own acknowledgement: the dialog names the count and the flags, and waits", async ({ page }) => {
  await login(page, "APPROVER", "/duyet?ky=2026-Q3");
  const flagged = page.locator("tr[data-figure-id]").filter({ has: page.locator("[data-outlier-flags]") }).first();
  const plain = page.locator("tr[data-figure-id]").filter({ hasNot: page.locator("[data-outlier-flags]") }).first();
  const flaggedId = await flagged.getAttribute("data-figure-id");
  await flagged.getByRole("checkbox").check();
  await plain.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Duyệt (2)" }).click();

  const dialog = page.getByRole("dialog", { name: "Duyệt và công bố 2 số liệu?" });
  await expect(dialog).toContainText("1 số liệu có cảnh báo bất thường");
  await expect(dialog.locator(`[data-flagged-figure="${flaggedId}"] [data-rule]`).first()).toBeVisible();
  const confirm = dialog.getByRole("button", { name: "Duyệt và công bố (2)" });
  await expect(confirm).toBeDisabled();
  expect((await new AxeBuilder({ page }).include("dialog").analyze()).violations).toEqual([]);

  // Going back publishes nothing.
  await dialog.getByRole("button", { name: "Quay lại" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(flagged).toHaveCount(1);

  await page.getByRole("button", { name: "Duyệt (2)" }).click();
  await dialog.getByRole("checkbox", { name: "Tôi đã xem cảnh báo và xác nhận số liệu này đúng." }).check();
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(page.getByRole("status").filter({ hasText: "Đã duyệt và công bố 2 số liệu." })).toBeVisible();
  await expect(page.locator(`tr[data-figure-id="${flaggedId}"]`)).toHaveCount(0);
});

/**
 * Notifications in the browser (issue #16, item 11; ADR 030): the editor of Văn phòng UBND tỉnh
 * submits a commune's figure of 2026 Q4 → the approver finds it in their notification list (the
 * header counts it), follows it to the queue and rejects it → the editor finds the rejection, with
 * the approver's name and words, and the header's count falls as they read. Q4 rows only: the
 * other specs' rows (Q3) are left alone. Counts are compared before and after, as earlier specs
 * of the run may have notified these accounts too.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { getIndicator } from "@/lib/seed/resolution";
import { login, type DemoRole } from "./fixtures";

const COMMUNE = getIndicator("WORK_DOSSIER_ONLINE_COMMUNE");
const EDITOR_VP_NAME = "Biên tập viên Văn phòng UBND tỉnh (demo)";
const APPROVER_NAME = "Người phê duyệt (demo)";

/** The header's unread count, as its link says it ("Thông báo 3 chưa đọc"; none: "Thông báo (không có thông báo chưa đọc)"). */
async function unreadCount(page: Page): Promise<number> {
  const link = page.getByTestId("notification-count");
  const text = (await link.textContent()) ?? "";
  const match = /^Thông báo (\d+) chưa đọc$/.exec(text.trim());
  const count = match ? Number(match[1]) : 0;
  if (!match) expect(text.trim()).toBe("Thông báo (không có thông báo chưa đọc)");
  expect(await link.getAttribute("data-unread")).toBe(String(count));
  return count;
}

async function signedInPage(browser: Browser, role: DemoRole, next: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, role, next);
  return page;
}

test("editor submits → the approver is told and rejects → the editor is told why, and the count falls as they read", async ({ browser }) => {
  test.setTimeout(180_000);
  const comment = "Số hồ sơ trực tuyến chưa khớp với hệ thống một cửa; đề nghị kiểm tra.";
  const approver = await signedInPage(browser, "APPROVER", "/thong-bao");
  const editor = await signedInPage(browser, "EDITOR_VP", "/nhap-lieu?ky=2026-Q4");
  try {
    const approverBefore = await unreadCount(approver);

    // 1. The editor enters a missing commune of Quý IV/2026 and submits it.
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Nhập số liệu — Quý IV/2026");
    const region = editor.getByRole("region", { name: COMMUNE.nameVi });
    await expect(region.locator("tr[data-status]").first()).toBeVisible();
    const missing = region.locator('tr[data-status="NONE"], tr[data-status="DRAFT"]');
    expect(await missing.count(), "a commune of Quý IV/2026 not yet submitted").toBeGreaterThan(0);
    const row = region.locator(`tr[data-row-key="${await missing.first().getAttribute("data-row-key")}"]`);
    const unit = (await row.getByRole("rowheader").innerText()).replace("(chưa lưu)", "").trim();
    await row.getByLabel(`Tử số – ${unit}`).fill("41");
    await row.getByLabel(`Mẫu số – ${unit}`).fill("50");
    await editor.getByRole("button", { name: "Lưu nháp" }).click();
    await expect(row).toHaveAttribute("data-status", "DRAFT");
    await row.getByRole("checkbox", { name: `Chọn gửi duyệt – ${unit}` }).check();
    await editor.getByRole("button", { name: "Gửi duyệt" }).click();
    await expect(editor.getByRole("status").filter({ hasText: "Đã gửi duyệt 1 số liệu." })).toBeVisible();
    await expect(row).toHaveAttribute("data-status", "SUBMITTED");

    // 2. The approver's header counts it, and the list says who submitted what.
    await approver.goto("/thong-bao");
    await expect(approver.getByRole("heading", { level: 1, name: "Thông báo" })).toBeVisible();
    expect(await unreadCount(approver)).toBe(approverBefore + 1);
    const submitted = approver.getByTestId("notification").filter({ hasText: `${EDITOR_VP_NAME} đã nộp 1 số liệu Quý IV/2026 chờ duyệt` }).filter({ hasText: unit });
    await expect(submitted).toHaveCount(1);
    await expect(submitted).toHaveAttribute("data-unread", "1");
    await expect(submitted.locator("time")).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    // All of axe's rules, as the other staff pages are checked (the header's count included).
    expect((await new AxeBuilder({ page: approver }).analyze()).violations).toEqual([]);

    // It leads to the queue of that quarter, where the approver rejects it.
    await submitted.getByRole("link", { name: "Xem hàng chờ duyệt" }).click();
    await expect(approver).toHaveURL(/\/duyet\?ky=2026-Q4$/);
    const queued = approver.locator(`tr[data-indicator="${COMMUNE.code}"]`).filter({ hasText: unit });
    await expect(queued).toHaveCount(1);
    const figureId = await queued.getAttribute("data-figure-id");
    await queued.getByRole("checkbox").check();
    await approver.getByLabel(/^Lý do từ chối/).fill(comment);
    await approver.getByRole("button", { name: "Từ chối (1)" }).click();
    // The row leaves the queue. (The queue of 2026-Q4 held only this figure: once the page refreshes it shows
    // "no figure awaits", and the queue's own "Đã từ chối 1 số liệu." goes with it — too quick to wait for on a busy machine.)
    await expect(queued).toHaveCount(0);
    await expect(approver.getByRole("alert").filter({ hasText: /lỗi/i })).toHaveCount(0);

    // 3. The editor is told: by whom, which figure, why, linking to the figure.
    await editor.goto("/thong-bao");
    const editorUnread = await unreadCount(editor);
    expect(editorUnread).toBeGreaterThan(0);
    const rejected = editor.getByTestId("notification").filter({ hasText: `${APPROVER_NAME} đã từ chối 1 số liệu Quý IV/2026 của bạn` }).filter({ hasText: unit });
    await expect(rejected).toHaveCount(1);
    await expect(rejected).toContainText(`Lý do: ${comment}`);
    await expect(rejected.getByRole("link", { name: "Xem số liệu" })).toHaveAttribute("href", `/so-lieu/${figureId}`);
    expect((await new AxeBuilder({ page: editor }).analyze()).violations).toEqual([]);

    // Reading it: the count falls by one; "all": to none.
    await rejected.getByRole("button", { name: /^Đánh dấu đã đọc/ }).click();
    await expect(rejected).not.toHaveAttribute("data-unread", "1");
    await expect.poll(() => unreadCount(editor)).toBe(editorUnread - 1);
    if (editorUnread > 1) {
      await editor.getByRole("button", { name: "Đánh dấu tất cả là đã đọc" }).click();
      await expect.poll(() => unreadCount(editor)).toBe(0);
    }
    await expect(editor.getByTestId("notification-summary")).toContainText("0 chưa đọc");
    await expect(editor.getByRole("link", { name: "Thông báo (không có thông báo chưa đọc)" })).toBeVisible();
    // It stays read after a reload, and the link leads to the figure's page.
    await editor.reload();
    await expect(rejected).not.toHaveAttribute("data-unread", "1");
    await rejected.getByRole("link", { name: "Xem số liệu" }).click();
    await expect(editor).toHaveURL(new RegExp(`/so-lieu/${figureId}$`));

    // The approver's own list is untouched by the editor's reading.
    await approver.goto("/thong-bao");
    await expect(approver.getByTestId("notification").filter({ hasText: unit }).first()).toHaveAttribute("data-unread", "1");
  } finally {
    await approver.context().close();
    await editor.context().close();
  }
});

test("the notification list is a staff page: the public is sent to sign in", async ({ page }) => {
  await page.goto("/thong-bao");
  await expect(page).toHaveURL(/\/dang-nhap\?callbackUrl=%2Fthong-bao/);
});

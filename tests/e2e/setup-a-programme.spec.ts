/**
 * Programmes as data (issue #15) in the browser, against a fresh demo database:
 * an admin records the next provincial programme and a new indicator, sets its
 * 2030 target (which goes to the programme in force it names), and the public
 * indicator page shows that target; the national programme's line is shown
 * beside the province's goal it answers. Then the admin retires the new indicator from a quarter
 * (refused while a target or a figure needs it), the entry grid stops offering it, and its public
 * page says so. Every page: 0 axe violations.
 *
 * It adds an indicator and publishes a figure that is not demo data: the specs run one after the
 * other in name order on one database, so this file is named to run after those that count the
 * demo's indicators and figures (public.spec's downloads).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { HOME, login } from "./fixtures";

async function noAxeViolations(page: Page) {
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);
}

test("an admin records a 2026–2030 programme and a new indicator with its 2030 target; an editor enters a quarter, an approver approves, the public page shows it against the target", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await login(page, "ADMIN", "/quan-tri/chuong-trinh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chương trình");
  await expect(page.locator('tr[data-programme="01-NQ/TU"]')).toContainText("Đang hiệu lực");
  await expect(page.locator('tr[data-programme="749/QĐ-TTg"]')).toContainText("Quốc gia");
  await noAxeViolations(page);

  const form = page.getByRole("form", { name: "Ghi một chương trình" });
  await expect(form.getByRole("button", { name: "Ghi chương trình" })).toBeEnabled(); // hydrated
  await form.getByLabel("Số hiệu văn bản").fill("05-NQ/TU");
  await form.getByLabel("Tên chương trình (tiếng Việt)").fill("Chương trình chuyển đổi số giai đoạn 2026-2030");
  await form.getByLabel("Tên chương trình (tiếng Anh)").fill("Digital transformation programme 2026–2030");
  await form.getByLabel("Cơ quan ban hành").fill(`Ban Chấp hành Đảng bộ ${HOME.vi}`);
  await form.getByLabel("Năm bắt đầu").fill("2026");
  await form.getByLabel("Năm kết thúc").fill("2025");
  await form.getByLabel("Nguồn").fill("Văn bản thử nghiệm e2e");
  await form.getByRole("button", { name: "Ghi chương trình" }).click();
  // A refusal names the field, in Vietnamese, and nothing is written.
  await expect(form.getByText("Năm kết thúc không được trước năm bắt đầu.", { exact: true })).toBeVisible();
  await expect(page.locator('tr[data-programme="05-NQ/TU"]')).toHaveCount(0);
  await form.getByLabel("Năm kết thúc").fill("2030");
  await form.getByRole("button", { name: "Ghi chương trình" }).click();
  await expect(form.getByRole("status")).toContainText("Đã ghi chương trình 05-NQ/TU.");
  await expect(page.locator('tr[data-programme="05-NQ/TU"]')).toContainText("2026–2030");
  await noAxeViolations(page);

  await page.goto("/quan-tri/chi-tieu");
  const add = page.getByRole("form", { name: "Thêm chỉ tiêu" });
  await expect(add.getByRole("button", { name: "Thêm chỉ tiêu" })).toBeEnabled();
  await noAxeViolations(page);
  await add.getByLabel("Mã chỉ tiêu").fill("DVC_TOAN_TRINH");
  await add.getByLabel("Tên tiếng Việt").fill("Tỷ lệ dịch vụ công trực tuyến toàn trình");
  await add.getByLabel("Tên tiếng Anh").fill("Share of fully online public services");
  await add.getByLabel("Đơn vị tính (tiếng Việt)").fill("%");
  await add.getByLabel("Đơn vị tính (tiếng Anh)").fill("%");
  await add.getByLabel("Tên tử số (chỉ tiêu tỷ lệ)").fill("Số dịch vụ công trực tuyến toàn trình");
  await add.getByLabel("Tên mẫu số (chỉ tiêu tỷ lệ)").fill("Tổng số thủ tục hành chính đủ điều kiện");
  await add.getByLabel("Phương pháp tính (tiếng Việt)").fill("Tử số / mẫu số tại ngày cuối quý.");
  await add.getByLabel("Phương pháp tính (tiếng Anh)").fill("Numerator / denominator on the quarter's last day.");
  await add.getByLabel("Cơ quan chịu trách nhiệm").selectOption({ label: "Văn phòng Ủy ban nhân dân tỉnh" });
  await add.getByLabel("Nguồn").fill("05-NQ/TU (thử nghiệm)");
  await add.getByRole("button", { name: "Thêm chỉ tiêu" }).click();
  await expect(add.getByRole("status")).toContainText("Đã thêm chỉ tiêu DVC_TOAN_TRINH.");
  await expect(page.locator('tr[data-indicator="DVC_TOAN_TRINH"]')).toBeVisible();

  await page.locator('tr[data-indicator="DVC_TOAN_TRINH"]').getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tỷ lệ dịch vụ công trực tuyến toàn trình");
  const target = page.locator("#dat-muc-tieu form");
  await expect(target.getByRole("button", { name: "Lưu mục tiêu" })).toBeEnabled();
  await target.getByLabel("Năm").fill("2030");
  await target.getByLabel("So sánh").selectOption({ label: "tối thiểu" });
  await target.getByLabel(/^Giá trị/).fill("80");
  await target.getByLabel(/^Trích dẫn căn cứ/).fill("tối thiểu 80% dịch vụ công được cung cấp trực tuyến toàn trình");
  await target.getByLabel("Văn bản nguồn").fill("05-NQ/TU (thử nghiệm)");
  await target.getByRole("button", { name: "Lưu mục tiêu" }).click();
  await expect(target.getByRole("status")).toContainText("Đã thêm mục tiêu.");
  const row2030 = page.locator('tr[data-target-year="2030"][data-target-level="PROVINCE"]');
  await expect(row2030).toContainText("05-NQ/TU");
  await expect(row2030.locator("[data-target-text]")).toHaveText("tối thiểu 80%");
  await noAxeViolations(page);

  // The editor of its department enters the quarter (the province's figure) and submits it.
  await page.context().clearCookies();
  await login(page, "EDITOR_VP", "/nhap-lieu?ky=2026-Q3");
  const grid = page.getByRole("region", { name: "Tỷ lệ dịch vụ công trực tuyến toàn trình" });
  const rowKey = await grid.locator('tr[data-status="NONE"]').first().getAttribute("data-row-key");
  const row = grid.locator(`tr[data-row-key="${rowKey}"]`);
  const unit = (await row.getByRole("rowheader").innerText()).trim();
  await row.getByLabel(`Tử số – ${unit}`).fill("1.234");
  await row.getByLabel(`Mẫu số – ${unit}`).fill("1.600");
  await expect(row.getByLabel(`Tỷ lệ – ${unit}`)).toHaveText("77,13%");
  await page.keyboard.press("Tab");
  await expect(row).toHaveAttribute("data-save-state", "saved");
  await row.getByRole("checkbox", { name: `Chọn gửi duyệt – ${unit}` }).check();
  await page.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã gửi duyệt 1 số liệu." })).toBeVisible();

  // The approver publishes it.
  await page.context().clearCookies();
  await login(page, "APPROVER", "/duyet?ky=2026-Q3");
  const queued = page.locator('tr[data-indicator="DVC_TOAN_TRINH"]');
  await expect(queued).toContainText("77,13%");
  await queued.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Duyệt (1)" }).click();
  await page.getByRole("dialog", { name: "Duyệt và công bố 1 số liệu?" }).getByRole("button", { name: "Duyệt và công bố (1)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã duyệt và công bố 1 số liệu." })).toBeVisible();

  const publicPage = await (await browser.newContext()).newPage();
  await publicPage.goto("/chi-tieu/DVC_TOAN_TRINH");
  await expect(publicPage.locator("main")).toContainText("77,13%");
  await expect(publicPage.getByRole("heading", { level: 1 })).toContainText("Tỷ lệ dịch vụ công trực tuyến toàn trình");
  await expect(publicPage.locator("main")).toContainText("tối thiểu 80%");
  // The resolution's goal for level-4 services shows the national line it answers.
  await publicPage.goto("/chi-tieu/DVC_L4_SHARE");
  await expect(publicPage.locator("main")).toContainText("Mục tiêu quốc gia (749/QĐ-TTg): tối thiểu 80%");
  await noAxeViolations(publicPage);
  // The home page now shows the programme in force begun last, 05-NQ/TU, with its new indicator; the
  // resolution it did not replace (both are in force) is listed with its own page, its verdicts kept.
  await publicPage.goto("/");
  await expect(publicPage.getByTestId("programme-shown")).toContainText("05-NQ/TU");
  await expect(publicPage.locator('[data-indicator="DVC_TOAN_TRINH"]')).toContainText("77,13%");
  await publicPage.getByTestId("other-programmes").getByRole("link", { name: "01-NQ/TU" }).click();
  await expect(publicPage).toHaveURL(/\/chuong-trinh\/01-nq-tu$/);
  await expect(publicPage.locator('[data-indicator="DVC_L4_SHARE"] [data-status]').first()).toHaveAttribute("data-status", /^(ACHIEVED|MISSED)$/);
  await noAxeViolations(publicPage);

  // The dashboard scoped to one programme (issue #15, item 5): 05-NQ/TU's one indicator, then every programme again.
  await page.goto("/theo-doi");
  await page.getByLabel("Chương trình").selectOption("05-nq-tu");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/chuong-trinh=05-nq-tu/);
  await expect(page.locator("tr[data-row]")).toHaveCount(1);
  await expect(page.locator('tr[data-row="DVC_TOAN_TRINH"]')).toContainText("77,13%");
  await noAxeViolations(page);
  await page.getByRole("link", { name: "Bỏ lọc" }).click();
  expect(await page.locator("tr[data-row]").count()).toBeGreaterThan(10);

  await test.step("the admin retires the indicator from a quarter (issue #15, item 2)", async () => {
    await page.context().clearCookies();
    await login(page, "ADMIN", "/quan-tri/chi-tieu/DVC_TOAN_TRINH");
    const section = page.locator("[data-retirement]");
    await expect(section).toContainText("Quý cuối cùng có số liệu: Quý III/2026.");
    await section.getByText("Thôi theo dõi chỉ tiêu", { exact: true }).click();
    const retire = page.getByRole("form", { name: "Thôi theo dõi chỉ tiêu DVC_TOAN_TRINH" });
    await expect(retire.getByRole("button", { name: "Thôi theo dõi" })).toBeEnabled();
    // Suggested: the quarter after the last figure. Refused while the 2030 target of the programme in force needs its quarters.
    await expect(retire.getByLabel("Từ năm")).toHaveValue("2026");
    await expect(retire.getByLabel("Từ quý")).toHaveValue("4");
    await retire.getByLabel(/^Lý do/).fill("Chương trình mới thay chỉ tiêu này bằng chỉ tiêu khác.");
    await retire.getByRole("button", { name: "Thôi theo dõi" }).click();
    // On the year field (its error list), as every form's refusals are.
    const yearError = retire.locator('[id$="-nam-loi"]');
    await expect(yearError).toContainText(/^Chỉ tiêu còn mục tiêu năm 2030 \(05-NQ\/TU\)/);
    // A quarter that has a figure is refused too; nothing is hidden or dropped.
    await retire.getByLabel("Từ quý").selectOption({ label: "Quý III" });
    await retire.getByRole("button", { name: "Thôi theo dõi" }).click();
    await expect(yearError).toContainText(/^Đã có 1 số liệu từ Quý III\/2026 trở đi/);
    await noAxeViolations(page);

    const row2030 = page.locator('tr[data-target-year="2030"][data-target-level="PROVINCE"]');
    await row2030.locator("summary", { hasText: "Rút mục tiêu" }).click();
    const withdraw = page.getByRole("form", { name: /^Rút mục tiêu 2030/ });
    await withdraw.getByLabel(/^Lý do rút/).fill("Chỉ tiêu thôi theo dõi từ cuối năm 2026.");
    await withdraw.getByRole("button", { name: "Rút mục tiêu" }).click();
    await expect(row2030).toHaveCount(0);

    await retire.getByLabel("Từ quý").selectOption({ label: "Quý IV" });
    await retire.getByRole("button", { name: "Thôi theo dõi" }).click();
    await expect(retire.getByRole("status")).toContainText("Đã thôi theo dõi chỉ tiêu DVC_TOAN_TRINH từ Quý IV/2026.");
    await expect(section.locator('[data-retired-from="2026-Q4"]')).toContainText("Đã thôi theo dõi từ Quý IV/2026.");
    await page.goto("/quan-tri/chi-tieu");
    await expect(page.locator('tr[data-indicator="DVC_TOAN_TRINH"] [data-retired]')).toHaveText("Thôi theo dõi từ Quý IV/2026");
    await page.goto("/theo-doi");
    await expect(page.locator('tr[data-row="DVC_TOAN_TRINH"] [data-retired]')).toHaveText("Thôi theo dõi từ Quý IV/2026");
  });

  await test.step("no one enters it from that quarter on; its published history stays, marked", async () => {
    await page.context().clearCookies();
    await login(page, "EDITOR_VP", "/nhap-lieu?ky=2026-Q4");
    await expect(page.getByRole("region", { name: "Tỷ lệ dịch vụ công trực tuyến toàn trình" })).toHaveCount(0);
    await page.goto("/nhap-lieu?ky=2026-Q3");
    await expect(page.getByRole("region", { name: "Tỷ lệ dịch vụ công trực tuyến toàn trình" })).toBeVisible();

    await publicPage.goto("/chi-tieu/DVC_TOAN_TRINH");
    await expect(publicPage.locator('[data-retired-from="2026-Q4"]')).toContainText("Chỉ tiêu thôi theo dõi từ Quý IV/2026");
    await expect(publicPage.locator("main")).toContainText("77,13%");
    await publicPage.goto("/en/indicators/DVC_TOAN_TRINH");
    await expect(publicPage.locator('[data-retired-from="2026-Q4"]')).toContainText("no longer tracked from Q4 2026");
    await noAxeViolations(publicPage);
  });
  await publicPage.context().close();
});

import { describe, expect, it } from "vitest";
import { makeQuarter } from "@/lib/period/quarter";
import { deadlineText, mailContent, rejectedText, submittedText, withdrawnText } from "@/lib/notifications/texts";

const Q3 = makeQuarter(2026, 3);

describe("notification texts", () => {
  it("a batch names its first figure and counts the rest, in both languages", () => {
    const t = submittedText("Nguyễn Văn A", { quarter: Q3, labels: ["Tỷ lệ hồ sơ — Xã Tân Cương", "Tỷ lệ hồ sơ — Xã Phúc Xuân"] });
    expect(t.textVi).toBe("Nguyễn Văn A đã nộp 2 số liệu Quý III/2026 chờ duyệt: Tỷ lệ hồ sơ — Xã Tân Cương và 1 số liệu khác.");
    expect(t.textEn).toBe("Nguyễn Văn A submitted 2 figures for Q3 2026 awaiting review: Tỷ lệ hồ sơ — Xã Tân Cương and 1 more.");
    expect(t.link).toBe("/duyet?ky=2026-Q3");
  });

  it("a rejection of one figure links to it; of several, to the quarter's entry grid", () => {
    const one = rejectedText("Trần Thị B", { quarter: Q3, labels: ["Tỷ lệ — Xã A"], figureId: 42 }, "Thiếu nguồn.");
    expect(one.textVi).toBe("Trần Thị B đã từ chối 1 số liệu Quý III/2026 của bạn: Tỷ lệ — Xã A. Lý do: Thiếu nguồn.");
    expect(one.link).toBe("/so-lieu/42");
    expect(rejectedText("B", { quarter: Q3, labels: ["a", "b"], figureId: 42 }, "x").link).toBe("/nhap-lieu?ky=2026-Q3");
    expect(withdrawnText("B", 7, "Tỷ lệ — Xã A", Q3, "Nhầm.").link).toBe("/so-lieu/7");
  });

  it("a reminder gives the deadline in Vietnam time", () => {
    // 2026-10-20 23:59:59 +07:00
    const t = deadlineText(Q3, new Date("2026-10-20T16:59:59Z"), 12);
    expect(t.textVi).toBe("Sắp đến hạn nộp số liệu Quý III/2026: 20/10/2026 23:59 (giờ Việt Nam). Còn 12 số liệu trong phạm vi của bạn chưa được nộp.");
    expect(deadlineText(Q3, new Date("2026-10-20T16:59:59Z"), 1).textEn).toContain("1 figure in your scope is not yet submitted");
  });

  it("the e-mail: Vietnamese subject, the link on the public address, English below, HTML escaped", () => {
    const text = rejectedText("<B & C>", { quarter: Q3, labels: ["Tỷ lệ — Xã A"], figureId: 42 }, "Sai <script>");
    const mail = mailContent("FIGURES_REJECTED", text, "https://dx.example.vn/", new Date("2026-11-28T08:00:00Z"));
    expect(mail.subject).toBe("[Theo dõi CĐS] Số liệu bị từ chối");
    expect(mail.text.split("\n")[0]).toBe(text.textVi);
    expect(mail.text).toContain("Xem: https://dx.example.vn/so-lieu/42");
    expect(mail.text).toContain("Thời điểm: 28/11/2026 15:00 (giờ Việt Nam)");
    expect(mail.text).toContain("Figures rejected: <B & C> rejected 1 figure of yours");
    expect(mail.html).toContain('<a href="https://dx.example.vn/so-lieu/42">');
    expect(mail.html).toContain("&lt;B &amp; C&gt;");
    expect(mail.html).not.toContain("<script>");
  });
});

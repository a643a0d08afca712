/**
 * The words of every notification (ADR 030), in Vietnamese then English: one line each, with
 * names, the quarter and Vietnam time, composed when the event happens and kept with the row
 * (as the audit keeps its actor's name). Pure: no database, no clock.
 */
import { formatQuarter, quarterKey, type Quarter } from "@/lib/period/quarter";
import { formatVietnamDateTime } from "@/lib/period/vietnam-time";

export type NotificationKindName = "FIGURES_SUBMITTED" | "FIGURES_REJECTED" | "PUBLICATION_WITHDRAWN" | "DEADLINE_NEAR";

export interface NotificationText {
  textVi: string;
  textEn: string;
  /** A path in the app. */
  link: string;
}

/** "Tỷ lệ … — Xã A" and how many more, for a batch of figures. */
export interface FigureBatch {
  quarter: Quarter;
  /** Labels of the figures, "indicator (sector) — unit"; the first is named. */
  labels: readonly string[];
  /** The one figure's id when the batch is a single figure. */
  figureId?: number;
}

function firstAndMore(labels: readonly string[], vi: boolean): string {
  const first = labels[0] ?? "";
  const more = labels.length - 1;
  if (more <= 0) return first;
  return vi ? `${first} và ${more} số liệu khác` : `${first} and ${more} more`;
}

function countVi(n: number): string {
  return `${n} số liệu`;
}

function countEn(n: number): string {
  return n === 1 ? "1 figure" : `${n} figures`;
}

function reviewLink(quarter: Quarter): string {
  return `/duyet?ky=${quarterKey(quarter)}`;
}

function entryLink(quarter: Quarter): string {
  return `/nhap-lieu?ky=${quarterKey(quarter)}`;
}

/** To approvers: an editor submitted figures that await them. */
export function submittedText(editorName: string, batch: FigureBatch): NotificationText {
  const n = batch.labels.length;
  return {
    textVi: `${editorName} đã nộp ${countVi(n)} ${formatQuarter(batch.quarter, "vi")} chờ duyệt: ${firstAndMore(batch.labels, true)}.`,
    textEn: `${editorName} submitted ${countEn(n)} for ${formatQuarter(batch.quarter, "en")} awaiting review: ${firstAndMore(batch.labels, false)}.`,
    link: reviewLink(batch.quarter),
  };
}

/** To an editor: an approver rejected their figures, with the comment. */
export function rejectedText(reviewerName: string, batch: FigureBatch, comment: string): NotificationText {
  const n = batch.labels.length;
  return {
    textVi: `${reviewerName} đã từ chối ${countVi(n)} ${formatQuarter(batch.quarter, "vi")} của bạn: ${firstAndMore(batch.labels, true)}. Lý do: ${comment}`,
    textEn: `${reviewerName} rejected ${countEn(n)} of yours for ${formatQuarter(batch.quarter, "en")}: ${firstAndMore(batch.labels, false)}. Reason: ${comment}`,
    link: batch.figureId !== undefined && n === 1 ? `/so-lieu/${batch.figureId}` : entryLink(batch.quarter),
  };
}

/** To an editor: the publication of their figure was withdrawn, with the reason. */
export function withdrawnText(reviewerName: string, figureId: number, label: string, quarter: Quarter, reason: string): NotificationText {
  return {
    textVi: `${reviewerName} đã rút công bố số liệu ${formatQuarter(quarter, "vi")} của bạn: ${label}. Lý do: ${reason}`,
    textEn: `${reviewerName} withdrew the publication of your figure for ${formatQuarter(quarter, "en")}: ${label}. Reason: ${reason}`,
    link: `/so-lieu/${figureId}`,
  };
}

/** To an editor: the period's deadline is near and figures in their scope are not yet submitted. */
export function deadlineText(quarter: Quarter, deadline: Date, missing: number): NotificationText {
  const at = formatVietnamDateTime(deadline);
  return {
    textVi: `Sắp đến hạn nộp số liệu ${formatQuarter(quarter, "vi")}: ${at} (giờ Việt Nam). Còn ${countVi(missing)} trong phạm vi của bạn chưa được nộp.`,
    textEn: `The deadline for ${formatQuarter(quarter, "en")} figures is near: ${at} (Vietnam time). ${countEn(missing)} in your scope ${missing === 1 ? "is" : "are"} not yet submitted.`,
    link: entryLink(quarter),
  };
}

export const KIND_LABELS: Record<NotificationKindName, { vi: string; en: string }> = {
  FIGURES_SUBMITTED: { vi: "Số liệu chờ duyệt", en: "Figures awaiting review" },
  FIGURES_REJECTED: { vi: "Số liệu bị từ chối", en: "Figures rejected" },
  PUBLICATION_WITHDRAWN: { vi: "Số liệu bị rút công bố", en: "Publication withdrawn" },
  DEADLINE_NEAR: { vi: "Sắp đến hạn nộp", en: "Deadline near" },
};

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The e-mail of a notification: Vietnamese, an English line below, the link on the app's public address. */
export function mailContent(kind: NotificationKindName, text: NotificationText, baseUrl: string, createdAt: Date): MailContent {
  const url = new URL(text.link, baseUrl).toString();
  const label = KIND_LABELS[kind];
  const when = formatVietnamDateTime(createdAt);
  const subject = `[Theo dõi CĐS] ${label.vi}`;
  const plain = [
    text.textVi,
    "",
    `Xem: ${url}`,
    `Thời điểm: ${when} (giờ Việt Nam)`,
    "",
    "—",
    `${label.en}: ${text.textEn}`,
    "",
    "Thư tự động của hệ thống Theo dõi chuyển đổi số; vui lòng không trả lời. Danh sách thông báo: " + new URL("/thong-bao", baseUrl).toString(),
  ].join("\n");
  const html = [
    '<!doctype html><html lang="vi"><body style="font-family:sans-serif;line-height:1.5">',
    `<p>${escapeHtml(text.textVi)}</p>`,
    `<p><a href="${escapeHtml(url)}">Xem trong ứng dụng</a> · ${escapeHtml(when)} (giờ Việt Nam)</p>`,
    `<p lang="en" style="color:#555">${escapeHtml(label.en)}: ${escapeHtml(text.textEn)}</p>`,
    `<p style="color:#555;font-size:small">Thư tự động của hệ thống Theo dõi chuyển đổi số; vui lòng không trả lời.</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text: plain, html };
}

/**
 * Marking notifications read (/thong-bao): one by its id, or all those the user saw, up to the
 * newest on the page (one arriving meanwhile stays unread).
 */
import { z } from "@/lib/validations/zod";

export const NOTIFICATION_MESSAGES = {
  idInvalid: "Thông báo không hợp lệ.",
  notFound: "Không tìm thấy thông báo này trong danh sách của bạn.",
  upToInvalid: "Thiếu thời điểm của thông báo mới nhất đã xem; tải lại trang rồi thử lại.",
} as const;

export const markNotificationReadSchema = z.object({ id: z.uuid(NOTIFICATION_MESSAGES.idInvalid) });

export const markAllNotificationsReadSchema = z.object({
  /** createdAt of the newest notification the page showed (ISO 8601). */
  upTo: z.iso.datetime({ offset: true, error: NOTIFICATION_MESSAGES.upToInvalid }).transform((s) => new Date(s)),
});

/** Vietnamese names of figure and period statuses, for every screen that shows one. */
import type { FigureStatus, PeriodStatus } from "@/lib/generated/prisma/enums";

export const FIGURE_STATUS_LABELS: Record<FigureStatus, string> = {
  DRAFT: "Bản nháp",
  SUBMITTED: "Chờ duyệt",
  APPROVED: "Đã duyệt",
  REJECTED: "Bị từ chối",
};

export const PERIOD_STATUS_LABELS: Record<PeriodStatus, string> = {
  OPEN: "Đang mở",
  LOCKED: "Đã khóa",
};

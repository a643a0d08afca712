/** Title and description of the staff pages (sign-in and signed-in), which are in Vietnamese; for both routers (ADR 035). */
import type { Metadata } from "next";

const TITLE_DEFAULT = "Theo dõi chuyển đổi số — tỉnh Thái Nguyên";
const TITLE_TEMPLATE = "%s — Theo dõi chuyển đổi số Thái Nguyên";
export const STAFF_DESCRIPTION =
  "Tiến độ thực hiện các mục tiêu của Nghị quyết 01-NQ/TU về chuyển đổi số tỉnh Thái Nguyên giai đoạn 2021–2025, định hướng đến năm 2030.";

export const STAFF_METADATA: Metadata = {
  title: { default: TITLE_DEFAULT, template: TITLE_TEMPLATE },
  description: STAFF_DESCRIPTION,
};

/** A page's full title, as the App Router builds it from STAFF_METADATA's template. */
export function staffTitle(title: string): string {
  return TITLE_TEMPLATE.replace("%s", title);
}

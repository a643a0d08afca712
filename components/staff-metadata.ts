/**
 * Title and description of the staff pages (sign-in and signed-in), which are in Vietnamese; for
 * both routers (ADR 035). The province's name is the setting's (ADR 034), through the dictionary.
 */
import type { Metadata } from "next";
import { getDictionary } from "@/lib/i18n/dictionary";

const t = getDictionary("vi");
const TITLE_TEMPLATE = `%s — ${t.meta.titleSuffix}`;
export const STAFF_DESCRIPTION = t.meta.staffDescription;

export const STAFF_METADATA: Metadata = {
  title: { default: t.meta.homeTitle, template: TITLE_TEMPLATE },
  description: STAFF_DESCRIPTION,
};

/** A page's full title, as the App Router builds it from STAFF_METADATA's template. */
export function staffTitle(title: string): string {
  return TITLE_TEMPLATE.replace("%s", title);
}

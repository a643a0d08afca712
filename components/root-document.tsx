/**
 * The <html> and <body> of every App Router root layout: sign-in and the
 * signed-in pages, in Vietnamese (ADR 008). The public pages are Pages Router
 * pages with their own document (pages/_document.tsx, ADR 012) and the same
 * body classes.
 */
import type { Metadata } from "next";
import { getDictionary } from "@/lib/i18n/dictionary";
import "@/app/globals.css";

const t = getDictionary("vi");

/** Title and description of the staff pages (sign-in and signed-in), which are in Vietnamese; the province's name is the setting's (ADR 034). */
export const STAFF_METADATA: Metadata = {
  title: {
    default: t.meta.homeTitle,
    template: `%s — ${t.meta.titleSuffix}`,
  },
  description: t.meta.staffDescription,
};

export function RootDocument({ lang, children }: { lang: string; children: React.ReactNode }) {
  return (
    <html lang={lang}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}

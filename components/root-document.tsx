/**
 * The <html> and <body> of every root layout. The app has one root layout per
 * language and audience (ADR 008): the Vietnamese public pages, the English
 * ones under /en, sign-in and the signed-in pages. Each sets `lang` for the
 * language it serves, which a single shared root layout cannot know.
 */
import type { Metadata } from "next";
import "@/app/globals.css";

/** Title and description of the staff pages (sign-in and signed-in), which are in Vietnamese. */
export const STAFF_METADATA: Metadata = {
  title: {
    default: "Theo dõi chuyển đổi số — tỉnh Thái Nguyên",
    template: "%s — Theo dõi chuyển đổi số Thái Nguyên",
  },
  description:
    "Tiến độ thực hiện các mục tiêu của Nghị quyết 01-NQ/TU về chuyển đổi số tỉnh Thái Nguyên giai đoạn 2021–2025, định hướng đến năm 2030.",
};

export function RootDocument({ lang, children }: { lang: string; children: React.ReactNode }) {
  return (
    <html lang={lang}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}

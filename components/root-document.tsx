/**
 * The <html> and <body> of every App Router root layout: sign-in and the
 * signed-in pages, in Vietnamese (ADR 008). The public pages are Pages Router
 * pages with their own document (pages/_document.tsx, ADR 012) and the same
 * body classes.
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

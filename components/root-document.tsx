/**
 * The <html> and <body> of every App Router root layout: sign-in and the
 * signed-in pages, in Vietnamese (ADR 008). The public pages are Pages Router
 * pages with their own document (pages/_document.tsx, ADR 012) and the same
 * body classes.
 */
import "@/app/globals.css";

export { STAFF_METADATA } from "./staff-metadata";

export function RootDocument({ lang, children }: { lang: string; children: React.ReactNode }) {
  return (
    <html lang={lang}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}

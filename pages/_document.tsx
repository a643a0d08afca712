/**
 * The HTML document of the public pages (Pages Router, ADR 012): `<html lang>`
 * from the page's language (ADR 008; the 404 is Vietnamese first), the body
 * classes of components/root-document.tsx. No script: the public pages run
 * without the React runtime (`unstable_runtimeJS: false`).
 */
import { Head, Html, Main, NextScript, type DocumentProps } from "next/document";
import { HTML_LANG, isLocale } from "@/lib/i18n/locales";

export default function Document({ __NEXT_DATA__ }: DocumentProps) {
  const locale = (__NEXT_DATA__.props as { pageProps?: { locale?: unknown } } | undefined)?.pageProps?.locale;
  return (
    <Html lang={HTML_LANG[isLocale(locale) ? locale : "vi"]}>
      <Head />
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}

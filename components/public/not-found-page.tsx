import { getDictionary } from "@/lib/i18n/dictionary";
import type { Locale } from "@/lib/i18n/locales";
import { PublicShell } from "./public-shell";

/** An unknown indicator code (or any unknown public URL under a language). */
export function NotFoundPage({ locale }: { locale: Locale }) {
  const t = getDictionary(locale).notFound;
  return (
    <PublicShell locale={locale} page={{ page: "home" }} isDemo={false}>
      <h1 className="text-2xl font-bold text-brand-800">{t.heading}</h1>
      <p className="mt-2 text-slate-800">{t.body}</p>
    </PublicShell>
  );
}

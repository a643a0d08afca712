import { getDictionary } from "@/lib/i18n/dictionary";
import type { Locale } from "@/lib/i18n/locales";

/**
 * Shown on every page that shows demo figures: they are not the province's official data. A named
 * region, so that on the public pages, where it stands above <main>, it is inside a landmark too
 * (axe "region"; issue #16).
 */
export function DemoNotice({ locale = "vi" }: { locale?: Locale }) {
  const t = getDictionary(locale).demo;
  return (
    <section aria-label={t.title.replace(/\.$/, "")}>
      <div role="note" className="demo-notice border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950">
        <strong>{t.title}</strong> {t.body}
      </div>
    </section>
  );
}

/**
 * Metadata of a public page: title, description, canonical URL, the
 * hreflang alternates (vi, en, x-default = Vietnamese) and the Open Graph
 * tags a shared link previews with. Absolute URLs (crawlers and link previews
 * need them) on the site's address (site.ts). Rendered into <head> by
 * components/public/page-head.tsx.
 */
import { getDictionary } from "./dictionary";
import { OG_LOCALE, otherLocale, type Locale } from "./locales";
import { alternatesFor, pathFor, type PublicPage } from "./routes";
import { siteUrl } from "./site";

export interface PublicMetadata {
  title: string;
  description: string;
  siteName: string;
  /** Absolute URL of this page. */
  canonical: string;
  /** hreflang → absolute URL: vi, en and x-default. */
  alternates: { hrefLang: string; href: string }[];
  ogLocale: string;
  ogAlternateLocale: string;
}

export function publicMetadata(locale: Locale, page: PublicPage, title: string | null, description: string): PublicMetadata {
  const t = getDictionary(locale);
  const base = siteUrl();
  const absolute = (path: string) => new URL(path, base).toString();
  const alternates = alternatesFor(page);
  return {
    title: title === null ? t.meta.homeTitle : `${title} — ${t.meta.titleSuffix}`,
    description,
    siteName: t.meta.siteName,
    canonical: absolute(pathFor(locale, page)),
    alternates: [
      { hrefLang: "vi", href: absolute(alternates.vi) },
      { hrefLang: "en", href: absolute(alternates.en) },
      { hrefLang: "x-default", href: absolute(alternates.vi) },
    ],
    ogLocale: OG_LOCALE[locale],
    ogAlternateLocale: OG_LOCALE[otherLocale(locale)],
  };
}

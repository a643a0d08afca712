/**
 * Metadata of a public page: title, description, canonical URL, the
 * hreflang alternates (vi, en, x-default = Vietnamese) and the Open Graph
 * tags a shared link previews with.
 */
import type { Metadata } from "next";
import { getDictionary } from "./dictionary";
import { OG_LOCALE, otherLocale, type Locale } from "./locales";
import { alternatesFor, pathFor, type PublicPage } from "./routes";
import { siteUrl } from "./site";

export function publicMetadata(locale: Locale, page: PublicPage, title: string | null, description: string): Metadata {
  const t = getDictionary(locale);
  const alternates = alternatesFor(page);
  const fullTitle = title === null ? t.meta.homeTitle : `${title} — ${t.meta.titleSuffix}`;
  return {
    metadataBase: siteUrl(),
    title: { absolute: fullTitle },
    description,
    alternates: {
      canonical: pathFor(locale, page),
      languages: { vi: alternates.vi, en: alternates.en, "x-default": alternates.vi },
    },
    openGraph: {
      type: "website",
      siteName: t.meta.siteName,
      title: fullTitle,
      description,
      url: pathFor(locale, page),
      locale: OG_LOCALE[locale],
      alternateLocale: [OG_LOCALE[otherLocale(locale)]],
    },
    twitter: { card: "summary", title: fullTitle, description },
  };
}

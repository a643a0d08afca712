/**
 * The public URLs, in one place: Vietnamese pages at the root with Vietnamese
 * slugs, English ones under /en. Every page has a counterpart in the other
 * language, so the language switch and the hreflang links are derived here,
 * never typed by hand in a component.
 */
import { foldVietnamese } from "@/lib/format/fold";
import type { Locale } from "./locales";

export type PublicPage =
  | { page: "home" }
  | { page: "indicator"; code: string }
  /** One programme's targets (`slug`: programmeSlug of its code). */
  | { page: "programme"; slug: string }
  | { page: "methodology" }
  | { page: "data" }
  | { page: "api" };

/** Where each language's pages live: Vietnamese at the root, English under /en. */
export const BASE: Readonly<Record<Locale, string>> = { vi: "", en: "/en" };
/** The pages' slugs in each language (the glossary, docs/glossary.md, says what they mean). */
export const SLUGS: Readonly<Record<Locale, { indicator: string; programme: string; methodology: string; data: string }>> = {
  vi: { indicator: "chi-tieu", programme: "chuong-trinh", methodology: "phuong-phap", data: "du-lieu" },
  en: { indicator: "indicators", programme: "programmes", methodology: "methodology", data: "data" },
};

/**
 * A programme's code as a URL segment: "01-NQ/TU" → "01-nq-tu", "749/QĐ-TTg" →
 * "749-qd-ttg". A code has slashes and Vietnamese letters, which a path segment
 * would have to escape (and proxies treat an escaped slash differently).
 */
export function programmeSlug(code: string): string {
  return foldVietnamese(code)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** What programmeSlug makes, and nothing longer: checked before a URL reaches a page. */
export const PROGRAMME_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Name of the search parameter that picks the quarter of the breakdown ("?quy=2025-Q2", "?quarter=2025-Q2"). */
export const QUARTER_PARAM: Readonly<Record<Locale, string>> = { vi: "quy", en: "quarter" };

/** The downloads are language-neutral: stable, documented columns (lib/data/public-figures.ts). */
/** One indicator's files (app/api/public/chi-tieu/[code]/[file]). */
export function indicatorDownloadPath(code: string, file: "so-lieu.csv" | "so-lieu-excel-vn.csv" | "so-lieu.xlsx"): string {
  return `/api/public/chi-tieu/${encodeURIComponent(code)}/${file}`;
}

export const DOWNLOAD_PATHS = {
  csv: "/api/public/figures.csv",
  json: "/api/public/figures.json",
  sdmxData: "/api/public/sdmx/data.csv",
  sdmxCodelists: "/api/public/sdmx/codelists.csv",
  /** Province and district aggregates with coverage, by quarter and by year: every row of /api/v1/aggregates in one file. */
  aggregatesQuarterly: "/api/public/aggregates.csv",
  aggregatesYearly: "/api/public/aggregates-yearly.csv",
} as const;

export function pathFor(locale: Locale, target: PublicPage): string {
  const base = BASE[locale];
  switch (target.page) {
    case "home":
      return base === "" ? "/" : base;
    case "indicator":
      return `${base}/${SLUGS[locale].indicator}/${encodeURIComponent(target.code)}`;
    case "programme":
      return `${base}/${SLUGS[locale].programme}/${target.slug}`;
    case "methodology":
      return `${base}/${SLUGS[locale].methodology}`;
    case "data":
      return `${base}/${SLUGS[locale].data}`;
    case "api":
      return `${base}/${SLUGS[locale].data}/api`;
  }
}

/** `{ vi: "/chi-tieu/X", en: "/en/indicators/X" }`: the same page in both languages. */
export function alternatesFor(target: PublicPage): Record<Locale, string> {
  return { vi: pathFor("vi", target), en: pathFor("en", target) };
}

/**
 * Which page serves a public URL (ADR 012, ADR 015): the public URLs of
 * lib/i18n/routes.ts are served by the Pages Router pages under
 * pages/_p/[locale]/…. The mapping itself is done by next.config.ts's static
 * rewrites (public-routes.ts; public-routes.test.ts checks they agree with
 * this); proxy.ts asks this only to tell an unknown URL (the public 404) from a
 * page, and the pages ask canonicalIndicator / canonicalProgrammeSlug to
 * redirect a URL written another way to its one URL. Pure, so unit-tested.
 *
 *   /                        → /vi
 *   /chi-tieu/DVC?quy=2025-Q2 → /vi/indicator/DVC/2025-Q2   (no ?quy=: …/latest)
 *   /chuong-trinh/01-nq-tu   → /vi/programme/01-nq-tu
 *   /phuong-phap, /du-lieu   → /vi/methodology, /vi/data
 *   /du-lieu/api             → /vi/api (the open-data API's documentation)
 *   /en, /en/indicators/…, /en/methodology, /en/data: the same under /en
 *
 * Everything the cache key is made of is validated here, so a visitor cannot
 * fill the page cache with variants: the indicator code is upper-cased and
 * must look like a code, a quarter that is not one becomes "latest".
 */
import type { Locale } from "@/lib/i18n/locales";
import { BASE, PROGRAMME_SLUG, QUARTER_PARAM, SLUGS } from "@/lib/i18n/routes";
import { parseQuarter, quarterKey } from "@/lib/period/quarter";

/** First segment of the internal page paths; a visitor requesting it gets the public 404. */
export const INTERNAL_PREFIX = "/_p";

/** The internal page (under /_p) of an unknown URL: the bilingual public 404. */
export const NOT_FOUND_PAGE = "/not-found";

/**
 * Where a cached indicator page sends an unknown (well-formed) code: a cached
 * page cannot answer 404 with our page (Next renders its own App Router 404
 * for `notFound`), so it redirects here, which is the public 404.
 */
export const NOT_FOUND_URL = "/khong-tim-thay";

/** Quarter segment of an indicator page whose URL asks for no (valid) quarter. */
export const LATEST = "latest";

const CODE = /^[A-Z0-9_]{1,64}$/;

/** The public URLs of lib/i18n/routes.ts, as prefixes to match. */
function pagesOf(locale: Locale) {
  const base = BASE[locale];
  const slugs = SLUGS[locale];
  return {
    base,
    indicator: `${base}/${slugs.indicator}/`,
    programme: `${base}/${slugs.programme}/`,
    methodology: `${base}/${slugs.methodology}`,
    data: `${base}/${slugs.data}`,
  };
}
const PAGES: Readonly<Record<Locale, ReturnType<typeof pagesOf>>> = { vi: pagesOf("vi"), en: pagesOf("en") };

/** "2025-Q2" from a quarter parameter a person could type ("2025q2" too), else "latest". */
function quarterSegment(raw: string | null): string {
  const q = raw === null ? null : parseQuarter(raw);
  return q && q.year >= 2000 && q.year <= 2099 ? quarterKey(q) : LATEST;
}

function indicatorCode(segment: string): string | null {
  let code: string;
  try {
    code = decodeURIComponent(segment).trim().toUpperCase();
  } catch {
    return null;
  }
  return CODE.test(code) ? code : null;
}

/** An indicator page's segments (code, quarter or "latest") as its one URL has them, or null: no such page. */
export function canonicalIndicator(code: string, quarter: string): { code: string; quarter: string } | null {
  const canonical = indicatorCode(code);
  return canonical ? { code: canonical, quarter: quarterSegment(quarter === LATEST ? null : quarter) } : null;
}

/** A programme's slug as its one URL has it (lower case), or null: no such page. */
export function canonicalProgrammeSlug(slug: string): string | null {
  const lower = slug.toLowerCase();
  return lower.length <= 80 && PROGRAMME_SLUG.test(lower) ? lower : null;
}

/**
 * The internal page path (under /_p) of a public URL, or null
 * when the URL is not a public page. A public-looking URL that names no page
 * (an unknown slug under /en, a malformed code) maps to the 404 page.
 */
export function publicPagePath(pathname: string, search: URLSearchParams): string | null {
  for (const locale of ["vi", "en"] as const) {
    const p = PAGES[locale];
    if (pathname === (p.base || "/")) return `/${locale}`;
    if (pathname === p.methodology) return `/${locale}/methodology`;
    if (pathname === p.data) return `/${locale}/data`;
    if (pathname === `${p.data}/api`) return `/${locale}/api`;
    if (pathname.startsWith(p.indicator)) {
      const rest = pathname.slice(p.indicator.length);
      const code = rest.includes("/") ? null : indicatorCode(rest);
      return code ? `/${locale}/indicator/${code}/${quarterSegment(search.get(QUARTER_PARAM[locale]))}` : NOT_FOUND_PAGE;
    }
    if (pathname.startsWith(p.programme)) {
      const slug = canonicalProgrammeSlug(pathname.slice(p.programme.length));
      return slug ? `/${locale}/programme/${slug}` : NOT_FOUND_PAGE;
    }
  }
  if (pathname === NOT_FOUND_URL || pathname.startsWith("/en/") || pathname === INTERNAL_PREFIX || pathname.startsWith(`${INTERNAL_PREFIX}/`)) return NOT_FOUND_PAGE;
  return null;
}

/**
 * Paths served by the App Router (staff pages, sign-in, route handlers) or as
 * files: everything else that reaches the proxy is an unknown URL, which gets
 * the public 404 instead of Next's own English one.
 */
export function isAppPath(pathname: string, staffPrefixes: readonly string[]): boolean {
  const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  if (["/dang-nhap", "/api", "/_next"].some(under) || staffPrefixes.some(under)) return true;
  // Files (public/, the app icon): their own 404 if missing.
  return /\.[A-Za-z0-9]+$/.test(pathname);
}

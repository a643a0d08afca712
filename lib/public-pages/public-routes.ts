/**
 * The public pages' URLs as next.config.ts serves them (ADR 015), without the proxy — relative
 * imports only, because next.config.ts loads this file.
 *
 * Each public URL is rewritten by a static rule to its Pages Router page under /_p/<locale>/…,
 * whose HTML Next's page cache keeps (page-cache-handler.mjs serves a kept page only in the
 * generation it was rendered in). Its headers — the security headers, a CSP without nonce (the
 * pages carry no inline script), the Cache-Control an intermediary may obey — come from the header
 * rules below. proxy.ts's matcher leaves out exactly these sources, so a public page never runs
 * the proxy: that was most of the cost of serving one (docs/benchmarks.md, ADR 015).
 *
 * The rules only route; the pages check what they are given (lib/public-pages/paths.ts): an
 * indicator code or quarter written another way is redirected to its one URL, anything else
 * answers 404, so no URL a visitor can type makes a second copy of a page.
 * tests: public-routes.test.ts checks these rules, the proxy's matcher and paths.ts agree.
 */
// next.config.ts loads this file, outside the "@/" alias; headers.ts imports nothing.
// eslint-disable-next-line no-restricted-imports
import { securityHeaders, staticPagePolicy } from "../security/headers";

/**
 * What a proxy or CDN may do with a public page: keep it a second, then revalidate it by its
 * ETag, serving the old copy for a few seconds more only while it does. Never a year — Next's
 * default for a page that never revalidates; Next keeps a Cache-Control already set.
 */
export const PUBLIC_PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=9";

/** Set by proxy.ts on an unknown URL (after deleting any a client sent): rewritten to the public 404. */
export const NOT_FOUND_HEADER = "x-dx-not-found";

/** The internal page of the public 404 (pages/_p/not-found.tsx). */
export const NOT_FOUND_DESTINATION = "/_p/not-found";

// Kept loose on purpose: the page canonicalises (upper-case code, lower-case slug) or answers 404.
const CODE = "[A-Za-z0-9_]+";
const SLUG = "[A-Za-z0-9-]+";
/** A quarter as a person may type it ("2025-Q2", "2025q2"); the page redirects to the canonical form. */
const QUARTER = "(?<q>[0-9]{4}-?[Qq][1-4])";

interface PublicRoute {
  source: string;
  destination: string;
  /** The search parameter naming the breakdown's quarter: its page's last segment, "latest" without it. */
  quarterParam?: string;
}

/**
 * Every public page of lib/i18n/routes.ts (pathFor), in both languages — the most asked first:
 * for a Pages Router page Next matches the rewrites again in the page's own module, compiling
 * each rule it tries on every request.
 */
const ROUTES: readonly PublicRoute[] = [
  { source: "/", destination: "/_p/vi" },
  { source: `/chi-tieu/:code(${CODE})`, destination: "/_p/vi/indicator/:code", quarterParam: "quy" },
  { source: "/en", destination: "/_p/en" },
  { source: `/en/indicators/:code(${CODE})`, destination: "/_p/en/indicator/:code", quarterParam: "quarter" },
  { source: `/chuong-trinh/:slug(${SLUG})`, destination: "/_p/vi/programme/:slug" },
  { source: "/phuong-phap", destination: "/_p/vi/methodology" },
  { source: "/du-lieu", destination: "/_p/vi/data" },
  { source: "/du-lieu/api", destination: "/_p/vi/api" },
  { source: `/en/programmes/:slug(${SLUG})`, destination: "/_p/en/programme/:slug" },
  { source: "/en/methodology", destination: "/_p/en/methodology" },
  { source: "/en/data", destination: "/_p/en/data" },
  { source: "/en/data/api", destination: "/_p/en/api" },
];

/**
 * The same paths as two patterns (path-to-regexp, as Next matches sources: case-insensitive):
 * "/", and every other source with its parameter's pattern in its place. Header rules of these
 * instead of one per page: Next matches every header rule on every request.
 */
const ALTERNATIVES = ROUTES.filter((r) => r.source !== "/").map((r) => r.source.slice(1).replace(/:[a-z]+\(([^)]*)\)/g, "$1"));
export const PUBLIC_PAGE_PATTERNS = ["/", `/:page(${ALTERNATIVES.join("|")})`] as const;
const PUBLIC_PAGE_PATH = new RegExp(`^/(?:${ALTERNATIVES.join("|")})?$`, "i");

/** A request target ("/chi-tieu/X?quy=2025-Q2") that a public page rule serves. */
export function isPublicPageUrl(target: string): boolean {
  const end = target.search(/[?#]/);
  return PUBLIC_PAGE_PATH.test(end === -1 ? target : target.slice(0, end));
}

interface Condition {
  type: "header" | "query";
  key: string;
  value?: string;
}

/** next.config.ts `rewrites().beforeFiles`: the first rule that matches wins. */
export function publicPageRewrites(): { source: string; destination: string; has?: Condition[] }[] {
  return [
    ...ROUTES.flatMap((r) =>
      r.quarterParam
        ? [
            { source: r.source, has: [{ type: "query" as const, key: r.quarterParam, value: QUARTER }], destination: `${r.destination}/:q` },
            { source: r.source, destination: `${r.destination}/latest` },
          ]
        : [{ source: r.source, destination: r.destination }],
    ),
    { source: "/:path*", has: [{ type: "header", key: NOT_FOUND_HEADER }], destination: NOT_FOUND_DESTINATION },
  ];
}

/** The headers of a public page, over plain http or behind a TLS proxy. */
export function publicPageHeaderValues(https: boolean): Record<string, string> {
  return { ...securityHeaders({ https }), "Content-Security-Policy": staticPagePolicy({ https }), "Cache-Control": PUBLIC_PAGE_CACHE_CONTROL };
}

/**
 * next.config.ts `headers()`: every public page gets the plain-http headers, and behind a TLS
 * proxy (X-Forwarded-Proto: https, as isHttpsRequest reads it; without TRUST_PROXY the server
 * drops the header before Next sees it) the later rule replaces the CSP and adds HSTS.
 */
export function publicPageHeaders(): { source: string; has?: Condition[]; headers: { key: string; value: string }[] }[] {
  const list = (https: boolean) => Object.entries(publicPageHeaderValues(https)).map(([key, value]) => ({ key, value }));
  return PUBLIC_PAGE_PATTERNS.flatMap((source) => [
    { source, headers: list(false) },
    { source, has: [{ type: "header" as const, key: "x-forwarded-proto", value: "[Hh][Tt][Tt][Pp][Ss](?:\\s*,.*)?" }], headers: list(true) },
  ]);
}

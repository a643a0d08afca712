/**
 * The three descriptions of the public URLs agree: next.config.ts's rewrites and header rules
 * (public-routes.ts), the proxy's matcher that leaves them out (proxy.ts), and the pure mapping
 * the proxy and the pages use (paths.ts). Matched with Next's own functions, as `next start` does.
 */
import * as pageStaticInfo from "next/dist/build/analysis/get-page-static-info";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { matchHas, prepareDestination } from "next/dist/shared/lib/router/utils/prepare-destination";
import { getMiddlewareRouteMatcher } from "next/dist/shared/lib/router/utils/middleware-route-matcher";
import type { ProxyMatcher } from "next/dist/build/analysis/get-page-static-info";
import { describe, expect, it } from "vitest";
import { config as proxyConfig } from "@/proxy";
import { alternatesFor } from "@/lib/i18n/routes";
import { canonicalIndicator, NOT_FOUND_PAGE, publicPagePath } from "./paths";
import { isPublicPageUrl, NOT_FOUND_DESTINATION, NOT_FOUND_HEADER, PUBLIC_PAGE_CACHE_CONTROL, publicPageHeaders, publicPageRewrites } from "./public-routes";

type Headers = Record<string, string>;

/** Where Next's beforeFiles rewrites send a URL (the first rule that matches), or null. */
function rewrite(url: string, headers: Headers = {}): string | null {
  const u = new URL(url, "http://x");
  const query = Object.fromEntries(u.searchParams);
  for (const rule of publicPageRewrites()) {
    const params = getPathMatch(rule.source, { strict: true, removeUnnamedParams: true })(u.pathname);
    if (!params) continue;
    const hasParams = matchHas({ headers } as never, query, rule.has ?? [], []);
    if (!hasParams) continue;
    const { parsedDestination } = prepareDestination({ appendParamsToQuery: false, destination: rule.destination, params: { ...params, ...hasParams }, query: {} });
    return parsedDestination.pathname;
  }
  return null;
}

// How Next compiles a proxy's `config.matcher` at build time (exported, not declared).
const { getMiddlewareMatchers } = pageStaticInfo as unknown as { getMiddlewareMatchers(matcher: unknown, nextConfig: object): ProxyMatcher[] };
const matchers = getMiddlewareMatchers(proxyConfig.matcher, {});
const routeMatch = getMiddlewareRouteMatcher(matchers);
/** Whether the proxy runs for a request. */
function proxyRuns(url: string, headers: Headers = {}): boolean {
  const u = new URL(url, "http://x");
  return routeMatch(u.pathname, { headers } as never, Object.fromEntries(u.searchParams));
}

/** What a visitor is served: the page a rewrite reaches, after the page's own redirect to its one URL. */
function servedPage(url: string): string | null {
  const to = rewrite(url);
  if (!to) return null;
  const m = /^\/_p\/(vi|en)\/indicator\/([^/]+)\/([^/]+)$/.exec(to);
  if (!m) return to.slice("/_p".length);
  const canonical = canonicalIndicator(decodeURIComponent(m[2]!), m[3]!);
  return canonical ? `/${m[1]}/indicator/${canonical.code}/${canonical.quarter}` : NOT_FOUND_PAGE;
}

const everyPublicPage = [
  ...Object.values(alternatesFor({ page: "home" })),
  ...Object.values(alternatesFor({ page: "methodology" })),
  ...Object.values(alternatesFor({ page: "data" })),
  ...Object.values(alternatesFor({ page: "api" })),
  ...Object.values(alternatesFor({ page: "indicator", code: "WORK_DOSSIER_ONLINE_COMMUNE" })),
  ...Object.values(alternatesFor({ page: "programme", slug: "01-nq-tu" })),
];

describe("the public pages' rewrites", () => {
  it("send every public page of both languages where paths.ts says, with the quarter of each language's parameter", () => {
    expect(everyPublicPage).toHaveLength(12);
    for (const url of [...everyPublicPage, "/chi-tieu/DVC_L4_SHARE?quy=2025-Q2", "/en/indicators/DVC_L4_SHARE?quarter=2025-Q2", "/?utm_source=x"]) {
      const u = new URL(url, "http://x");
      expect(rewrite(url), url).toBe(`/_p${publicPagePath(u.pathname, u.searchParams)}`);
    }
  });

  it("serve a URL written another way as the page paths.ts names (the page redirects to its one URL), and nothing else", () => {
    for (const url of ["/chi-tieu/dvc_l4_share", "/chi-tieu/X?quy=2025q3&utm=1", "/chi-tieu/X?quy=../../etc", "/chi-tieu/X?quy=9999-Q1", "/en/indicators/X?quy=2025-Q2", "/chuong-trinh/01-NQ-TU"]) {
      const u = new URL(url, "http://x");
      const page = servedPage(url);
      const expected = publicPagePath(u.pathname, u.searchParams);
      if (url.startsWith("/chuong-trinh/")) expect(page).toBe("/vi/programme/01-NQ-TU"); // the page lower-cases it (programmeRedirect)
      else expect(page, url).toBe(expected);
    }
  });

  it("leave other URLs alone, and the public 404 only to the proxy's header", () => {
    for (const url of ["/dang-nhap", "/theo-doi", "/api/v1/indicators", "/chi-tieu/A/B", "/chi-tieu/DVC%20L4", "/en/unknown", "/_p/vi"]) expect(rewrite(url), url).toBeNull();
    expect(rewrite("/khong-co-trang-nay", { [NOT_FOUND_HEADER]: "1" })).toBe(NOT_FOUND_DESTINATION);
    // A public page stays itself whatever a client sends: its rule comes first.
    expect(rewrite("/", { [NOT_FOUND_HEADER]: "1" })).toBe("/_p/vi");
  });
});

describe("isPublicPageUrl (nginx's expiry header, nginx-expiry.ts)", () => {
  it("is true exactly where a public page rule serves the URL", () => {
    const urls = [...everyPublicPage, "/chi-tieu/X?quy=2025-Q2", "/chi-tieu/dvc_l4_share", "/?a=b", "/theo-doi", "/dang-nhap", "/api/v1/figures", "/chi-tieu/A/B", "/chi-tieu/DVC%20L4", "/en/unknown", "/_p/vi", "/khong-co-trang-nay"];
    for (const url of urls) expect(isPublicPageUrl(url), url).toBe(rewrite(url) !== null);
  });
});

describe("the proxy's matcher", () => {
  it("leaves out every public page asked for by a browser", () => {
    for (const url of [...everyPublicPage, "/chi-tieu/X?quy=2025-Q2", "/chi-tieu/dvc_l4_share"]) expect(proxyRuns(url), url).toBe(false);
  });

  it("runs for everything else: staff pages, sign-in, the API, unknown and internal URLs", () => {
    for (const url of ["/theo-doi", "/nhap-lieu", "/dang-nhap", "/api/v1/figures", "/khong-co-trang-nay", "/en/unknown", "/chi-tieu/A/B", "/khong-tim-thay", "/_p/vi", "/_p/not-found", "/_next/data/x/_p/vi.json"]) {
      expect(proxyRuns(url), url).toBe(true);
    }
  });

  it("runs for a public page too when the request carries a body or a server action (the gate)", () => {
    expect(proxyRuns("/", { "content-type": "application/x-www-form-urlencoded" })).toBe(true);
    expect(proxyRuns("/chi-tieu/X", { "next-action": "abc" })).toBe(true);
  });

  it("leaves out the build's files and the health probe", () => {
    for (const url of ["/_next/static/chunks/a.js", "/api/health", "/favicon.ico", "/icon.svg"]) expect(proxyRuns(url), url).toBe(false);
  });
});

describe("the public pages' header rules", () => {
  const apply = (url: string, headers: Headers) => {
    const out: Headers = {};
    for (const rule of publicPageHeaders()) {
      if (!getPathMatch(rule.source, { strict: true, removeUnnamedParams: true })(url)) continue;
      if (!matchHas({ headers } as never, {}, rule.has ?? [], [])) continue;
      for (const h of rule.headers) out[h.key] = h.value;
    }
    return out;
  };

  it("give every public page the security headers, a CSP without nonce and a Cache-Control of seconds", () => {
    for (const url of everyPublicPage.map((u) => u.split("?")[0]!)) {
      const headers = apply(url, {});
      expect(headers["Cache-Control"], url).toBe(PUBLIC_PAGE_CACHE_CONTROL);
      expect(headers["Content-Security-Policy"]).toContain("script-src 'self';");
      expect(headers["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
      expect(headers["X-Frame-Options"]).toBe("DENY");
      expect(headers["Strict-Transport-Security"]).toBeUndefined();
    }
  });

  it("behind a TLS proxy, add HSTS and upgrade stray http:// subresources", () => {
    const headers = apply("/en", { "x-forwarded-proto": "https" });
    expect(headers["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(headers["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(apply("/en", { "x-forwarded-proto": "http" })["Strict-Transport-Security"]).toBeUndefined();
  });

  it("give nothing to other URLs (the proxy sets theirs)", () => {
    expect(apply("/theo-doi", {})).toEqual({});
    expect(apply("/api/v1/figures", { "x-forwarded-proto": "https" })).toEqual({});
  });
});

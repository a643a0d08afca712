import type { GetStaticPaths } from "next";

/**
 * getStaticPaths of every cached public page (ADR 012): nothing is rendered
 * at build time (the build has no database); each page of a generation is
 * rendered on its first request, the request waits for it ("blocking"), and a
 * new generation replaces it (ADR 015).
 */
export const renderOnFirstRequest: GetStaticPaths = async () => ({ paths: [], fallback: "blocking" });

/**
 * Seconds a proxy or CDN may keep a public page before it asks again: the page's
 * `Cache-Control: s-maxage=1, stale-while-revalidate=…` (next.config.ts expireTime).
 * Freshness does not rest on it — a publication starts a new generation, which
 * every instance serves at once — so it is what an intermediary in front may
 * add: at most a second (ADR 015). Next re-renders a page at most this often
 * while it is asked for, from the same generation's data.
 */
export const PUBLIC_PAGE_REVALIDATE = 1;

/**
 * `X-Accel-Expires` of a public page: nginx (deploy/nginx.conf) keeps it to the end of the
 * second it was answered in, not past it. nginx counts cache lifetimes in whole seconds from
 * the second it stores a page, so `s-maxage=1` alone lets it serve a page up to two seconds
 * after a publication; an absolute expiry at the current second bounds that to one
 * (ADR 015). nginx obeys this header before Cache-Control and never passes it on; a CDN
 * ignores it and follows `s-maxage`.
 */
export function proxyExpiresHeader(nowMs: number): string {
  return `@${Math.floor(nowMs / 1000)}`;
}

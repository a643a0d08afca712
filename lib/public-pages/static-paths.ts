import type { GetStaticPaths } from "next";

/**
 * getStaticPaths of every cached public page (ADR 012): nothing is rendered
 * at build time (the build has no database); each page of a generation is
 * rendered on its first request, the request waits for it ("blocking"), and a
 * new generation replaces it (ADR 015).
 */
export const renderOnFirstRequest: GetStaticPaths = async () => ({ paths: [], fallback: "blocking" });

/**
 * A page of a generation never changes: everything it shows is read from the database as of
 * the generation's epoch and quarter, and any write it depends on starts a new generation
 * (ADR 015). So Next should render it once and answer every later request from its page cache.
 *
 * A year, not `false`: Next remembers a page's lifetime only when it has a number, and treats a
 * page rendered at request time with no remembered lifetime as stale after one second — so with
 * `false` (or 1) every request answered STALE and set off a re-render in the background, which
 * halved the throughput of a cached page (docs/benchmarks.md). The header a proxy sees is not
 * this: proxy.ts sets PUBLIC_PAGE_CACHE_CONTROL first, and Next keeps a Cache-Control already set.
 */
export const PUBLIC_PAGE_REVALIDATE = 31_536_000;

/**
 * What a proxy or CDN may do with a public page (set by proxy.ts; Next keeps a Cache-Control
 * already set): keep it a second, then revalidate it by its ETag, serving the old copy for a
 * few seconds more only while it does. Never a year — Next's default for a page that never
 * revalidates.
 */
export const PUBLIC_PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=9";

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

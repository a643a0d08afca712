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
 * this: next.config.ts sets PUBLIC_PAGE_CACHE_CONTROL first (public-routes.ts), and Next keeps a
 * Cache-Control already set. A page of an earlier generation is not served at all
 * (page-cache-handler.mjs): it is rendered again on its next request.
 */
export const PUBLIC_PAGE_REVALIDATE = 31_536_000;

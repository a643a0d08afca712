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

/**
 * Next's page cache for this app (next.config.ts `cacheHandler`, ADR 015): Next's own
 * file-system cache (memory in front, files under .next/server/route-cache), with one rule for
 * the public pages (pages/_p/…):
 *
 * - a kept page is served only while the generation it was rendered in — its props'
 *   `generation`, read before its data (lib/public-pages/load.ts) — is the current one
 *   (lib/public-pages/generation.ts, the cache epoch PostgreSQL notifies every instance of);
 *   otherwise this answers "not kept", Next renders the page again (one render per page and
 *   instance: Next joins concurrent requests for one page) and the new copy replaces the old;
 * - only such pages are kept: a 404 or a redirect (an unknown code, a quarter without data, a
 *   code in lower case) is answered and forgotten, so no URL a visitor types leaves a file.
 *
 * Plain JavaScript: Next loads it with Node's own import(), outside the app's bundles; the
 * current generation comes through globalThis (installCurrentGeneration, at start).
 */
import fileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";

const FileSystemCache = fileSystemCache.default ?? fileSystemCache;

/** lib/public-pages/generation.ts CURRENT_GENERATION. */
const CURRENT_GENERATION = Symbol.for("dx-tracker.public-page-generation");

/** The storage key of a page under /_p/ ("/route-cache/PAGES/<route>/$/_p/vi/indicator/X/latest"). */
const PUBLIC_PAGE = /\/\$\/_p(?:\/|$)/;

/** The generation a cached value was rendered in, or null if it is not a rendered public page. */
export function renderedIn(value) {
  const generation = value?.kind === "PAGES" ? value.pageData?.pageProps?.generation : undefined;
  return typeof generation === "string" ? generation : null;
}

function currentGeneration() {
  const current = globalThis[CURRENT_GENERATION];
  return typeof current === "function" ? current() : null;
}

export default class PublicPageCache extends FileSystemCache {
  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    if (!entry || !PUBLIC_PAGE.test(key)) return entry;
    const current = currentGeneration();
    return current !== null && renderedIn(entry.value) === current ? entry : null;
  }

  async set(key, data, ctx) {
    if (PUBLIC_PAGE.test(key) && renderedIn(data) === null) return;
    return super.set(key, data, ctx);
  }
}

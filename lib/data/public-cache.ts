/**
 * What the public sees is cached twice, and both expire together with
 * expirePublicFigures(), which every write that changes what the public sees
 * must call (approving and rejecting figures: lib/actions/review.ts):
 *
 * - the public pages' HTML (ADR 012): prerendered once per generation
 *   (lib/public-pages/generation.ts); expiring starts a new generation, so the
 *   next request renders every page afresh from the database;
 * - Next's data cache for reads that go through cachedPublicRead (ADR 005),
 *   tagged "figures": updateTag expires these entries at once (not
 *   stale-while-revalidate), so the next read goes to the database.
 *
 * unstable_cache, not "use cache": "use cache" needs `cacheComponents`, which
 * changes how every page of the app renders (uncached reads outside
 * <Suspense> fail the build); unstable_cache works per function, without it.
 */
// No "server-only" marker: the cached public pages read through this module in
// getStaticProps (Pages Router, ADR 012), where Next refuses that marker. Never
// import it from a client component.
import { randomUUID } from "node:crypto";
import { unstable_cache, updateTag } from "next/cache";
import { expirePublicPages } from "@/lib/public-pages/generation";

/** Every read of published figures carries this tag; review/approval invalidates it. */
export const FIGURES_TAG = "figures";

/**
 * The cache outlives the process on disk (.next/cache), but the record of
 * which tags were invalidated lives in memory. An entry written by an earlier
 * server process could therefore predate an approval this process never saw
 * (or belong to another database). Keying entries by the process makes each
 * server start with a cold cache instead of trusting them.
 */
const PROCESS_EPOCH = randomUUID();

/**
 * Caches `read` under `name` and its arguments (JSON-serialisable), tagged
 * FIGURES_TAG. The result is stored as JSON: return plain data (dates as ISO
 * strings), never Dates, Decimals or class instances.
 */
export function cachedPublicRead<A extends unknown[], R>(name: string, read: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return unstable_cache(read, ["public", name, PROCESS_EPOCH], { tags: [FIGURES_TAG] });
}

/**
 * Call after a committed write that changes what the public sees (from a
 * server action: updateTag only works there). The public pages of the new
 * generation are rendered on their next request, so the change is public at
 * once, never after a timeout.
 */
export function expirePublicFigures(): void {
  updateTag(FIGURES_TAG);
  expirePublicPages();
}

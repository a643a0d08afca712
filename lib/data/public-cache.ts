/**
 * Next's data cache for the public reads (ADR 005).
 *
 * The pages are rendered per request (the proxy's per-request CSP nonce makes
 * HTML dynamic), so what is cached is the data: each read is kept until a
 * write that changes what the public sees invalidates the "figures" tag —
 * approving figures calls updateTag("figures") (lib/actions/review.ts), which
 * expires these entries at once, so the next request reads the database.
 *
 * unstable_cache, not "use cache": "use cache" needs `cacheComponents`, which
 * changes how every page of the app renders (uncached reads outside
 * <Suspense> fail the build); unstable_cache works per function, without it.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_cache } from "next/cache";

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

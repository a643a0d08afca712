/**
 * A small in-process cache of the dashboard's reference data (indicators,
 * sectors, current targets, baselines, departments, and the geography of each
 * scope: lib/data/dashboard-scope.ts): what the aggregates are
 * shaped with, not the figures. It changes only through admin actions and
 * seeding, which call `invalidateDashboardReference()` after their transaction
 * commits; figures are never cached (ADR 009).
 *
 * A version counter guards the race of a read that started before a write
 * committed: its result is kept only if no invalidation happened meanwhile.
 * Entries are per database client (a test's scratch database, the bench's
 * national one), and expire after `TTL_MS` so a write made by another process
 * (a seed run from the command line against a running server) shows within a
 * minute.
 */
export const REFERENCE_TTL_MS = 60_000;
/** Entries kept per client (the geography of a scope is one entry). */
export const REFERENCE_MAX_ENTRIES = 2_000;

let version = 0;
const caches = new WeakMap<object, Map<string, { version: number; at: number; value: Promise<unknown> }>>();

/** Every write that changes indicators, targets, baselines, sectors or departments calls this once committed. */
export function invalidateDashboardReference(): void {
  version += 1;
}

/** The cached value of `key` for this client, else `load()` (kept only if no invalidation raced it). */
export async function cachedReference<T>(client: object, key: string, load: () => Promise<T>, now: () => number = Date.now): Promise<T> {
  let cache = caches.get(client);
  if (!cache) caches.set(client, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.version === version && now() - hit.at < REFERENCE_TTL_MS) return hit.value as Promise<T>;
  // Keys include scopes (a province × boundaries × district, a unit's own page): bounded, oldest first.
  if (!hit && cache.size >= REFERENCE_MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  const started = version;
  const value = load();
  const entry = { version: started, at: now(), value: value as Promise<unknown> };
  cache.set(key, entry);
  try {
    return await value;
  } catch (e) {
    if (cache.get(key) === entry) cache.delete(key);
    throw e;
  }
}

/** Awaits a committed write, then invalidates the reference cache (a failed write changes nothing). */
export async function afterCommit<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  invalidateDashboardReference();
  return result;
}

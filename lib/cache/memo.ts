/**
 * The in-process cache of what changes only through admin writes and
 * publications — the dashboard's reference data (indicators, sectors, current
 * targets, baselines, departments) and the geography of each scope
 * (lib/data/dashboard-scope.ts), the bulk downloads — never the live figures
 * (ADR 009).
 *
 * One cache, one signal (ADR 015): an entry belongs to the epoch it was read in
 * (lib/cache/epoch.ts) and is dropped when PostgreSQL notifies a newer one — on
 * every instance, right after the writing transaction commits. No expiry timer.
 * While the listener reconnects, reads go through without keeping anything.
 */
import { currentEpoch, epochIsTrusted, type Epoch } from "./epoch";

/** Entries kept per client (the geography of a scope is one entry). */
export const MEMO_MAX_ENTRIES = 2_000;

const caches = new WeakMap<object, Map<string, { epoch: Epoch; value: Promise<unknown> }>>();

const sameEpoch = (a: Epoch, b: Epoch) => a.generation === b.generation && a.databaseId === b.databaseId;

/**
 * The cached value of `key` for this database client (a test's scratch
 * database, the bench's national one), else `load()`. A read that started
 * before a newer epoch arrived is returned to its caller but never served to a
 * later one.
 */
export async function cachedByEpoch<T>(client: object, key: string, load: () => Promise<T>): Promise<T> {
  if (!epochIsTrusted()) return load();
  let cache = caches.get(client);
  if (!cache) caches.set(client, (cache = new Map()));
  const now = currentEpoch();
  const hit = cache.get(key);
  if (hit && sameEpoch(hit.epoch, now)) return hit.value as Promise<T>;
  if (hit) cache.delete(key);
  // Keys include scopes (a province × boundaries × district, a unit's own page): bounded, oldest first.
  if (cache.size >= MEMO_MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  const value = load();
  const entry = { epoch: now, value: value as Promise<unknown> };
  cache.set(key, entry);
  try {
    return await value;
  } catch (e) {
    if (cache.get(key) === entry) cache.delete(key);
    throw e;
  }
}

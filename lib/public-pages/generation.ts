/**
 * The generation of the cached public pages (ADR 012, ADR 015).
 *
 * The public pages are HTML rendered from the database and kept by Next's page
 * cache (ISR). A publication (or any write the pages are built from) makes a
 * new cache epoch in PostgreSQL (lib/cache/epoch.ts), which every instance
 * hears at once. Each page records the generation it was rendered in (read
 * before its data, so a write committed during the render makes it stale), and
 * the page cache (page-cache-handler.mjs) serves a kept page only while that is
 * still the current generation; otherwise Next renders it again and overwrites
 * it — so an approved figure is on the public pages of every instance as soon
 * as its transaction commits.
 *
 * A generation is "<database>.<epoch>.<quarter>":
 * - database: the first 8 hex digits of the database's id, so pages rendered
 *   on another database (a server's page cache on disk outlives a change of
 *   DATABASE_URL) are never reused;
 * - epoch: the cache epoch's generation, the same on every instance;
 * - quarter: today's quarter; the statuses are computed as of it, so a new
 *   quarter is a new generation too.
 */
import { currentEpoch, epochIsTrusted } from "@/lib/cache/epoch";
import { parseQuarter, quarterKey, type Quarter } from "@/lib/period/quarter";
import { quarterInVietnam } from "@/lib/period/reporting";

function databasePart(): string {
  return (currentEpoch().databaseId.replace(/-/g, "").slice(0, 8) || "00000000").toLowerCase();
}

/** The last generation string cut from the clock. */
let memo: { database: string; epoch: number; until: number; value: string } | undefined;

/**
 * The generation every public page is served from now. Asked on every public
 * request by the page cache, so without `today` the quarter part is recomputed
 * at most once a second; the epoch is read every time, so a publication
 * changes the generation at once.
 */
export function currentGeneration(today?: Date): string {
  const database = databasePart();
  const epoch = currentEpoch().generation;
  if (today) return `${database}.${epoch}.${quarterKey(quarterInVietnam(today))}`;
  // performance.now(), not Date.now(): Next wraps Date to watch prerenders read the clock.
  const now = performance.now();
  if (memo && memo.epoch === epoch && memo.database === database && now < memo.until) return memo.value;
  memo = { database, epoch, until: now + 1000, value: `${database}.${epoch}.${quarterKey(quarterInVietnam(new Date()))}` };
  return memo.value;
}

const GENERATION = /^([0-9a-f]{8})\.(\d+)\.(\d{4}-Q[1-4])$/;

/** The quarter a generation was cut for (the pages' "as of"), or null if it is not a generation. */
export function generationQuarter(generation: string): Quarter | null {
  const match = GENERATION.exec(generation);
  return match ? parseQuarter(match[3]!) : null;
}

/** Where page-cache-handler.mjs (outside the app's bundles, same process) asks for the current generation. */
export const CURRENT_GENERATION = Symbol.for("dx-tracker.public-page-generation");

/**
 * Lets the page cache ask (instrumentation.ts, at start). Null while the epoch listener is
 * reconnecting: a change committed meanwhile would go unseen, so no kept page is served then —
 * each request renders (lib/cache/epoch.ts, epochIsTrusted).
 */
export function installCurrentGeneration(): void {
  (globalThis as unknown as Record<symbol, () => string | null>)[CURRENT_GENERATION] = () => (epochIsTrusted() ? currentGeneration() : null);
}

/**
 * The generation of the cached public pages (ADR 012, ADR 015).
 *
 * The public pages are prerendered HTML kept by Next's page cache (ISR) under
 * an internal path that starts with the current generation
 * (`/_p/<generation>/…`, see paths.ts). A publication (or any write the pages
 * are built from) makes a new cache epoch in PostgreSQL (lib/cache/epoch.ts),
 * which every instance hears at once: from then on the proxy sends every
 * visitor to pages of the new generation, rendered from the database on their
 * first request — so an approved figure is on the public pages of every
 * instance as soon as its transaction commits, and earlier pages are never
 * served again (their files are removed: page-files.ts).
 *
 * A generation is "<database>.<epoch>.<quarter>":
 * - database: the first 8 hex digits of the database's id, so pages rendered
 *   on another database (a server's page cache on disk outlives a change of
 *   DATABASE_URL) are never reused;
 * - epoch: the cache epoch's generation, the same on every instance;
 * - quarter: today's quarter; the statuses are computed as of it, so a new
 *   quarter is a new generation too. The pages read it from the path.
 */
import { currentEpoch } from "@/lib/cache/epoch";
import { parseQuarter, quarterKey, type Quarter } from "@/lib/period/quarter";
import { quarterInVietnam } from "@/lib/period/reporting";

function databasePart(): string {
  return (currentEpoch().databaseId.replace(/-/g, "").slice(0, 8) || "00000000").toLowerCase();
}

/** The last generation string cut from the clock. */
let memo: { database: string; epoch: number; until: number; value: string } | undefined;

/**
 * The generation every public request is served from now. Called on every
 * public request by the proxy, so without `today` the quarter part is
 * recomputed at most once a second; the epoch is read every time, so a
 * publication changes the generation at once.
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

/**
 * A generation of this database up to the current epoch: only those pages are
 * rendered, so a request that reaches an internal page path some other way
 * than through the proxy cannot fill the page cache with made-up generations.
 */
export function isOwnGeneration(generation: string): boolean {
  const match = GENERATION.exec(generation);
  return match !== null && match[1] === databasePart() && Number(match[2]) <= currentEpoch().generation;
}

/** The quarter a generation was cut for (the pages' "as of"), or null if it is not a generation. */
export function generationQuarter(generation: string): Quarter | null {
  const match = GENERATION.exec(generation);
  return match ? parseQuarter(match[3]!) : null;
}

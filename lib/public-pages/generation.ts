/**
 * The generation of the cached public pages (ADR 012).
 *
 * The public pages are prerendered HTML kept by Next's page cache (ISR) under
 * an internal path that starts with the current generation
 * (`/_p/<generation>/…`, see paths.ts). Publishing figures starts a new
 * generation: from that moment the proxy sends every visitor to pages of the
 * new generation, which do not exist yet and are rendered from the database
 * on their first request — so an approved figure is on the public pages at
 * once, never after a timeout, and the pages of earlier generations are never
 * served again.
 *
 * A generation is "<process>.<counter>.<quarter>":
 * - process: random per server start. The page cache outlives the process on
 *   disk (.next), the counter does not, so pages rendered by an earlier process
 *   (perhaps before an approval, or from another database) are never reused.
 * - counter: +1 at every expirePublicPages() (lib/data/public-cache.ts calls it
 *   with the "figures" tag, after the database has committed the change).
 * - quarter: today's quarter; the statuses are computed as of it, so a new
 *   quarter is a new generation too. The pages read it from the path.
 *
 * The state lives on globalThis because the proxy and the server actions are
 * separate bundles (separate module instances) in the one server process.
 */
import { parseQuarter, quarterKey, quarterOfDate, type Quarter } from "@/lib/period/quarter";

const STATE = Symbol.for("dx-tracker.public-pages.generation");

interface GenerationState {
  process: string;
  counter: number;
}

function state(): GenerationState {
  const store = globalThis as unknown as Record<symbol, GenerationState | undefined>;
  return (store[STATE] ??= { process: crypto.randomUUID().slice(0, 8), counter: 0 });
}

/** The last generation string cut from the clock (per module instance: the state it reads is shared). */
let memo: { process: string; counter: number; until: number; value: string } | undefined;

/**
 * The generation every public request is served from now. Called on every
 * public request (by the proxy, and by the front, lib/public-pages/front-cache.ts),
 * so without `today` the quarter part is recomputed at most once a second; the
 * counter is read every time, so a publication changes the generation at once.
 */
export function currentGeneration(today?: Date): string {
  const { process, counter } = state();
  if (today) return `${process}.${counter}.${quarterKey(quarterOfDate(today))}`;
  // performance.now(), not Date.now(): Next wraps Date to watch prerenders read the clock.
  const now = performance.now();
  if (memo && memo.counter === counter && memo.process === process && now < memo.until) return memo.value;
  memo = { process, counter, until: now + 1000, value: `${process}.${counter}.${quarterKey(quarterOfDate(new Date()))}` };
  return memo.value;
}

/** Starts a new generation: every public page is rendered afresh on its next request. */
export function expirePublicPages(): void {
  state().counter += 1;
}

const GENERATION = /^([0-9a-f]{8})\.(\d+)\.(\d{4}-Q[1-4])$/;

/**
 * A generation this process cut (now or before a later approval): only those
 * pages are rendered, so a request that reaches an internal page path some
 * other way than through the proxy cannot fill the page cache.
 */
export function isOwnGeneration(generation: string): boolean {
  const match = GENERATION.exec(generation);
  const { process, counter } = state();
  return match !== null && match[1] === process && Number(match[2]) <= counter;
}

/** The quarter a generation was cut for (the pages' "as of"), or null if it is not a generation. */
export function generationQuarter(generation: string): Quarter | null {
  const match = GENERATION.exec(generation);
  return match ? parseQuarter(match[3]!) : null;
}

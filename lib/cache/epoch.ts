/**
 * The one invalidation signal of every cache the app keeps (ADR 015).
 *
 * PostgreSQL holds the truth: the row of "CacheEpoch" carries a generation that
 * triggers bump, inside the writing transaction, on every statement that
 * changes a table the caches are built from (published figures, the catalogue,
 * the geography; migration 20261202150000_cache_epoch), and the same trigger
 * NOTIFYs channel `dx_cache`. A notification is delivered only when its
 * transaction commits, to every session that LISTENs: every app instance, on
 * PostgreSQL and on the embedded PGlite alike (lib/db/pglite-session-queue.ts
 * routes it to the listening connection).
 *
 * Each server process keeps the last generation it saw here (on globalThis: the
 * proxy and the route bundles are separate module instances in one process):
 * - `startEpochListener()` (instrumentation.ts) holds one dedicated connection
 *   that LISTENs, reads the row on every (re)connection, and reconnects after a
 *   loss — a generation missed meanwhile is caught by that read;
 * - `syncEpoch()` reads the row after a committed write, so the writing process
 *   sees its own change before the notification's round trip;
 * - without a listener (tests, seed and bench scripts) the process sees only
 *   its own writes, through `syncEpoch()`.
 * Caches key their entries by `currentEpoch()` or subscribe with `onEpochChange()`.
 */
import pg from "pg";

export const CACHE_CHANNEL = "dx_cache";
const READ_EPOCH = `SELECT "databaseId"::text AS "databaseId", "generation"::text AS "generation" FROM "CacheEpoch" WHERE "id" = 1`;
const RECONNECT_MS = 1_000;

export interface Epoch {
  /** Which database: its generations are not comparable with another's. "" until first read. */
  databaseId: string;
  generation: number;
}

interface EpochState extends Epoch {
  /** "local": no listener in this process; "listening": notified by PostgreSQL; "reconnecting": the listener lost its connection. */
  mode: "local" | "listening" | "reconnecting";
  subscribers: Set<(epoch: Epoch) => void>;
  listener?: { stop(): Promise<void> };
}

const STATE = Symbol.for("dx-tracker.cache-epoch");

function state(): EpochState {
  const store = globalThis as unknown as Record<symbol, EpochState | undefined>;
  return (store[STATE] ??= { databaseId: "", generation: 0, mode: "local", subscribers: new Set() });
}

/** The generation this process last saw. */
export function currentEpoch(): Epoch {
  const { databaseId, generation } = state();
  return { databaseId, generation };
}

/**
 * False while the listener is reconnecting: a change committed meanwhile would
 * go unseen, so in-process caches read through instead of keeping entries.
 */
export function epochIsTrusted(): boolean {
  return state().mode !== "reconnecting";
}

/** Called with the new epoch whenever it changes; returns the unsubscribe function. */
export function onEpochChange(subscriber: (epoch: Epoch) => void): () => void {
  const s = state();
  s.subscribers.add(subscriber);
  return () => s.subscribers.delete(subscriber);
}

/** Takes a generation read from or notified by the database; only a newer one (or another database) changes anything. */
export function applyEpoch(next: Epoch): boolean {
  const s = state();
  const sameDatabase = next.databaseId === "" || next.databaseId === s.databaseId;
  if (sameDatabase && next.generation <= s.generation) return false;
  if (next.databaseId !== "") s.databaseId = next.databaseId;
  s.generation = next.generation;
  const epoch = currentEpoch();
  for (const subscriber of s.subscribers) {
    try {
      subscriber(epoch);
    } catch (error) {
      console.error("[dx-tracker] cache invalidation failed:", error);
    }
  }
  return true;
}

interface RawQuery {
  $queryRawUnsafe<T = unknown>(query: string): Promise<T>;
}

function parseRow(row: { databaseId: string; generation: string } | undefined): Epoch | null {
  return row ? { databaseId: row.databaseId, generation: Number(row.generation) } : null;
}

/** Reads the generation (after a committed write, or at start) and applies it. */
export async function syncEpoch(db: RawQuery): Promise<Epoch> {
  const rows = await db.$queryRawUnsafe<{ databaseId: string; generation: string }[]>(READ_EPOCH);
  const epoch = parseRow(rows[0]);
  if (epoch) applyEpoch(epoch);
  return currentEpoch();
}

/** Awaits a committed write, then takes the generation its triggers made (a failed write changes nothing). */
export async function afterCommit<T>(db: RawQuery, write: Promise<T>): Promise<T> {
  const result = await write;
  await syncEpoch(db);
  return result;
}

/**
 * Starts this process's listener: resolves once it has LISTENed and read the
 * generation (rejects if the first connection fails: the server must not start
 * without its signal). Later losses reconnect every second, logged.
 */
export async function startEpochListener(url: string, log: (message: string) => void = (m) => console.error(m)): Promise<void> {
  const s = state();
  if (s.listener) return;
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, application_name: "dx-tracker cache listener" });
    c.on("notification", (message) => {
      if (message.channel !== CACHE_CHANNEL) return;
      const generation = Number(message.payload);
      if (Number.isSafeInteger(generation)) applyEpoch({ databaseId: "", generation });
    });
    c.on("error", () => lost(c));
    c.on("end", () => lost(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${CACHE_CHANNEL}`);
      const epoch = parseRow((await c.query<{ databaseId: string; generation: string }>(READ_EPOCH)).rows[0]);
      if (!epoch) throw new Error(`bảng "CacheEpoch" không có dòng nào (chưa chạy migration?)`);
      client = c;
      applyEpoch(epoch);
      s.mode = "listening";
    } catch (error) {
      c.removeAllListeners("end");
      await c.end().catch(() => {});
      throw error;
    }
  };

  const lost = (c: pg.Client) => {
    if (stopped || client !== c) return;
    client = null;
    s.mode = "reconnecting";
    log("[dx-tracker] Mất kết nối LISTEN của bộ nhớ đệm; bỏ qua bộ nhớ đệm và kết nối lại…");
    schedule();
  };

  const schedule = () => {
    timer = setTimeout(() => {
      connect().then(
        () => log("[dx-tracker] Đã kết nối lại LISTEN của bộ nhớ đệm."),
        () => !stopped && schedule(),
      );
    }, RECONNECT_MS);
    timer.unref();
  };

  s.listener = {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      s.listener = undefined;
      s.mode = "local";
      await c?.end().catch(() => {});
    },
  };
  try {
    await connect();
  } catch (error) {
    s.listener = undefined;
    throw error;
  }
}

/** Stops the listener (tests; a server process simply exits). */
export async function stopEpochListener(): Promise<void> {
  await state().listener?.stop();
}

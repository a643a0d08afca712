/**
 * Entries typed while offline, kept in the browser until they can be sent.
 * One list per user and period in localStorage (or any store of the same
 * shape, for tests), one entry per cell (indicator, unit, sector), holding what
 * was typed and the version the grid had loaded: sent later, an entry meets the
 * same optimistic-concurrency check as a save made at the time, so a figure
 * someone else changed in the meantime is a conflict, never overwritten.
 * A newer entry for the same cell replaces the older one; what cannot be read
 * back (another version of this format, a hand-edited value) is ignored.
 */
import { z } from "@/lib/validations/zod";
import { OBSERVATION_STATUSES } from "@/lib/validations/figure";

/** The part of localStorage the queue uses. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = "dxt:nhap-lieu:chua-gui:v1";

const entrySchema = z.object({
  key: z.string().min(1),
  indicatorId: z.number().int().positive(),
  unitId: z.number().int().positive(),
  sectorId: z.number().int().positive().nullable(),
  baseVersion: z.number().int().min(0),
  numerator: z.string(),
  denominator: z.string(),
  value: z.string(),
  comment: z.string(),
  observationStatus: z.enum(OBSERVATION_STATUSES),
  sourceDocument: z.string(),
  queuedAt: z.string(),
});

export type QueuedEntry = z.infer<typeof entrySchema>;

const listSchema = z.array(z.unknown());

export function queueKey(userId: string, periodId: number): string {
  return `${PREFIX}:${userId}:${periodId}`;
}

/** The user's unsent entries for the period, oldest first. */
export function readQueue(store: KeyValueStore, userId: string, periodId: number): QueuedEntry[] {
  let raw: string | null;
  try {
    raw = store.getItem(queueKey(userId, periodId));
  } catch {
    return []; // storage disabled by the browser's settings
  }
  if (raw === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  const list = listSchema.safeParse(parsed);
  if (!list.success) return [];
  return list.data.flatMap((item) => {
    const e = entrySchema.safeParse(item);
    return e.success ? [e.data] : [];
  });
}

function write(store: KeyValueStore, userId: string, periodId: number, entries: QueuedEntry[]): void {
  const k = queueKey(userId, periodId);
  if (entries.length === 0) store.removeItem(k);
  else store.setItem(k, JSON.stringify(entries));
}

/**
 * Keeps an entry (replacing an older one for the same cell). Throws when the
 * browser refuses to store it (storage full or disabled): the caller says so.
 */
export function enqueue(store: KeyValueStore, userId: string, periodId: number, entry: QueuedEntry): QueuedEntry[] {
  const next = [...readQueue(store, userId, periodId).filter((e) => e.key !== entry.key), entrySchema.parse(entry)];
  write(store, userId, periodId, next);
  return next;
}

/** Forgets the cell's entry (sent, refused as a conflict, or replaced by a save that went through). */
export function dequeue(store: KeyValueStore, userId: string, periodId: number, key: string): QueuedEntry[] {
  const before = readQueue(store, userId, periodId);
  const next = before.filter((e) => e.key !== key);
  if (next.length !== before.length) {
    try {
      write(store, userId, periodId, next);
    } catch {
      // Nothing to do: a stale entry is sent again later and meets the version check.
    }
  }
  return next;
}

/** An in-memory store (tests, and browsers whose storage is unavailable). */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

import { describe, expect, it } from "vitest";
import { dequeue, enqueue, memoryStore, queueKey, readQueue, type QueuedEntry } from "./offline-queue";

const entry = (key: string, over: Partial<QueuedEntry> = {}): QueuedEntry => ({
  key,
  indicatorId: 3,
  unitId: Number(key.split(":")[1]),
  sectorId: null,
  baseVersion: 2,
  numerator: "812",
  denominator: "1.200",
  value: "",
  comment: "",
  observationStatus: "NORMAL",
  sourceDocument: "",
  queuedAt: "2026-12-04T06:00:00.000Z",
  ...over,
});

describe("the offline queue", () => {
  it("keeps entries per user and period, oldest first, one per cell", () => {
    const store = memoryStore();
    enqueue(store, "u1", 7, entry("3:10:-"));
    enqueue(store, "u1", 7, entry("3:11:-"));
    enqueue(store, "u1", 7, entry("3:10:-", { numerator: "900", baseVersion: 2 }));
    enqueue(store, "u2", 7, entry("3:10:-"));
    enqueue(store, "u1", 8, entry("3:12:-"));
    expect(readQueue(store, "u1", 7).map((e) => [e.key, e.numerator])).toEqual([
      ["3:11:-", "812"],
      ["3:10:-", "900"],
    ]);
    expect(readQueue(store, "u2", 7)).toHaveLength(1);
    expect(readQueue(store, "u1", 8)).toHaveLength(1);
    expect(readQueue(store, "u3", 7)).toEqual([]);
  });

  it("keeps the version the grid loaded, for the server's conflict check", () => {
    const store = memoryStore();
    enqueue(store, "u1", 7, entry("3:10:-", { baseVersion: 5 }));
    expect(readQueue(store, "u1", 7)[0]!.baseVersion).toBe(5);
  });

  it("forgets sent entries and removes the list once empty", () => {
    const store = memoryStore();
    enqueue(store, "u1", 7, entry("3:10:-"));
    enqueue(store, "u1", 7, entry("3:11:-"));
    expect(dequeue(store, "u1", 7, "3:10:-").map((e) => e.key)).toEqual(["3:11:-"]);
    dequeue(store, "u1", 7, "3:11:-");
    expect(store.getItem(queueKey("u1", 7))).toBeNull();
    expect(dequeue(store, "u1", 7, "3:11:-")).toEqual([]);
  });

  it("ignores what it cannot read back", () => {
    const store = memoryStore();
    store.setItem(queueKey("u1", 7), "{not json");
    expect(readQueue(store, "u1", 7)).toEqual([]);
    store.setItem(queueKey("u1", 7), JSON.stringify({ a: 1 }));
    expect(readQueue(store, "u1", 7)).toEqual([]);
    store.setItem(queueKey("u1", 7), JSON.stringify([entry("3:10:-"), { key: "x", baseVersion: -1 }, entry("3:11:-", { observationStatus: "MAYBE" as never })]));
    expect(readQueue(store, "u1", 7).map((e) => e.key)).toEqual(["3:10:-"]);
  });

  it("throws when the browser refuses to store, so the grid can say so", () => {
    const full = { ...memoryStore(), setItem: () => { throw new Error("QuotaExceededError"); } };
    expect(() => enqueue(full, "u1", 7, entry("3:10:-"))).toThrow();
    const broken = { getItem: () => { throw new Error("SecurityError"); }, setItem: () => undefined, removeItem: () => undefined };
    expect(readQueue(broken, "u1", 7)).toEqual([]);
  });
});

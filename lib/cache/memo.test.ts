import { describe, expect, it } from "vitest";
import { applyEpoch, currentEpoch } from "./epoch";
import { cachedByEpoch } from "./memo";

const bump = () => applyEpoch({ databaseId: currentEpoch().databaseId, generation: currentEpoch().generation + 1 });

describe("cachedByEpoch", () => {
  it("reads once per client and key until a newer epoch arrives", async () => {
    const client = {};
    let reads = 0;
    const load = async () => ++reads;
    expect(await cachedByEpoch(client, "k", load)).toBe(1);
    expect(await cachedByEpoch(client, "k", load)).toBe(1);
    expect(await cachedByEpoch({}, "k", load)).toBe(2); // another database client
    bump();
    expect(await cachedByEpoch(client, "k", load)).toBe(3);
    expect(await cachedByEpoch(client, "k", load)).toBe(3);
  });

  it("ignores an older or equal generation, and treats another database as a change", async () => {
    const client = {};
    let reads = 0;
    const load = async () => ++reads;
    expect(await cachedByEpoch(client, "k", load)).toBe(1);
    expect(applyEpoch({ databaseId: "", generation: currentEpoch().generation })).toBe(false);
    expect(applyEpoch({ databaseId: "", generation: currentEpoch().generation - 1 })).toBe(false);
    expect(await cachedByEpoch(client, "k", load)).toBe(1);
    expect(applyEpoch({ databaseId: "another-db", generation: 0 })).toBe(true);
    expect(await cachedByEpoch(client, "k", load)).toBe(2);
  });

  it("never serves a read that a newer epoch raced, and forgets a failed read", async () => {
    const client = {};
    let reads = 0;
    let release!: () => void;
    const slow = () => new Promise<number>((r) => (release = () => r(++reads)));
    const first = cachedByEpoch(client, "k", slow);
    bump(); // a write commits while the read is in flight
    release();
    expect(await first).toBe(1);
    expect(await cachedByEpoch(client, "k", async () => ++reads)).toBe(2);
    await expect(cachedByEpoch(client, "f", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cachedByEpoch(client, "f", async () => ++reads)).toBe(3);
  });
});

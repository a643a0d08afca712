import { describe, expect, it } from "vitest";
import { afterCommit, cachedReference, invalidateDashboardReference, REFERENCE_TTL_MS } from "./dashboard-reference-cache";

describe("dashboard reference cache", () => {
  it("reads once per client and key until a write invalidates it", async () => {
    const client = {};
    let reads = 0;
    const load = async () => ++reads;
    expect(await cachedReference(client, "k", load)).toBe(1);
    expect(await cachedReference(client, "k", load)).toBe(1);
    expect(await cachedReference({}, "k", load)).toBe(2); // another database
    await afterCommit(Promise.resolve("written"));
    expect(await cachedReference(client, "k", load)).toBe(3);
  });

  it("does not keep a read that a write raced, nor a failed write's invalidation skipped", async () => {
    const client = {};
    let reads = 0;
    let release!: () => void;
    const slow = () => new Promise<number>((r) => (release = () => r(++reads)));
    const first = cachedReference(client, "k", slow);
    invalidateDashboardReference(); // a write commits while the read is in flight
    release();
    expect(await first).toBe(1);
    expect(await cachedReference(client, "k", async () => ++reads)).toBe(2);
    await expect(afterCommit(Promise.reject(new Error("rolled back")))).rejects.toThrow("rolled back");
    expect(await cachedReference(client, "k", async () => ++reads)).toBe(2);
  });

  it("expires after the TTL (writes made by another process) and forgets a failed read", async () => {
    const client = {};
    let now = 1000;
    let reads = 0;
    const load = async () => ++reads;
    expect(await cachedReference(client, "k", load, () => now)).toBe(1);
    now += REFERENCE_TTL_MS - 1;
    expect(await cachedReference(client, "k", load, () => now)).toBe(1);
    now += 1;
    expect(await cachedReference(client, "k", load, () => now)).toBe(2);
    await expect(cachedReference(client, "f", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cachedReference(client, "f", load)).toBe(3);
  });
});

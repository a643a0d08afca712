import { afterEach, describe, expect, it, vi } from "vitest";
import { currentGeneration, expirePublicPages, generationQuarter, isOwnGeneration } from "./generation";

describe("public page generations", () => {
  it("stay the same until figures are published, then change at once", () => {
    const day = new Date("2026-08-15T10:00:00Z");
    const before = currentGeneration(day);
    expect(currentGeneration(day)).toBe(before);
    expirePublicPages();
    const after = currentGeneration(day);
    expect(after).not.toBe(before);
    expect(currentGeneration(day)).toBe(after);
  });

  it("change with the quarter, which the pages read back as their 'as of'", () => {
    const q3 = currentGeneration(new Date("2026-09-30T23:59:59Z"));
    const q4 = currentGeneration(new Date("2026-10-01T00:00:00Z"));
    expect(q4).not.toBe(q3);
    expect(generationQuarter(q3)).toEqual({ year: 2026, quarter: 3 });
    expect(generationQuarter(q4)).toEqual({ year: 2026, quarter: 4 });
  });

  it("are shared by every bundle of the process (globalThis) and safe in a URL path", () => {
    const generation = currentGeneration();
    expect(generation).toMatch(/^[0-9a-f]{8}\.\d+\.\d{4}-Q[1-4]$/);
    expect(generationQuarter("x.1.2026-Q1")).toBeNull();
    expect(generationQuarter("../etc")).toBeNull();
  });
});

describe("currentGeneration on the clock (every public request asks for it)", () => {
  afterEach(() => vi.useRealTimers());

  it("sees a publication at once, and a new quarter within a second", () => {
    vi.useFakeTimers({ toFake: ["Date", "performance"], now: new Date("2026-09-30T23:59:59.500Z") });
    expirePublicPages(); // forget what earlier tests read off the real clock
    const q3 = currentGeneration();
    expect(q3).toMatch(/\.2026-Q3$/);
    expirePublicPages();
    const published = currentGeneration();
    expect(published).not.toBe(q3); // the counter is read on every call: no delay after an approval
    expect(published).toMatch(/\.2026-Q3$/);
    vi.advanceTimersByTime(800); // 00:00:00.300 of Q4
    expect(currentGeneration()).toBe(published); // the quarter part may be up to a second old…
    vi.advanceTimersByTime(300);
    expect(currentGeneration()).toMatch(/\.2026-Q4$/); // …and no older
    expect(currentGeneration()).toBe(currentGeneration(new Date()));
  });
});

describe("isOwnGeneration", () => {
  it("accepts the generations this process cut, and no other", () => {
    const now = currentGeneration();
    expect(isOwnGeneration(now)).toBe(true);
    expirePublicPages();
    expect(isOwnGeneration(now)).toBe(true); // cut before the approval: still rendered for a request already on its way
    const [process, counter, quarter] = currentGeneration().split(".");
    expect(isOwnGeneration(`${process}.${Number(counter) + 1}.${quarter}`)).toBe(false);
    expect(isOwnGeneration(`00000000.0.${quarter}`)).toBe(process === "00000000");
    expect(isOwnGeneration("anything")).toBe(false);
  });
});

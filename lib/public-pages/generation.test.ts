import { describe, expect, it } from "vitest";
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

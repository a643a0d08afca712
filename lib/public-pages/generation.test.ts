import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { applyEpoch, currentEpoch } from "@/lib/cache/epoch";
import { CURRENT_GENERATION, currentGeneration, generationQuarter, installCurrentGeneration } from "./generation";

/** What a publication's commit does on every instance: PostgreSQL notifies the next cache epoch. */
const expirePublicPages = () => applyEpoch({ databaseId: "", generation: currentEpoch().generation + 1 });

beforeAll(() => {
  applyEpoch({ databaseId: "5f0c2a9e-1d2b-4c3d-8e4f-0a1b2c3d4e5f", generation: 1 });
});

describe("the database part", () => {
  it("is the database's id, so pages of another database are never reused", () => {
    expect(currentGeneration(new Date("2026-08-15T10:00:00Z"))).toMatch(/^5f0c2a9e\.\d+\.2026-Q3$/);
    const other = "c0ffee00-0000-4000-8000-000000000000";
    const before = currentGeneration(new Date("2026-08-15T10:00:00Z"));
    applyEpoch({ databaseId: other, generation: 0 });
    expect(currentGeneration(new Date("2026-08-15T10:00:00Z"))).toBe("c0ffee00.0.2026-Q3");
    expect(before).not.toBe("c0ffee00.0.2026-Q3");
    applyEpoch({ databaseId: "5f0c2a9e-1d2b-4c3d-8e4f-0a1b2c3d4e5f", generation: 1 });
  });
});

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

  it("change with the quarter in Vietnam (midnight +07:00), which the pages read back as their 'as of'", () => {
    const q3 = currentGeneration(new Date("2026-09-30T16:59:59Z")); // 23:59:59 on 30 September in Vietnam
    const q4 = currentGeneration(new Date("2026-09-30T17:00:00Z")); // 00:00 on 1 October in Vietnam
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
    vi.useFakeTimers({ toFake: ["Date", "performance"], now: new Date("2026-09-30T16:59:59.500Z") }); // 23:59:59.5 on 30 September in Vietnam
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

describe("installCurrentGeneration", () => {
  it("lets the page cache (outside the app's bundles) ask for the current generation", () => {
    installCurrentGeneration();
    const ask = (globalThis as unknown as Record<symbol, () => string | null>)[CURRENT_GENERATION]!;
    expect(ask()).toBe(currentGeneration());
    expirePublicPages();
    expect(ask()).toBe(currentGeneration());
  });
});

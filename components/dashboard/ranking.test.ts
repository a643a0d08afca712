import { describe, expect, it } from "vitest";
import type { BreakdownUnitRow } from "@/lib/data/dashboard-indicator";
import { rankUnits } from "./breakdown-table";

const unit = (id: number, value: number | null) =>
  ({ id, name: `Xã ${String(id).padStart(2, "0")}`, current: value === null ? null : { value } }) as unknown as BreakdownUnitRow;

describe("rankUnits (the ranking chart's bars)", () => {
  it("ranks the units with a value, best first, and keeps the top and bottom 10 of more than 20", () => {
    const units = Array.from({ length: 92 }, (_, i) => unit(i + 1, i % 7 === 0 ? null : i));
    const { total, shown } = rankUnits(units);
    expect(total).toBe(78);
    expect(shown).toHaveLength(20);
    expect(shown.slice(0, 3).map((r) => [r.rank, r.value])).toEqual([[1, 90], [2, 89], [3, 88]]);
    expect(shown.at(-1)).toMatchObject({ rank: 78, value: 1 });
    expect(shown[10]!.rank).toBe(69);
  });

  it("keeps every unit of 20 or fewer, ties by name", () => {
    const { shown } = rankUnits([unit(2, 5), unit(1, 5), unit(3, 9)]);
    expect(shown.map((r) => r.id)).toEqual([3, 1, 2]);
  });
});

import { describe, expect, it } from "vitest";
import { scopeToProgramme } from "./programme-scope";

const indicators = [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }];
const targets = [
  { indicatorId: 1, programmeId: 10, year: 2025 },
  { indicatorId: 1, programmeId: 20, year: 2030 },
  { indicatorId: 2, programmeId: 10, year: 2025 },
  { indicatorId: 3, programmeId: 20, year: 2030 },
];

describe("scopeToProgramme", () => {
  it("keeps everything with no programme chosen", () => {
    expect(scopeToProgramme(indicators, targets, null)).toEqual({ indicators, targets });
  });

  it("keeps one programme's targets and the indicators they are for", () => {
    const { indicators: i, targets: t } = scopeToProgramme(indicators, targets, { programmeId: 20, alsoUntargeted: false });
    expect(i.map((x) => x.id)).toEqual([1, 3]);
    expect(t.map((x) => x.year)).toEqual([2030, 2030]);
  });

  it("on the home page also keeps the indicators no programme sets a target for, never another programme's", () => {
    expect(scopeToProgramme(indicators, targets, { programmeId: 10, alsoUntargeted: true }).indicators.map((x) => x.id)).toEqual([1, 2, 4]);
  });
});

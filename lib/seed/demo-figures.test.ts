import { describe, expect, it } from "vitest";
import { type Comparator } from "@/lib/generated/prisma/enums";
import { NEW_UNITS_VALID_FROM, OLD_UNITS_VALID_FROM, loadAdminUnitSeed, unitKeyString } from "./admin-units";
import { type DemoFigure, DEMO_BASELINE_SOURCE_VI, generateDemoData, mulberry32 } from "./demo-figures";
import { INDICATORS, TARGETS, getIndicator } from "./resolution";

const geo = loadAdminUnitSeed();
const demo = generateDemoData(geo);
const figures = demo.figures;

const q = (f: { year: number; quarter: number }) => f.year * 4 + f.quarter - 1;
const Q = (year: number, quarter: number) => year * 4 + quarter - 1;
const unitsByKey = new Map(geo.units.map((u) => [unitKeyString(u), u]));
const unitOf = (f: DemoFigure) => unitsByKey.get(unitKeyString(f.unit))!;
const rate = (f: DemoFigure) => f.numerator! / f.denominator!;
const newCommunes = geo.units.filter((u) => u.level === "COMMUNE" && u.validFrom === NEW_UNITS_VALID_FROM);

describe("mulberry32", () => {
  it("is a fixed sequence for a seed, different for another seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
    const c = mulberry32(43);
    expect(c()).not.toBe(seqA[0]);
  });
});

describe("generateDemoData", () => {
  it("is deterministic: two runs are deep-equal, another seed differs", () => {
    expect(generateDemoData(geo)).toEqual(demo);
    const other = generateDemoData(geo, { seed: 7 });
    expect(other.figures.length).toBeGreaterThan(0);
    expect(other.figures).not.toEqual(demo.figures);
  });

  it("covers 2021 Q1 to 2026 Q3 and no quarter outside it", () => {
    const quarters = new Set(figures.map(q));
    expect(Math.min(...quarters)).toBe(Q(2021, 1));
    expect(Math.max(...quarters)).toBe(Q(2026, 3));
    expect(quarters.size).toBe(23);
  });

  it("stops at the given last quarter", () => {
    const shorter = generateDemoData(geo, { lastQuarter: { year: 2025, quarter: 4 } });
    expect(Math.max(...shorter.figures.map(q))).toBe(Q(2025, 4));
  });

  it("writes ratios as integer numerator ≤ denominator (≥ 1) and everything else as an integer value", () => {
    for (const f of figures) {
      const kind = getIndicator(f.indicatorCode).kind;
      if (kind === "RATIO") {
        expect(f.value).toBeNull();
        expect(Number.isInteger(f.numerator) && Number.isInteger(f.denominator)).toBe(true);
        expect(f.denominator!).toBeGreaterThanOrEqual(1);
        expect(f.numerator!).toBeGreaterThanOrEqual(0);
        expect(f.numerator!).toBeLessThanOrEqual(f.denominator!);
      } else {
        expect(f.numerator).toBeNull();
        expect(f.denominator).toBeNull();
        expect(Number.isInteger(f.value)).toBe(true);
        expect(f.value!).toBeGreaterThanOrEqual(kind === "RANK" ? 1 : 0);
      }
    }
  });

  it("has at most one figure per indicator × unit × quarter × sector", () => {
    const keys = figures.map((f) => `${f.indicatorCode}|${unitKeyString(f.unit)}|${q(f)}|${f.sectorCode}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("reports each indicator only at its level, and by sector only where the indicator is", () => {
    for (const f of figures) {
      const indicator = getIndicator(f.indicatorCode);
      expect(indicator.levels).toContain(unitOf(f).level);
      expect(f.sectorCode !== null).toBe(indicator.bySector);
    }
    for (const i of INDICATORS) expect(figures.some((f) => f.indicatorCode === i.code), i.code).toBe(true);
  });

  it("puts province figures on the old province until 2025 Q2 and on the new one from 2025 Q3", () => {
    for (const f of figures.filter((x) => unitOf(x).level === "PROVINCE")) {
      expect(f.unit.code).toBe("19");
      expect(f.unit.validFrom).toBe(q(f) <= Q(2025, 2) ? OLD_UNITS_VALID_FROM : NEW_UNITS_VALID_FROM);
    }
  });

  it("stops district figures after 2025 Q2, on all 17 districts of Thái Nguyên and Bắc Kạn", () => {
    const district = figures.filter((f) => f.indicatorCode === "WORK_DOSSIER_ONLINE_DISTRICT");
    expect(Math.max(...district.map(q))).toBe(Q(2025, 2));
    expect(new Set(district.map((f) => f.unit.code)).size).toBe(17);
    expect(district).toHaveLength(17 * 18);
  });

  it("uses old communes until 2025 Q2 and the 92 new communes from 2025 Q3", () => {
    const commune = figures.filter((f) => f.indicatorCode === "WORK_DOSSIER_ONLINE_COMMUNE");
    for (const f of commune) {
      expect(f.unit.validFrom).toBe(q(f) <= Q(2025, 2) ? OLD_UNITS_VALID_FROM : NEW_UNITS_VALID_FROM);
    }
    expect(new Set(commune.filter((f) => q(f) <= Q(2025, 2)).map((f) => f.unit.code)).size).toBe(280);
    const firstNew = commune.filter((f) => q(f) === Q(2025, 3));
    expect(new Set(firstNew.map((f) => f.unit.code)).size).toBe(92);
  });

  it("leaves 5–10% of the new communes without any figure in each of the last two quarters", () => {
    for (const [year, quarter] of [
      [2026, 2],
      [2026, 3],
    ] as const) {
      const reported = new Set(figures.filter((f) => f.year === year && f.quarter === quarter).map((f) => unitKeyString(f.unit)));
      const silent = newCommunes.filter((u) => !reported.has(unitKeyString(u)));
      expect(silent.length / newCommunes.length).toBeGreaterThanOrEqual(0.05);
      expect(silent.length / newCommunes.length).toBeLessThanOrEqual(0.1);
      const listed = demo.missingUnits.find((m) => m.quarter.year === year && m.quarter.quarter === quarter)!;
      expect(listed.units.map(unitKeyString).sort()).toEqual(silent.map(unitKeyString).sort());
    }
    const earlier = new Set(figures.filter((f) => f.year === 2026 && f.quarter === 1).map((f) => unitKeyString(f.unit)));
    expect(newCommunes.every((u) => earlier.has(unitKeyString(u)))).toBe(true);
  });

  it("approves everything up to 2026 Q2 and mixes approved, submitted and draft in 2026 Q3", () => {
    const before = figures.filter((f) => q(f) < Q(2026, 3));
    expect(before.every((f) => f.status === "APPROVED")).toBe(true);
    const last = figures.filter((f) => q(f) === Q(2026, 3));
    const counts = { APPROVED: 0, SUBMITTED: 0, DRAFT: 0 };
    for (const f of last) counts[f.status] += 1;
    expect(counts.APPROVED).toBeGreaterThan(0);
    expect(counts.SUBMITTED).toBeGreaterThan(0);
    expect(counts.DRAFT).toBeGreaterThan(0);
  });

  it("stamps dates consistent with each status, after the quarter's end", () => {
    const now = new Date("2026-11-28T08:00:00Z");
    const stamped = generateDemoData(geo, { now }).figures;
    for (const f of stamped) {
      const quarterEnd = Date.UTC(f.year, f.quarter * 3, 0);
      expect(f.enteredAt.getTime()).toBeGreaterThan(quarterEnd);
      expect(f.submittedAt === null).toBe(f.status === "DRAFT");
      expect(f.approvedAt === null).toBe(f.status !== "APPROVED");
      if (f.submittedAt) expect(f.submittedAt.getTime()).toBeGreaterThanOrEqual(f.enteredAt.getTime());
      if (f.approvedAt) {
        expect(f.approvedAt.getTime()).toBeGreaterThanOrEqual(f.submittedAt!.getTime());
        expect(f.approvedAt.getTime()).toBeLessThan(now.getTime());
      }
    }
  });

  it("files figures under the department responsible in their quarter (Sở TTTT before the March 2025 merger)", () => {
    const dept = (code: string, year: number, quarter: number) =>
      figures.find((f) => f.indicatorCode === code && f.year === year && f.quarter === quarter)!.departmentCode;
    expect(dept("DVC_L4_SHARE", 2024, 4)).toBe("SO_TTTT");
    expect(dept("DVC_L4_SHARE", 2025, 1)).toBe("SO_KHCN");
    expect(dept("DIGITAL_ENTERPRISES", 2023, 2)).toBe("SO_KHDT");
    expect(dept("DIGITAL_ENTERPRISES", 2026, 1)).toBe("SO_TC");
    expect(dept("WORK_DOSSIER_ONLINE_COMMUNE", 2022, 1)).toBe("VP_UBND");
  });

  it("starts level-4 services near the article's 34.87% and rises", () => {
    const dvc = figures.filter((f) => f.indicatorCode === "DVC_L4_SHARE").sort((a, b) => q(a) - q(b));
    expect(rate(dvc[0]!)).toBeGreaterThan(0.3487);
    expect(rate(dvc[0]!)).toBeLessThan(0.45);
    expect(rate(dvc.at(-1)!)).toBeGreaterThan(rate(dvc[0]!) + 0.4);
  });

  it("has a commune whose rate falls every quarter, and communes both ahead of and behind the target", () => {
    expect(demo.regressingUnits).toHaveLength(1);
    const key = unitKeyString(demo.regressingUnits[0]!);
    const series = figures.filter((f) => unitKeyString(f.unit) === key).sort((a, b) => q(a) - q(b)).map(rate);
    expect(series.length).toBe(5);
    for (let i = 1; i < series.length; i++) expect(series[i]!).toBeLessThan(series[i - 1]!);
    const latest = figures.filter((f) => f.indicatorCode === "WORK_DOSSIER_ONLINE_COMMUNE" && q(f) === Q(2026, 3)).map(rate);
    expect(latest.some((r) => r > 0.7)).toBe(true);
    expect(latest.some((r) => r <= 0.6)).toBe(true);
  });

  it("ends 2025 with some province targets met and some missed", () => {
    const met = (c: Comparator, actual: number, target: number) =>
      ({ GT: actual > target, GTE: actual >= target, EQ: actual === target, LTE: actual <= target, LT: actual < target })[c];
    const outcomes = TARGETS.filter((t) => t.year === 2025 && t.level === "PROVINCE" && t.value !== null).map((t) => {
      const f = figures.find((x) => x.indicatorCode === t.indicatorCode && x.sectorCode === t.sectorCode && q(x) === Q(2025, 4))!;
      const actual = f.value ?? (100 * f.numerator!) / f.denominator!;
      return met(t.comparator, actual, t.value!);
    });
    expect(outcomes.length).toBeGreaterThan(5);
    expect(outcomes).toContain(true);
    expect(outcomes).toContain(false);
  });

  it("invents baseline counts only for the change-vs-baseline indicators, labelled as demo data", () => {
    expect(demo.baselines.map((b) => b.indicatorCode).sort()).toEqual(["ADMIN_PROCEDURE_REDUCTION", "DATA_DRIVEN_SERVICES_GROWTH"]);
    for (const b of demo.baselines) expect(b.sourceVi).toBe(DEMO_BASELINE_SOURCE_VI);
  });
});

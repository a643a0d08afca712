import { describe, expect, it } from "vitest";
import { homeProvince } from "@/lib/geography";
import { buildTargetOverview, type IndicatorInfo, type ProvinceAggregate, type TargetInfo } from "@/lib/progress/target-overview";
import { MAX_FIGURE_AGE_QUARTERS } from "@/lib/progress/thresholds";
import { goalLines, unitUnassessableText } from "./goal-lines";

const indicator = (kind: IndicatorInfo["kind"], unitVi = "%", unitEn = "%"): IndicatorInfo => ({
  id: 1,
  code: "X",
  nameVi: "X",
  nameEn: "X",
  group: "DIGITAL_ECONOMY",
  kind,
  unitVi,
  unitEn,
  sortOrder: 1,
});
const target = (id: number, level: TargetInfo["level"], year: number, comparator: TargetInfo["comparator"], value: number): TargetInfo => ({
  id,
  indicatorId: 1,
  sectorId: null,
  level,
  year,
  comparator,
  value,
  descriptionVi: null,
  sourceClauseVi: "x",
  sourceVi: "NQ 01",
});
const point = (year: number, quarter: number, fields: Partial<ProvinceAggregate>): ProvinceAggregate => ({
  indicatorId: 1,
  sectorId: null,
  year,
  quarter,
  numerator: null,
  denominator: null,
  value: null,
  reported: 1,
  approvedAt: new Date("2026-01-10T00:00:00Z"),
  isDemo: false,
  provinceValidFrom: new Date("2025-07-01T00:00:00Z"),
  ...fields,
});
const rate = (year: number, quarter: number, percent: number) => point(year, quarter, { numerator: percent * 100, denominator: 10_000 });
const text = (lines: { text: string }[]) => lines.map((l) => l.text);

describe("goalLines", () => {
  // Y tế: 9,44% at the end of 2025 (the 2025 verdict), 10,23% in 2026-Q2 (meets "tối thiểu 10%", too late).
  const health = buildTargetOverview({
    indicators: [indicator("RATIO")],
    sectors: [],
    targets: [target(1, "PROVINCE", 2025, "GTE", 10)],
    baselines: [],
    aggregates: [rate(2025, 3, 9.1), rate(2025, 4, 9.44), rate(2026, 1, 9.9), rate(2026, 2, 10.23)],
    asOf: { year: 2026, quarter: 4 },
  })[0]!;

  it("never puts 'meets the goal' under a Missed badge: the verdict's figure, its gap, and 2026 apart", () => {
    const goal = health.goals[0]!;
    expect(goal.assessment!.status).toBe("MISSED");
    const lines = goalLines(health, goal, "vi", { gap: true });
    expect(lines.map((l) => l.kind)).toEqual(["verdict", "gap", "since"]);
    expect(text(lines)).toEqual([
      "Kết luận cuối cùng, theo số liệu Quý IV/2025: 9,44%",
      "Cách mục tiêu: +0,56 điểm %",
      "Sau đó: 10,23% (Quý II/2026); kết luận không đổi.",
    ]);
    expect(text(lines).join(" ")).not.toMatch(/đạt mục tiêu này|Đã đạt mức/);
    expect(text(goalLines(health, goal, "en", { gap: true }))).toEqual([
      "Final verdict, on the Q4 2025 figure: 9.44%",
      "Gap to the goal: +0.56 percentage points",
      "Since then: 10.23% (Q2 2026); the verdict stands.",
    ]);
  });

  it("leaves the gap out unless asked (the home card shows the share of the way instead)", () => {
    expect(goalLines(health, health.goals[0]!, "vi").map((l) => l.kind)).toEqual(["verdict", "since"]);
  });

  it("reads an open goal on the latest figure", () => {
    const [row] = buildTargetOverview({
      indicators: [indicator("COUNT", "doanh nghiệp", "enterprises")],
      sectors: [],
      targets: [target(1, "PROVINCE", 2030, "GT", 3000)],
      baselines: [],
      aggregates: [point(2026, 1, { value: 650 }), point(2026, 2, { value: 703 })],
      asOf: { year: 2026, quarter: 4 },
    });
    const lines = goalLines(row!, row!.goals[0]!, "vi", { gap: true });
    expect(text(lines)).toEqual(["Số liệu mới nhất chưa đạt mục tiêu này", "Cách mục tiêu: +2.297 doanh nghiệp"]);
  });

  it("says why a district goal can no longer be assessed, with its last figure, and nothing else", () => {
    const [row] = buildTargetOverview({
      indicators: [indicator("RATIO")],
      sectors: [],
      targets: [target(1, "DISTRICT", 2030, "GT", 90)],
      baselines: [],
      aggregates: [rate(2025, 1, 80), rate(2025, 2, 83.53)],
      asOf: { year: 2026, quarter: 4 },
      levelEnds: [{ level: "DISTRICT", lastDay: new Date("2025-06-30T00:00:00Z") }],
    });
    const goal = row!.goals[0]!;
    expect(goal.assessment!.status).toBe("NO_LONGER_ASSESSABLE");
    const vi = goalLines(row!, goal, "vi", { gap: true });
    expect(vi.map((l) => l.kind)).toEqual(["reason"]);
    expect(vi[0]!.text).toContain("Cấp huyện không còn từ ngày 01/07/2025");
    expect(vi[0]!.text).toContain("Số liệu cuối cùng: 83,53% (Quý II/2025)");
    expect(goalLines(row!, goal, "en")[0]!.text).toContain("The district level ceased to exist on 1 Jul 2025");
  });

  it("says a district goal met before the districts ended rests on their last figure", () => {
    const [row] = buildTargetOverview({
      indicators: [indicator("RATIO")],
      sectors: [],
      targets: [target(1, "DISTRICT", 2025, "GT", 80)],
      baselines: [],
      aggregates: [rate(2025, 1, 80), rate(2025, 2, 83.53)],
      asOf: { year: 2026, quarter: 4 },
      levelEnds: [{ level: "DISTRICT", lastDay: new Date("2025-06-30T00:00:00Z") }],
    });
    expect(row!.goals[0]!.assessment!.status).toBe("ACHIEVED");
    expect(text(goalLines(row!, row!.goals[0]!, "vi", { gap: true }))).toEqual([
      "Kết luận cuối cùng, theo số liệu Quý II/2025: 83,53%",
      "Cấp huyện không còn từ ngày 01/07/2025: đây là số liệu cuối cùng của cấp này, và nó đã đạt mục tiêu.",
    ]);
  });

  it("says a figure is too old, naming the limit", () => {
    const [row] = buildTargetOverview({
      indicators: [indicator("RATIO")],
      sectors: [],
      targets: [target(1, "PROVINCE", 2030, "GT", 90)],
      baselines: [],
      aggregates: [rate(2024, 4, 70), rate(2025, 1, 72)],
      asOf: { year: 2026, quarter: 4 },
    });
    const lines = goalLines(row!, row!.goals[0]!, "vi", { gap: true });
    expect(row!.goals[0]!.assessment!.status).toBe("NO_LONGER_ASSESSABLE");
    expect(text(lines)).toEqual([`Số liệu mới nhất, 72,00% (Quý I/2025), cũ hơn ${MAX_FIGURE_AGE_QUARTERS} quý so với Quý IV/2026: không đủ căn cứ để đánh giá.`]);
  });

  it("words a breakdown unit's reason", () => {
    expect(unitUnassessableText({ kind: "LEVEL_ENDED", lastDay: new Date("2025-06-30T00:00:00Z") }, "vi")).toBe(
      "Đơn vị không còn từ ngày 01/07/2025, trước hạn của mục tiêu.",
    );
    expect(unitUnassessableText({ kind: "STALE", reference: { year: 2026, quarter: 4 }, quartersOld: 6 }, "en")).toBe(
      "The latest figure is 6 quarters older than Q4 2026.",
    );
  });
});

describe("goalLines: the territory a goal was read on (issue #14, item 5)", () => {
  const OLD = new Date("2019-01-01T00:00:00Z");
  const lastDay = new Date("2025-06-30T00:00:00Z");
  const count = (year: number, quarter: number, value: number, old: boolean) => point(year, quarter, { value, ...(old ? { provinceValidFrom: OLD } : {}) });
  const series = [count(2024, 4, 578, true), count(2025, 1, 588, true), count(2025, 2, 598, true), count(2025, 3, 650, false), count(2025, 4, 660, false), count(2026, 1, 670, false)];
  const row = (asOf: { year: number; quarter: 1 | 2 | 3 | 4 }, rebuilt: ProvinceAggregate[] = []) =>
    buildTargetOverview({
      indicators: [indicator("COUNT", "doanh nghiệp", "enterprises")],
      sectors: [],
      targets: [target(1, "PROVINCE", 2025, "GT", 700), target(2, "PROVINCE", 2030, "GT", 3000)],
      baselines: [],
      aggregates: series,
      asOf,
      resolutionTerritory: { validFrom: OLD, lastDay, rebuilt },
    })[0]!;

  it("says a 2025 verdict rests on the old province's last figure when the merged one's cannot be split, and where the 2030 trend starts", () => {
    const r = row({ year: 2026, quarter: 1 });
    expect(text(goalLines(r, r.goals[0]!, "vi"))).toContain(
      `Đánh giá trên địa giới ${homeProvince().vi} trước ngày 01/07/2025, địa bàn Nghị quyết áp dụng: số liệu từ ngày đó là của tỉnh sau sáp nhập, không tách được phần địa giới cũ, nên kết luận dựa trên số liệu cuối cùng của địa giới cũ.`,
    );
    expect(text(goalLines(r, r.goals[1]!, "en"))).toContain("The trend is fitted from Q3 2025 only, on today's territory; earlier quarters are the old territory's.");
  });

  it("says a verdict rests on quarters rebuilt inside the old border", () => {
    const r = row({ year: 2026, quarter: 1 }, [count(2025, 4, 640, false)]);
    expect(r.goals[0]!.assessment!.latest!.value).toBe(640);
    expect(text(goalLines(r, r.goals[0]!, "vi")).at(-1)).toMatch(/được tính lại từ các xã, phường nằm trọn trong địa giới cũ\.$/);
  });

  it("says nothing of territories on a page of a quarter before the change", () => {
    const r = row({ year: 2025, quarter: 2 });
    expect(text(goalLines(r, r.goals[0]!, "vi")).join(" ")).not.toMatch(/địa giới/);
    expect(text(goalLines(r, r.goals[1]!, "vi")).join(" ")).not.toMatch(/địa giới/);
  });
});

describe("goalLines: an edition of a yearly index is named by its year and its ranking (issue #14, item 9)", () => {
  it("says the final verdict rests on the 2024 index, rank 12 of 63", () => {
    const r = buildTargetOverview({
      indicators: [indicator("RANK", "hạng", "rank")],
      sectors: [],
      targets: [target(1, "PROVINCE", 2025, "LTE", 15)],
      baselines: [],
      aggregates: [point(2025, 3, { value: 12 }), point(2026, 1, { value: 12 })],
      asOf: { year: 2026, quarter: 2 },
      editions: [{ indicatorId: 1, referenceYear: 2024, publishedOn: new Date("2025-07-01T00:00:00Z"), rankedUnits: 63 }],
    })[0]!;
    expect(text(goalLines(r, r.goals[0]!, "vi"))[0]).toBe("Kết luận cuối cùng, theo số liệu năm 2024: hạng 12/63");
    expect(text(goalLines(r, r.goals[0]!, "en"))[0]).toBe("Final verdict, on the 2024 index figure: rank 12 of 63");
  });

  it("shows the national target a provincial goal answers beside it, and whether the judged figure meets that line (issue #15)", () => {
    // The province: "trên 10%" (not met at 9,44%); the national line "tối thiểu 9%" (met).
    const answered = buildTargetOverview({
      indicators: [indicator("RATIO")],
      sectors: [],
      targets: [{ ...target(1, "PROVINCE", 2025, "GT", 10), national: { programmeCode: "749/QĐ-TTg", comparator: "GTE", value: 9 } }],
      baselines: [],
      aggregates: [rate(2025, 3, 9.1), rate(2025, 4, 9.44)],
      asOf: { year: 2026, quarter: 4 },
    })[0]!;
    const goal = answered.goals[0]!;
    expect(goal.assessment!.status).toBe("MISSED");
    expect(text(goalLines(answered, goal, "vi"))).toContain("Mục tiêu quốc gia (749/QĐ-TTg): tối thiểu 9% — số liệu mới nhất đạt mức này.");
    expect(text(goalLines(answered, goal, "en"))).toContain("National target (749/QĐ-TTg): at least 9% — the latest figure meets it.");
    const higher = { ...goal, target: { ...goal.target, national: { programmeCode: "749/QĐ-TTg", comparator: "GTE" as const, value: 9.5 } } };
    expect(text(goalLines(answered, higher, "vi"))).toContain("Mục tiêu quốc gia (749/QĐ-TTg): tối thiểu 9,5% — số liệu mới nhất chưa đạt mức này.");
    // Without a link, no line.
    const unlinked = { ...goal, target: { ...goal.target, national: null } };
    expect(text(goalLines(answered, unlinked, "vi")).some((l) => l.includes("quốc gia"))).toBe(false);
  });
});


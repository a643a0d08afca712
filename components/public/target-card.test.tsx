import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildTargetOverview, type ProvinceAggregate } from "@/lib/progress/target-overview";
import { TargetCard } from "./target-card";

const rate = (year: number, quarter: number, percent: number): ProvinceAggregate => ({
  indicatorId: 1,
  sectorId: null,
  year,
  quarter,
  numerator: percent * 100,
  denominator: 10_000,
  value: null,
  reported: 1,
  approvedAt: new Date("2026-07-10T00:00:00Z"),
  isDemo: false,
  provinceValidFrom: new Date("2025-07-01T00:00:00Z"),
});

describe("TargetCard", () => {
  const [row] = buildTargetOverview({
    indicators: [{ id: 1, code: "DIGITAL_ECONOMY_SECTOR", nameVi: "Kinh tế số — Y tế", nameEn: "Digital economy — health", group: "DIGITAL_ECONOMY", kind: "RATIO", unitVi: "%", unitEn: "%", sortOrder: 1 }],
    sectors: [],
    targets: [{ id: 9, indicatorId: 1, sectorId: null, level: "PROVINCE", year: 2025, comparator: "GTE", value: 10, descriptionVi: null, sourceClauseVi: "x", sourceVi: "NQ 01" }],
    baselines: [],
    aggregates: [rate(2025, 3, 9.1), rate(2025, 4, 9.44), rate(2026, 2, 10.23)],
    asOf: { year: 2026, quarter: 4 },
  });

  it("shows a Missed 2025 goal on its Q4/2025 figure, and 2026's 10,23% only on a 'since then' line", () => {
    const html = renderToStaticMarkup(<TargetCard row={row!} locale="vi" />);
    expect(html).toContain('data-status="MISSED"');
    expect(html).toContain("Kết luận cuối cùng, theo số liệu Quý IV/2025: 9,44%");
    expect(html).toContain("Sau đó: 10,23% (Quý II/2026); kết luận không đổi.");
    expect(html).not.toContain("Số liệu mới nhất đạt mục tiêu này");
  });

  it("shows coverage beside a value summed from communes, and says a quarter under the threshold is not judged", () => {
    const commune = (year: number, quarter: number, percent: number, reported: number): ProvinceAggregate => ({ ...rate(year, quarter, percent), reported, expected: 92 });
    const [communes] = buildTargetOverview({
      indicators: [{ id: 1, code: "WORK_DOSSIER_ONLINE_COMMUNE", nameVi: "Hồ sơ cấp xã", nameEn: "Commune dossiers", group: "DIGITAL_GOVERNMENT", kind: "RATIO", unitVi: "%", unitEn: "%", sortOrder: 1 }],
      sectors: [],
      targets: [{ id: 9, indicatorId: 1, sectorId: null, level: "COMMUNE", year: 2030, comparator: "GT", value: 70, descriptionVi: null, sourceClauseVi: "x", sourceVi: "NQ 01" }],
      baselines: [],
      aggregates: [commune(2026, 1, 60, 92), commune(2026, 2, 62, 90), commune(2026, 3, 75, 47)],
      asOf: { year: 2026, quarter: 4 },
    });
    const html = renderToStaticMarkup(<TargetCard row={communes!} locale="vi" />).replace(/<!-- -->/g, "");
    expect(html).toContain('data-coverage="47/92"');
    expect(html).toContain("47/92 đơn vị đã báo cáo (51%)");
    expect(html).toContain("Độ phủ dưới 80%: số liệu này chưa được dùng để đánh giá trạng thái.");
    // 75% from 47 communes would meet "trên 70%"; the status rests on the covered quarters.
    expect(communes!.goals[0]!.assessment!.status).not.toBe("ACHIEVED");
    expect(communes!.goals[0]!.assessment!.latest).toMatchObject({ quarter: { year: 2026, quarter: 2 } });
  });

  it("draws the latest quarters as a sparkline, with where the path to the open goal says the latest should be (issue #16, item 7)", () => {
    const [open] = buildTargetOverview({
      indicators: [{ id: 1, code: "DVC_L4_SHARE", nameVi: "DVC mức độ 4", nameEn: "Level-4 services", group: "DIGITAL_GOVERNMENT", kind: "RATIO", unitVi: "%", unitEn: "%", sortOrder: 1 }],
      sectors: [],
      targets: [{ id: 9, indicatorId: 1, sectorId: null, level: "PROVINCE", year: 2030, comparator: "GT", value: 100, descriptionVi: null, sourceClauseVi: "x", sourceVi: "NQ 01" }],
      baselines: [{ indicatorId: 1, sectorId: null, value: 40, date: new Date("2020-12-31T00:00:00Z") }],
      aggregates: [rate(2026, 1, 60), rate(2026, 2, 61), rate(2026, 3, 62)],
      asOf: { year: 2026, quarter: 4 },
    });
    const pace = open!.goals[0]!.assessment!.pace!;
    // 40 % at the end of 2020, 100 % at the end of 2030: Q3/2026 is 23 of 40 quarters along.
    expect(pace).toBeCloseTo(40 + 60 * (23 / 40), 9);
    const html = renderToStaticMarkup(<TargetCard row={open!} locale="vi" />).replace(/<!-- -->/g, "");
    expect(html).toContain("data-sparkline");
    expect(html).toContain(`data-expected="${pace}"`);
    expect(html).toContain("Theo lộ trình đến mục tiêu 2030, Quý III/2026 lẽ ra đạt 74,50%");
    expect(html).toContain('aria-label="Xu hướng 3 quý gần nhất: từ 60,00% (Quý I/2026) đến 62,00% (Quý III/2026). Theo lộ trình');
    expect(html).not.toContain("<title>");
    // A finished goal has no path to show.
    expect(renderToStaticMarkup(<TargetCard row={row!} locale="vi" />)).not.toContain("data-expected");
  });
});

import { describe, expect, it } from "vitest";
import type { Comparator } from "@/lib/generated/prisma/enums";
import {
  AGENCY_REFORM_DAY,
  ARTICLE_PARAGRAPHS_VI,
  BASELINE_DATE,
  BASELINES,
  DEPARTMENTS,
  INDICATORS,
  type IndicatorSeed,
  PROVINCE_SUMMARY_SOURCE_VI,
  RESOLUTION_SOURCE_VI,
  SECTORS,
  TARGETS,
  departmentsFor,
  getIndicator,
  indicatorsFor,
  responsibleDepartmentOn,
} from "./resolution";
import { findProvince, provinceWords, PROVINCES } from "@/lib/geography/provinces";
import { homeWords } from "@/lib/i18n/home";

/**
 * Reads the comparator and threshold off the resolution's own words, independently of the
 * seed's data: "trên" is strict, "tối thiểu" is at least, a bare "100%" is equality,
 * "giảm"/"tăng" are changes against the baseline, "top N" is a rank.
 */
function readThreshold(phrase: string): { comparator: Comparator; value: number | null } {
  const p = phrase.toLowerCase();
  const num = (s: string) => Number(s.replace(/\./g, "").replace(",", "."));
  const top = /\btop (\d+)/.exec(p);
  if (top) return { comparator: "LTE", value: Number(top[1]) };
  const worded = /^(trên|tối thiểu|giảm|tăng) ([\d.,]+)/.exec(p);
  if (worded) {
    const value = num(worded[2]!);
    switch (worded[1]) {
      case "trên":
        return { comparator: "GT", value };
      case "tối thiểu":
        return { comparator: "GTE", value };
      case "giảm":
        return { comparator: "LTE", value: -value };
      case "tăng":
        return { comparator: "GTE", value };
    }
  }
  const bare = /^([\d.,]+)%/.exec(p);
  if (bare) return { comparator: "EQ", value: num(bare[1]!) };
  if (!/\d/.test(p)) return { comparator: "GTE", value: null };
  throw new Error(`cannot read a threshold from "${phrase}"`);
}

const articleTargets = TARGETS.filter((t) => t.sourceVi === RESOLUTION_SOURCE_VI);
const summaryTargets = TARGETS.filter((t) => t.sourceVi !== RESOLUTION_SOURCE_VI);

describe("targets", () => {
  it.each(TARGETS.map((t) => [`${t.indicatorCode} ${t.sectorCode ?? ""} ${t.year}`, t] as const))(
    "%s: comparator and value follow the clause's words",
    (_, t) => {
      expect(t.sourceClauseVi).toContain(t.valuePhrase);
      expect(readThreshold(t.valuePhrase)).toEqual({ comparator: t.comparator, value: t.value });
    },
  );

  it("quote the article verbatim, from the paragraph of the target's year", () => {
    expect(articleTargets.length).toBeGreaterThan(15);
    for (const t of articleTargets) {
      const paragraph = t.year === 2025 ? ARTICLE_PARAGRAPHS_VI.targets2025 : ARTICLE_PARAGRAPHS_VI.targets2030;
      expect(paragraph, `${t.indicatorCode} ${t.year}`).toContain(t.sourceClauseVi);
    }
  });

  it("mark the rows from the province's summary as such, never as a quotation of the article", () => {
    expect(summaryTargets.map((t) => `${t.indicatorCode} ${t.year}`).sort()).toEqual([
      "DIGITAL_ENTERPRISES 2030",
      "DTI_RANK 2025",
      "DTI_RANK 2030",
    ]);
    for (const t of summaryTargets) {
      expect(t.sourceVi).toBe(PROVINCE_SUMMARY_SOURCE_VI);
      expect(t.sourceClauseVi).toMatch(/không phải trích dẫn nguyên văn/);
      for (const paragraph of Object.values(ARTICLE_PARAGRAPHS_VI)) expect(paragraph).not.toContain(t.sourceClauseVi);
    }
  });

  it("treat 'trên 90%' as strictly greater: the DVC target is GT 90, not GTE", () => {
    const dvc = TARGETS.find((t) => t.indicatorCode === "DVC_L4_SHARE")!;
    expect([dvc.comparator, dvc.value, dvc.year]).toEqual(["GT", 90, 2025]);
  });

  it("give every sector the article names a 2025 target of at least 10%", () => {
    const sectorTargets = TARGETS.filter((t) => t.indicatorCode === "DIGITAL_ECONOMY_SECTOR");
    expect(sectorTargets.map((t) => t.sectorCode).sort()).toEqual(SECTORS.map((s) => s.code).sort());
    expect(sectorTargets.every((t) => t.comparator === "GTE" && t.value === 10 && t.year === 2025)).toBe(true);
    for (const s of SECTORS) expect(ARTICLE_PARAGRAPHS_VI.sectors).toContain(s.nameVi.toLowerCase());
  });

  it("include the 2030 qualitative target on platforms for the key economic sectors, quoted from the article", () => {
    const platforms = TARGETS.find((t) => t.indicatorCode === "KEY_SECTOR_DATA_PLATFORMS")!;
    expect(platforms).toMatchObject({ value: null, comparator: "GTE", year: 2030, sourceVi: RESOLUTION_SOURCE_VI });
    expect(ARTICLE_PARAGRAPHS_VI.targets2030).toContain(platforms.sourceClauseVi);
  });

  it("mark the three targets not in the article as unverified paraphrases of the province's summary", () => {
    const outside = TARGETS.filter((t) => t.sourceVi !== RESOLUTION_SOURCE_VI && !t.sourceVi.startsWith(RESOLUTION_SOURCE_VI));
    expect(outside.map((t) => `${t.indicatorCode} ${t.year}`).sort()).toEqual(["DIGITAL_ENTERPRISES 2030", "DTI_RANK 2025", "DTI_RANK 2030"]);
    for (const t of outside) {
      expect(t.sourceVi).toContain("không có trong bài viết");
      expect(t.sourceVi).toContain("chưa đối chiếu được với văn bản gốc");
      expect(t.sourceClauseVi).toContain("không phải trích dẫn nguyên văn");
    }
  });

  it("keep the open-data target qualitative, with a description", () => {
    const open = TARGETS.find((t) => t.indicatorCode === "OPEN_DATA")!;
    expect(open).toMatchObject({ value: null, comparator: "GTE", year: 2030, descriptionVi: "Mở dữ liệu cho các tổ chức, doanh nghiệp" });
  });

  it("are set at a level the indicator is entered at, one per indicator × level × sector × year", () => {
    const seen = new Set<string>();
    for (const t of TARGETS) {
      expect(getIndicator(t.indicatorCode).levels).toContain(t.level);
      const key = `${t.indicatorCode}|${t.level}|${t.sectorCode}|${t.year}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });
});

describe("baselines", () => {
  const parseVi = (s: string) => Number(s.replace("%", "").replace(/\./g, "").replace(",", "."));

  it("quote the article's 'Đến nay' paragraph and carry the number written there", () => {
    expect(BASELINES).toHaveLength(7);
    for (const b of BASELINES) {
      expect(ARTICLE_PARAGRAPHS_VI.baseline).toContain(b.sourceClauseVi);
      expect(b.sourceClauseVi).toContain(b.valuePhrase);
      expect(parseVi(b.valuePhrase)).toBe(b.value);
      expect(b.date).toBe(BASELINE_DATE);
      expect(b.sourceVi).toBe(RESOLUTION_SOURCE_VI);
    }
    expect(BASELINES.find((b) => b.indicatorCode === "DVC_L4_SHARE")?.value).toBe(34.87);
    expect(BASELINES.find((b) => b.indicatorCode === "EDOSSIER_RATE")?.value).toBe(65.84);
  });

  it("contain no invented count for the change-vs-baseline indicators", () => {
    const changeCodes = INDICATORS.filter((i) => i.kind === "CHANGE_VS_BASELINE").map((i) => i.code);
    expect(changeCodes.sort()).toEqual(["ADMIN_PROCEDURE_REDUCTION", "DATA_DRIVEN_SERVICES_GROWTH"]);
    expect(BASELINES.some((b) => (changeCodes as string[]).includes(b.indicatorCode))).toBe(false);
  });
});

describe("indicators", () => {
  const all: readonly IndicatorSeed[] = INDICATORS;

  it("have unique codes and sort orders", () => {
    expect(new Set(all.map((i) => i.code)).size).toBe(all.length);
    expect(new Set(all.map((i) => i.sortOrder)).size).toBe(all.length);
  });

  it("include every row of the targets table and the five infrastructure baselines", () => {
    expect(all.map((i) => i.code).sort()).toEqual(
      [
        "DVC_L4_SHARE",
        "EDOSSIER_RATE",
        "WORK_DOSSIER_ONLINE_PROVINCE",
        "WORK_DOSSIER_ONLINE_DISTRICT",
        "WORK_DOSSIER_ONLINE_COMMUNE",
        "DIGITAL_ECONOMY_GRDP",
        "DIGITAL_ECONOMY_SECTOR",
        "DIGITAL_ENTERPRISES",
        "ONLINE_SERVICE_SATISFACTION",
        "ADMIN_PROCEDURE_REDUCTION",
        "DATA_DRIVEN_SERVICES_GROWTH",
        "OPEN_DATA",
        "KEY_SECTOR_DATA_PLATFORMS",
        "DTI_RANK",
        "FIBRE_HAMLET_COVERAGE",
        "FIXED_BROADBAND_HOUSEHOLDS",
        "MOBILE_BASE_STATIONS",
        "MOBILE_INTERNET_HAMLETS",
        "MOBILE_3G4G_SUBSCRIBERS",
      ].sort(),
    );
  });

  it("put the infrastructure indicators in their group, with a baseline and no target", () => {
    const infra = all.filter((i) => i.group === "INFRASTRUCTURE").map((i) => i.code);
    expect(infra).toHaveLength(5);
    for (const code of infra) {
      expect(BASELINES.some((b) => b.indicatorCode === code), code).toBe(true);
      expect(TARGETS.some((t) => t.indicatorCode === code), code).toBe(false);
    }
  });

  it("enter the district and commune dossier indicators at their level, all others at the province", () => {
    for (const i of all) {
      const expected =
        i.code === "WORK_DOSSIER_ONLINE_DISTRICT" ? ["DISTRICT"] : i.code === "WORK_DOSSIER_ONLINE_COMMUNE" ? ["COMMUNE"] : ["PROVINCE"];
      expect([...i.levels], i.code).toEqual(expected);
    }
  });

  it("show ratios in % with both labels, and nothing else with a numerator label", () => {
    for (const i of all) {
      if (i.kind === "RATIO") {
        expect(i.unitVi, i.code).toBe("%");
        expect(i.numeratorLabelVi && i.denominatorLabelVi, i.code).toBeTruthy();
      } else {
        expect(i.unitVi, i.code).not.toBe("%");
        expect(i.numeratorLabelVi ?? i.denominatorLabelVi, i.code).toBeNull();
      }
    }
  });

  it("break only the sector share down by sector; ranks and cuts go down, the rest up", () => {
    expect(all.filter((i) => i.bySector).map((i) => i.code)).toEqual(["DIGITAL_ECONOMY_SECTOR"]);
    expect(all.filter((i) => i.direction === "DECREASE").map((i) => i.code).sort()).toEqual(["ADMIN_PROCEDURE_REDUCTION", "DTI_RANK"]);
    expect(getIndicator("DTI_RANK").kind).toBe("RANK");
  });

  it("explain the Σnum/Σden roll-up where figures from several units are combined", () => {
    for (const code of ["WORK_DOSSIER_ONLINE_DISTRICT", "WORK_DOSSIER_ONLINE_COMMUNE"]) {
      expect(getIndicator(code).methodologyVi).toContain("Σ tử số / Σ mẫu số");
      expect(getIndicator(code).methodologyEn).toContain("Σnumerator / Σdenominator");
    }
    for (const i of all) expect(i.methodologyVi.length + i.methodologyEn.length, i.code).toBeGreaterThan(300);
  });

  it("say which period a quarter's figure describes as their methods do, and the migration sets the same (ADR 028)", async () => {
    // Read off the English methodology, independently of the flag: a flow is counted "in the
    // quarter" in both its terms, a year-to-date value says so, everything else is a state on the
    // quarter's last day (the 3G/4G numerator is "in the quarter" but its denominator is not).
    const read = (i: IndicatorSeed) =>
      /year to date/.test(i.methodologyEn) ? "YEAR_TO_DATE" : /denominator: all [^.;]*in the quarter/i.test(i.methodologyEn) ? "QUARTER" : "QUARTER_END";
    const flows = ["EDOSSIER_RATE", "WORK_DOSSIER_ONLINE_PROVINCE", "WORK_DOSSIER_ONLINE_DISTRICT", "WORK_DOSSIER_ONLINE_COMMUNE", "ONLINE_SERVICE_SATISFACTION"];
    for (const i of all) expect(i.periodBasis ?? "QUARTER_END", i.code).toBe(read(i));
    expect(all.filter((i) => i.periodBasis === "QUARTER").map((i) => i.code)).toEqual(flows);
    // A rate defined over a year adds its quarters up, so it must be a flow.
    for (const i of all.filter((x) => x.yearlyRate)) expect(i.periodBasis, i.code).toBe("QUARTER");
    const { readFile } = await import("node:fs/promises");
    const sql = await readFile(new URL("../../prisma/migrations/20261204060000_indicator_period_basis/migration.sql", import.meta.url), "utf8");
    const codesSetTo = (basis: string) => [...new RegExp(`SET "periodBasis" = '${basis}'\\s+WHERE code IN \\(([^)]*)\\)`).exec(sql)![1]!.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1]);
    expect(codesSetTo("QUARTER")).toEqual(flows);
    expect(codesSetTo("YEAR_TO_DATE")).toEqual(all.filter((i) => i.periodBasis === "YEAR_TO_DATE").map((i) => i.code));
  });
});

describe("departments and responsibility", () => {
  const byCode = new Map(DEPARTMENTS.map((d) => [d.code as string, d]));

  it("end merged departments the day before the 1 March 2025 reform, merged into a live one", () => {
    const merged = DEPARTMENTS.filter((d) => d.mergedIntoCode !== null);
    expect(merged.map((d) => [d.code, d.mergedIntoCode])).toEqual([
      ["SO_TTTT", "SO_KHCN"],
      ["SO_KHDT", "SO_TC"],
    ]);
    for (const d of merged) {
      expect(d.validTo).toBe("2025-02-28");
      expect(byCode.get(d.mergedIntoCode!)!.validTo).toBeNull();
    }
    expect(AGENCY_REFORM_DAY).toBe("2025-03-01");
  });

  it("give every indicator a live department today, and earlier ones that merged into it", () => {
    for (const i of INDICATORS as readonly IndicatorSeed[]) {
      expect(byCode.get(i.responsibleDepartmentCode)!.validTo, i.code).toBeNull();
      for (const past of i.earlierDepartments) {
        const d = byCode.get(past.departmentCode)!;
        expect(d.validTo).toBe(past.until);
        expect(d.mergedIntoCode).toBe(i.responsibleDepartmentCode);
      }
    }
  });

  it("are the same agencies in any province, the statistics office under the province's name", () => {
    expect(departmentsFor(provinceWords(findProvince("19")!))).toEqual(DEPARTMENTS);
    const hanoi = departmentsFor(provinceWords(findProvince("01")!));
    expect(hanoi.find((d) => d.code === "THONG_KE")).toMatchObject({ nameVi: "Thống kê thành phố Hà Nội", nameEn: "Ha Noi City Statistics Office" });
    expect(hanoi.filter((d) => d.code !== "THONG_KE")).toEqual(DEPARTMENTS.filter((d) => d.code !== "THONG_KE"));
  });

  it("answer which department was responsible on a given day", () => {
    const dvc = getIndicator("DVC_L4_SHARE");
    expect(responsibleDepartmentOn(dvc, "2024-12-31")).toBe("SO_TTTT");
    expect(responsibleDepartmentOn(dvc, "2025-02-28")).toBe("SO_TTTT");
    expect(responsibleDepartmentOn(dvc, "2025-03-01")).toBe("SO_KHCN");
    expect(responsibleDepartmentOn(getIndicator("DIGITAL_ENTERPRISES"), "2022-06-30")).toBe("SO_KHDT");
    expect(responsibleDepartmentOn(getIndicator("DIGITAL_ECONOMY_GRDP"), "2022-06-30")).toBe("THONG_KE");
  });
});

describe("the methodology texts for the province served (ADR 034)", () => {
  it("are the catalogue's own for the default province", () => {
    expect(indicatorsFor(homeWords("19"))).toEqual(INDICATORS);
  });

  it("name no Thái Nguyên, Bắc Kạn, 01-NQ/TU or 92 communes for any other province, in the methodology or the source", () => {
    for (const p of PROVINCES.filter((x) => x.code !== "19")) {
      const texts = indicatorsFor(homeWords(p.code)).flatMap((i) => [i.methodologyVi, i.methodologyEn, i.sourceVi]);
      expect(texts.filter((t) => /Thái Nguyên|Bắc Kạn|01-NQ\/TU|92 (xã|communes)/.test(t)), p.code).toEqual([]);
    }
    const hanoi = indicatorsFor(homeWords("01")).find((i) => i.code === "WORK_DOSSIER_ONLINE_COMMUNE")!;
    expect(hanoi.methodologyVi).toContain("Đến hết quý II/2025 nhập theo các xã cũ của thành phố Hà Nội; từ quý III/2025 theo 126 xã, phường mới.");
  });
});

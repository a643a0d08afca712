/**
 * A programme as its definition file (ADR 033): the programme, the indicators its current
 * targets use, those targets (with the national target each answers, by key) and the
 * indicators' recorded baselines — invented demo baselines left out, a definition file
 * describes the resolution. Ordered the way the catalogue is (indicator sort order, then level,
 * sector, year), so exporting what an import wrote gives the same file back.
 */
import type { PrismaClient } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { PROGRAMME_MESSAGES } from "@/lib/validations/admin-programmes";
import { PROGRAMME_FILE_FORMAT, PROGRAMME_SCHEMA_PATH, type ProgrammeFile } from "./schema";

type Db = Pick<PrismaClient, "programme" | "target" | "indicator" | "baseline">;

const LEVEL_ORDER = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 } as const;
const day = (d: Date) => d.toISOString().slice(0, 10);
const num = (d: { toNumber(): number }) => d.toNumber();

export async function getProgrammeFile(db: Db, actor: Actor, programmeId: number): Promise<ProgrammeFile> {
  assertCan(actor, "admin.indicators");
  return buildProgrammeFile(db, programmeId);
}

/** The file of one programme; the caller has checked the actor (the import's round-trip test calls it too). */
export async function buildProgrammeFile(db: Db, programmeId: number): Promise<ProgrammeFile> {
  const p = await db.programme.findUnique({ where: { id: programmeId }, include: { supersededBy: { select: { code: true } } } });
  if (!p) throw new DomainError("NOT_FOUND", PROGRAMME_MESSAGES.notFound);
  const targets = await db.target.findMany({
    where: { programmeId, supersededAt: null },
    select: {
      level: true,
      year: true,
      comparator: true,
      value: true,
      descriptionVi: true,
      sourceClauseVi: true,
      sourceVi: true,
      indicator: { select: { code: true, sortOrder: true } },
      sector: { select: { code: true } },
      answers: { select: { level: true, year: true, programme: { select: { code: true } }, indicator: { select: { code: true } }, sector: { select: { code: true } } } },
    },
  });
  const indicatorIds = await db.target.findMany({ where: { programmeId, supersededAt: null }, select: { indicatorId: true }, distinct: ["indicatorId"] });
  const ids = indicatorIds.map((t) => t.indicatorId);
  const [indicators, baselines] = await Promise.all([
    db.indicator.findMany({ where: { id: { in: ids } }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], include: { responsibleDepartment: { select: { code: true } } } }),
    db.baseline.findMany({
      where: { indicatorId: { in: ids }, isDemo: false, supersededAt: null },
      select: { level: true, value: true, date: true, dateAssumed: true, sourceClauseVi: true, sourceVi: true, indicator: { select: { code: true, sortOrder: true } }, sector: { select: { code: true } } },
    }),
  ]);
  const byRow = (a: { indicator: { sortOrder: number; code: string }; level: keyof typeof LEVEL_ORDER; sector: { code: string } | null }, b: typeof a) =>
    a.indicator.sortOrder - b.indicator.sortOrder ||
    a.indicator.code.localeCompare(b.indicator.code) ||
    LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
    (a.sector?.code ?? "").localeCompare(b.sector?.code ?? "");
  return {
    $schema: PROGRAMME_SCHEMA_PATH,
    formatVersion: PROGRAMME_FILE_FORMAT,
    programme: {
      code: p.code,
      titleVi: p.titleVi,
      titleEn: p.titleEn,
      issuerVi: p.issuerVi,
      issuedOn: p.issuedOn ? day(p.issuedOn) : null,
      startYear: p.startYear,
      endYear: p.endYear,
      visionYear: p.visionYear,
      scope: p.scope,
      provinceCode: p.provinceCode,
      status: p.status,
      supersededByCode: p.supersededBy?.code ?? null,
      sourceVi: p.sourceVi,
    },
    indicators: indicators.map((i) => ({
      code: i.code,
      nameVi: i.nameVi,
      nameEn: i.nameEn,
      group: i.group,
      kind: i.kind,
      unitVi: i.unitVi,
      unitEn: i.unitEn,
      numeratorLabelVi: i.numeratorLabelVi,
      denominatorLabelVi: i.denominatorLabelVi,
      direction: i.direction,
      levels: (["PROVINCE", "DISTRICT", "COMMUNE"] as const).filter((l) => i.levels.includes(l)),
      bySector: i.bySector,
      yearlyRate: i.yearlyRate,
      periodBasis: i.periodBasis,
      responsibleDepartmentCode: i.responsibleDepartment.code,
      methodologyVi: i.methodologyVi,
      methodologyEn: i.methodologyEn,
      sourceVi: i.sourceVi,
    })),
    targets: targets
      .sort((a, b) => byRow(a, b) || a.year - b.year)
      .map((t) => ({
        indicatorCode: t.indicator.code,
        level: t.level,
        sectorCode: t.sector?.code ?? null,
        year: t.year,
        comparator: t.comparator,
        value: t.value === null ? null : num(t.value),
        descriptionVi: t.descriptionVi,
        sourceClauseVi: t.sourceClauseVi,
        sourceVi: t.sourceVi,
        answers: t.answers
          ? { programmeCode: t.answers.programme.code, indicatorCode: t.answers.indicator.code, level: t.answers.level, sectorCode: t.answers.sector?.code ?? null, year: t.answers.year }
          : null,
      })),
    baselines: baselines
      .sort((a, b) => byRow(a, b) || a.date.getTime() - b.date.getTime())
      .map((b) => ({
        indicatorCode: b.indicator.code,
        level: b.level,
        sectorCode: b.sector?.code ?? null,
        value: num(b.value),
        date: day(b.date),
        dateAssumed: b.dateAssumed,
        sourceClauseVi: b.sourceClauseVi,
        sourceVi: b.sourceVi,
      })),
  };
}

/** "05-NQ/TU" → "05-NQ-TU": a file name without the path separator. */
export function programmeFileName(code: string, extension: "xlsx" | "json"): string {
  return `chuong-trinh-${code.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").replace(/[^A-Za-z0-9._-]+/g, "-")}.${extension}`;
}

/**
 * Loads the database: reference data on first run (departments, sectors, the
 * administrative units and their successions of the province served, indicators,
 * targets, baselines, reporting periods), and in demo mode the demo accounts and
 * invented figures. Resolution 01-NQ/TU, its targets and baselines are those of
 * the province whose resolution it is; another province gets, in demo mode, a
 * small demo programme instead (ADR 034).
 *
 * Safe to run on every start: reference data is written only when there are no
 * indicators yet, demo data only when demo mode is on and no demo figure exists.
 * Each run is one transaction under an advisory lock, so two processes starting
 * together cannot both seed, and a failure leaves nothing half-written. Every
 * run appends one SEED row to the audit log.
 */
import { syncEpoch } from "@/lib/cache/epoch";
import { hash } from "@node-rs/argon2";
import { FigureStatus, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { HOME_PROVINCE_CODE } from "@/lib/geography";
import { findProvince, provinceWords } from "@/lib/geography/provinces";
import { homeWords } from "@/lib/i18n/home";
import { type AdminUnitSeed, type IsoDate, type UnitSeed, loadAdminUnitSeed, unitKeyString } from "./admin-units";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { type DemoData, generateDemoData } from "./demo-figures";
import { type BaselineSeed, type TargetSeed, BASELINES, SECTORS, TARGETS, departmentsFor, indicatorsFor } from "./resolution";
import { dateFromIso, lastCompletedQuarter, planReportingPeriods } from "./periods";
import {
  type ProgrammeSeed,
  NATIONAL_PROGRAMME,
  NATIONAL_TARGETS,
  RESOLUTION_PROGRAMME,
  answeringTargets,
  demoProgrammeFor,
} from "./programmes";

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";

type Tx = Prisma.TransactionClient;

export interface SeedOptions {
  demo: boolean;
  log?: (msg: string) => void;
  /** "Today", for the reporting periods and demo timestamps; defaults to the clock. */
  now?: Date;
  /** The province served; defaults to DX_PROVINCE_CODE (lib/geography). */
  provinceCode?: string;
  /** The geography to load instead of the province's from the national lists (the benchmark loads its own). */
  geography?: AdminUnitSeed;
}

/** Rows written by this run. */
export interface SeedCounts {
  departments: number;
  sectors: number;
  units: number;
  successions: number;
  indicators: number;
  targets: number;
  baselines: number;
  periods: number;
  users: number;
  figures: number;
  publications: number;
}

export interface SeedResult {
  /** Reference data was written by this run (first run). */
  created: boolean;
  /** Demo accounts and figures were written by this run. */
  demoCreated: boolean;
  counts: SeedCounts;
}

/** Any 64-bit key of our own; distinct from Prisma migrate's (72707369). */
const SEED_ADVISORY_LOCK_KEY = 0x64787365; // "dxse"
const SEED_ACTOR_LABEL = "Hệ thống (nạp dữ liệu ban đầu)";
const BATCH = 1000;

const day = (iso: IsoDate) => dateFromIso(iso);

function emptyCounts(): SeedCounts {
  return {
    departments: 0,
    sectors: 0,
    units: 0,
    successions: 0,
    indicators: 0,
    targets: 0,
    baselines: 0,
    periods: 0,
    users: 0,
    figures: 0,
    publications: 0,
  };
}

function chunks<T>(rows: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function seedDatabase(prisma: PrismaClient, options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const counts = emptyCounts();
  const provinceCode = options.geography?.provinceCode ?? options.provinceCode ?? HOME_PROVINCE_CODE;
  provinceOf(provinceCode); // a code outside the 1 July 2025 list stops here, in Vietnamese
  // The province's units, read from the national lists (a few hundred ms): only when something is
  // to be seeded, and then before the transaction, so it stays short. An instance starting on a
  // seeded database reads no CSV.
  let geo = options.geography ?? null;
  const geography = () => (geo ??= loadAdminUnitSeed(undefined, provinceCode));
  if ((await prisma.indicator.count()) === 0 || (options.demo && (await prisma.figure.count({ where: { isDemo: true } })) === 0)) geography();
  let created = false;
  let demoCreated = false;

  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_ADVISORY_LOCK_KEY})`);

      if ((await tx.indicator.count()) === 0) {
        await seedReference(tx, geography(), now, counts);
        created = true;
        for (const note of geography().notes) log(`Danh mục đơn vị hành chính: ${note}`);
        log(
          `Đã nạp dữ liệu tham chiếu: ${counts.units} đơn vị hành chính, ${counts.successions} quan hệ kế thừa, ` +
            `${counts.indicators} chỉ tiêu, ${counts.targets} mục tiêu, ${counts.periods} kỳ báo cáo.`,
        );
      } else {
        log("Dữ liệu tham chiếu đã có; bỏ qua.");
      }

      if (options.demo) {
        if ((await tx.figure.count({ where: { isDemo: true } })) === 0) {
          const demoData = generateDemoData(geography(), { lastQuarter: lastCompletedQuarter(now), now });
          await seedDemo(tx, provinceCode, demoData, counts);
          demoCreated = true;
          log(
            `Đã nạp dữ liệu minh họa (demo): ${counts.figures} số liệu, ${counts.publications} bản công bố, ` +
              `${counts.users} tài khoản demo.`,
          );
        } else {
          log("Dữ liệu minh họa (demo) đã có; bỏ qua.");
        }
      }

      await tx.auditLog.create({
        data: {
          actorLabel: SEED_ACTOR_LABEL,
          action: "SEED",
          entityType: "Database",
          entityId: "dx-tracker",
          after: { referenceCreated: created, demoRequested: options.demo, demoCreated, ...counts },
        },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  // The seed's triggers made a new cache epoch (ADR 015); this process takes it now.
  await syncEpoch(prisma);

  return { created, demoCreated, counts };
}

// ---------------------------------------------------------------- reference data

async function seedReference(tx: Tx, geo: AdminUnitSeed, now: Date, counts: SeedCounts): Promise<void> {
  // Departments: those that still exist first, so merged ones can point at them.
  const departmentIds = new Map<string, number>();
  const departments = departmentsFor(provinceWords(provinceOf(geo.provinceCode)));
  const current = departments.filter((d) => d.mergedIntoCode === null);
  const merged = departments.filter((d) => d.mergedIntoCode !== null);
  for (const group of [current, merged]) {
    const rows = await tx.department.createManyAndReturn({
      data: group.map((d) => ({
        code: d.code,
        nameVi: d.nameVi,
        nameEn: d.nameEn,
        validFrom: day(d.validFrom),
        validTo: d.validTo === null ? null : day(d.validTo),
        mergedIntoId: d.mergedIntoCode === null ? null : idOf(departmentIds, d.mergedIntoCode, "department"),
      })),
      select: { id: true, code: true },
    });
    for (const r of rows) departmentIds.set(r.code, r.id);
  }
  counts.departments = departmentIds.size;

  const sectors = await tx.sector.createManyAndReturn({
    data: SECTORS.map((s) => ({ code: s.code, nameVi: s.nameVi, nameEn: s.nameEn })),
    select: { id: true, code: true },
  });
  const sectorIds = new Map(sectors.map((s) => [s.code, s.id]));
  counts.sectors = sectors.length;

  // Units level by level, so each level can point at the ids of the one above it.
  const unitIds = new Map<string, number>();
  for (const level of ["PROVINCE", "DISTRICT", "COMMUNE"] as const) {
    const units = geo.units.filter((u) => u.level === level);
    if (units.length === 0) continue;
    for (const batch of chunks(units)) {
      const rows = await tx.adminUnit.createManyAndReturn({
        data: batch.map((u) => ({
          code: u.code,
          name: u.name,
          type: u.type,
          level: u.level,
          parentId: u.parentCode === null ? null : idOf(unitIds, parentKey(u), "parent unit"),
          validFrom: day(u.validFrom),
          validTo: u.validTo === null ? null : day(u.validTo),
        })),
        select: { id: true, code: true, validFrom: true },
      });
      for (const r of rows) unitIds.set(`${r.code}@${r.validFrom.toISOString().slice(0, 10)}`, r.id);
    }
  }
  counts.units = unitIds.size;

  const successions = await tx.succession.createMany({
    data: geo.successions.map((s) => ({
      predecessorId: idOf(unitIds, unitKeyString(s.predecessor), "predecessor"),
      successorId: idOf(unitIds, unitKeyString(s.successor), "successor"),
      kind: s.kind,
      effectiveDate: day(s.effectiveDate),
    })),
  });
  counts.successions = successions.count;

  const indicators = await tx.indicator.createManyAndReturn({
    data: indicatorsFor(homeWords(geo.provinceCode)).map((i) => ({
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
      levels: [...i.levels],
      bySector: i.bySector,
      yearlyRate: i.yearlyRate ?? false,
      periodBasis: i.periodBasis ?? "QUARTER_END",
      responsibleDepartmentId: idOf(departmentIds, i.responsibleDepartmentCode, "department"),
      methodologyVi: i.methodologyVi,
      methodologyEn: i.methodologyEn,
      sourceVi: i.sourceVi,
      sortOrder: i.sortOrder,
    })),
    select: { id: true, code: true },
  });
  const indicatorIds = new Map(indicators.map((i) => [i.code, i.id]));
  counts.indicators = indicators.length;

  // The resolution and its real baselines only for its own province; the national programme for every one.
  const ownResolution = geo.provinceCode === RESOLUTION_PROGRAMME.provinceCode;
  counts.targets = await insertProgrammes(tx, ownResolution ? { programme: RESOLUTION_PROGRAMME, targets: TARGETS } : null, indicatorIds, sectorIds);
  if (ownResolution) counts.baselines += await insertBaselines(tx, BASELINES, indicatorIds, sectorIds, false);

  const periods = await tx.reportingPeriod.createMany({
    data: planReportingPeriods(now).map((p) => ({
      year: p.year,
      quarter: p.quarter,
      status: p.status,
      deadline: p.deadline,
      lockedAt: p.lockedAt,
    })),
  });
  counts.periods = periods.count;
}

function provinceOf(code: string) {
  const row = findProvince(code);
  if (!row) throw new Error(`DX_PROVINCE_CODE="${code}" không phải mã tỉnh, thành phố nào trong danh mục từ ngày 01/07/2025.`);
  return row;
}

function parentKey(u: UnitSeed): string {
  return `${u.parentCode}@${u.validFrom}`;
}

function idOf<K>(map: Map<K, number>, key: K, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`seed: unknown ${what} ${String(key)}`);
  return id;
}

/**
 * The programmes (issue #15) and their targets: the province's own programme (when there is one)
 * and the national one, whose targets are stated for the level and sector of each provincial
 * target that answers them and linked from it. The national programme is written once; a later
 * call (a demo programme) finds it.
 */
async function insertProgrammes(
  tx: Tx,
  provincial: { programme: ProgrammeSeed; targets: readonly TargetSeed[] } | null,
  indicatorIds: Map<string, number>,
  sectorIds: Map<string, number>,
): Promise<number> {
  const existing = await tx.programme.findMany({ where: { code: NATIONAL_PROGRAMME.code }, select: { id: true, code: true } });
  const missing = [...(provincial ? [provincial.programme] : []), ...(existing.length === 0 ? [NATIONAL_PROGRAMME] : [])];
  const programmes = await tx.programme.createManyAndReturn({
    data: missing.map((p) => ({ ...p, issuedOn: p.issuedOn === null ? null : day(p.issuedOn as IsoDate) })),
    select: { id: true, code: true },
  });
  const programmeIds = new Map([...existing, ...programmes].map((p) => [p.code, p.id]));
  const programmeId = (code: string) => idOf(programmeIds, code, "programme");
  if (!provincial) return 0;
  const targets = provincial.targets;
  const inserted = await tx.target.createManyAndReturn({
    data: targets.map((t) => ({
      programmeId: programmeId(provincial.programme.code),
      indicatorId: idOf(indicatorIds, t.indicatorCode, "indicator"),
      level: t.level,
      sectorId: t.sectorCode === null ? null : idOf(sectorIds, t.sectorCode, "sector"),
      year: t.year,
      comparator: t.comparator,
      value: t.value,
      descriptionVi: t.descriptionVi,
      sourceClauseVi: t.sourceClauseVi,
      sourceVi: t.sourceVi,
    })),
    select: { id: true },
  });
  let count = inserted.length;
  for (const n of NATIONAL_TARGETS) {
    for (const answering of answeringTargets(n, targets)) {
      const national = await tx.target.create({
        data: {
          programmeId: programmeId(NATIONAL_PROGRAMME.code),
          indicatorId: idOf(indicatorIds, n.indicatorCode, "indicator"),
          level: answering.level,
          sectorId: answering.sectorCode === null ? null : idOf(sectorIds, answering.sectorCode, "sector"),
          year: n.year,
          comparator: n.comparator,
          value: n.value,
          descriptionVi: n.descriptionVi,
          sourceClauseVi: n.sourceClauseVi,
          sourceVi: NATIONAL_PROGRAMME.sourceVi,
        },
        select: { id: true },
      });
      await tx.target.update({ where: { id: inserted[targets.indexOf(answering)]!.id }, data: { answersTargetId: national.id } });
      count += 1;
    }
  }
  return count;
}

async function insertBaselines(
  tx: Tx,
  baselines: readonly BaselineSeed[],
  indicatorIds: Map<string, number>,
  sectorIds: Map<string, number>,
  isDemo: boolean,
): Promise<number> {
  if (baselines.length === 0) return 0;
  const result = await tx.baseline.createMany({
    data: baselines.map((b) => ({
      indicatorId: idOf(indicatorIds, b.indicatorCode, "indicator"),
      level: b.level,
      sectorId: b.sectorCode === null ? null : idOf(sectorIds, b.sectorCode, "sector"),
      value: b.value,
      date: day(b.date),
      dateAssumed: b.dateAssumed,
      sourceClauseVi: b.sourceClauseVi,
      sourceVi: b.sourceVi,
      isDemo,
    })),
  });
  return result.count;
}

// ---------------------------------------------------------------- demo data

async function seedDemo(tx: Tx, provinceCode: string, demo: DemoData, counts: SeedCounts): Promise<void> {
  const [departments, sectors, units, indicators, periods] = await Promise.all([
    tx.department.findMany({ select: { id: true, code: true } }),
    tx.sector.findMany({ select: { id: true, code: true } }),
    tx.adminUnit.findMany({ select: { id: true, code: true, validFrom: true } }),
    tx.indicator.findMany({ select: { id: true, code: true, baselines: { select: { id: true } } } }),
    tx.reportingPeriod.findMany({ select: { id: true, year: true, quarter: true } }),
  ]);
  const departmentIds = new Map(departments.map((d) => [d.code, d.id]));
  const sectorIds = new Map(sectors.map((s) => [s.code, s.id]));
  const unitIds = new Map(units.map((u) => [`${u.code}@${u.validFrom.toISOString().slice(0, 10)}`, u.id]));
  const indicatorIds = new Map(indicators.map((i) => [i.code, i.id]));
  const periodIds = new Map(periods.map((p) => [`${p.year}-${p.quarter}`, p.id]));

  // Another province than the resolution's gets a demo programme to measure the demo figures against.
  if (provinceCode !== RESOLUTION_PROGRAMME.provinceCode) {
    const demoProgramme = demoProgrammeFor(provinceWords(provinceOf(provinceCode)));
    if ((await tx.programme.count({ where: { code: demoProgramme.programme.code } })) === 0) {
      counts.targets += await insertProgrammes(tx, demoProgramme, indicatorIds, sectorIds);
    }
  }

  // Demo baselines only where the indicator has none: a real one entered since wins. Any row counts,
  // a replaced or withdrawn one too: an admin's decision about an indicator's baseline stands.
  const withBaseline = new Set(indicators.filter((i) => i.baselines.length > 0).map((i) => i.code));
  counts.baselines += await insertBaselines(
    tx,
    demo.baselines.filter((b) => !withBaseline.has(b.indicatorCode)),
    indicatorIds,
    sectorIds,
    true,
  );

  // Editions of the yearly index the demo's ranks come from; one already recorded for a year wins.
  await tx.indicatorEdition.createMany({
    data: demo.editions.map((e) => ({
      indicatorId: idOf(indicatorIds, e.indicatorCode, "indicator"),
      referenceYear: e.referenceYear,
      publishedOn: e.publishedOn,
      rankedUnits: e.rankedUnits,
      sourceVi: e.sourceVi,
      isDemo: true,
    })),
    skipDuplicates: true,
  });

  // Accounts: argon2id with the library's defaults, one salt each; an existing address is left alone.
  const users = await tx.user.createMany({
    data: await Promise.all(
      DEMO_ACCOUNTS.map(async (a) => ({
        email: a.email,
        name: a.name,
        role: a.role,
        passwordHash: await hash(a.password),
        departmentId: a.departmentCode === null ? null : idOf(departmentIds, a.departmentCode, "department"),
        isDemo: true,
      })),
    ),
    skipDuplicates: true,
  });
  counts.users = users.count;
  const approver = await tx.user.findFirst({
    where: { email: DEMO_ACCOUNTS.find((a) => a.role === "APPROVER")!.email },
    select: { id: true },
  });

  const rows = demo.figures.flatMap((f) => {
    const periodId = periodIds.get(`${f.year}-${f.quarter}`);
    if (periodId === undefined) return []; // no period for it (a clock before the demo's last quarter)
    const approved = f.status === FigureStatus.APPROVED;
    return [
      {
        indicatorId: idOf(indicatorIds, f.indicatorCode, "indicator"),
        unitId: idOf(unitIds, unitKeyString(f.unit), "unit"),
        periodId,
        sectorId: f.sectorCode === null ? null : idOf(sectorIds, f.sectorCode, "sector"),
        numerator: f.numerator,
        denominator: f.denominator,
        value: f.value,
        status: f.status,
        departmentId: idOf(departmentIds, f.departmentCode, "department"),
        isDemo: true,
        submittedAt: f.submittedAt,
        reviewedById: approved ? (approver?.id ?? null) : null,
        reviewedAt: approved ? f.approvedAt : null,
        createdAt: f.enteredAt,
        updatedAt: f.approvedAt ?? f.submittedAt ?? f.enteredAt,
      },
    ];
  });

  const cellKey = (f: { indicatorId: number; unitId: number; periodId: number; sectorId: number | null }) =>
    `${f.indicatorId}|${f.unitId}|${f.periodId}|${f.sectorId ?? ""}`;
  const figureIds = new Map<string, number>();
  for (const batch of chunks(rows)) {
    const inserted = await tx.figure.createManyAndReturn({
      data: batch,
      select: { id: true, indicatorId: true, unitId: true, periodId: true, sectorId: true },
    });
    for (const r of inserted) figureIds.set(cellKey(r), r.id);
  }
  counts.figures = figureIds.size;

  const publications = rows
    .filter((r) => r.status === FigureStatus.APPROVED)
    .map((r) => ({
      figureId: idOf(figureIds, cellKey(r), "figure"),
      revision: 1,
      numerator: r.numerator,
      denominator: r.denominator,
      value: r.value,
      approvedById: r.reviewedById,
      approvedAt: r.reviewedAt!,
      isDemo: true,
    }));
  for (const batch of chunks(publications)) {
    const result = await tx.figurePublication.createMany({ data: batch });
    counts.publications += result.count;
  }
}

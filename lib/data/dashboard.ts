/**
 * The officials' dashboard overview: every target of one province with its
 * status (lib/progress, the same maths as the public pages), latest value,
 * distance to the 2025 and 2030 goals, quarterly gain still required, a
 * sparkline series and the coverage of the latest figure. Unlike the public
 * pages it counts SUBMITTED figures too, and says how many (lib/data/dashboard-sql.ts).
 *
 * Live: no cache and no nightly table — one aggregate statement per load, so a
 * figure approved a second ago is in the next one (ADR 009).
 */
// No "server-only" marker: the dashboard pages read through this module in getServerSideProps
// (Pages Router, ADR 035), where Next refuses that marker. Never import it from a client component.
import type { PrismaClient } from "@/lib/db/client";
import { compareQuarters, makeQuarter, quarterFromIndex, quarterIndex, quarterKey, type Quarter } from "@/lib/period/quarter";
import { reportsIn } from "@/lib/targets/retirement";
import { quarterInVietnam } from "@/lib/period/reporting";
import { PROGRESS_STATUSES, STATUS_SEVERITY, type ProgressStatus } from "@/lib/progress/progress";
import {
  buildTargetOverview,
  firstFigureBaselines,
  readGoal,
  type GoalReading,
  type GoalStatus,
  type IndicatorGroup,
  type IndicatorInfo,
  type NationalLine,
  type FirstFigureBaseline,
  type OverviewRow,
  type ProvinceAggregate,
  type EditionInfo,
  type ResolutionTerritory,
  type RowBaseline,
  type SectorInfo,
} from "@/lib/progress/target-overview";
import type { Comparator } from "@/lib/targets/comparator";
import { asJson, memoStatement, queryJson } from "@/lib/db/json-query";
import { demoStatement, overviewStatements, referenceStatement, type Level } from "./dashboard-sql";
import { levelEndsStatement } from "./level-ends";
import type { LevelEndJson } from "./overview-model";
import { cachedByEpoch } from "@/lib/cache/memo";
import { loadProvinceAggregates, loadResolutionTerritory } from "./targets";
import { scopeToProgramme } from "@/lib/targets/programme-scope";

export interface DashboardIndicator extends IndicatorInfo {
  levels: Level[];
  bySector: boolean;
  responsibleDepartmentId: number;
  /** The first day of the quarter it was retired from ("2027-01-01"); null while tracked (lib/targets/retirement.ts). */
  retiredFrom: string | null;
}

export interface DashboardPoint {
  quarter: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  /** Units whose figure counts (each unit once). */
  reported: number;
  /** Units expected to report that quarter at the indicator's level. */
  expected: number;
  /** Of `reported`, figures still awaiting approval. */
  submitted: number;
  /** Of `reported`, figures submitted after the period's deadline. */
  late: number;
  territoryBreak: boolean;
}

export interface DashboardGoal {
  year: number;
  goal: GoalStatus;
  /** The figure the status rests on (for a goal whose year is over: the one it was judged on), its gap, and any later figure. */
  reading: GoalReading;
  /** reading.gap: goal − the judged value, in the indicator's unit (percentage points for ratios); null if qualitative, without a value or no longer assessable. */
  distance: number | null;
  /** reading.meets: whether the judged value meets the goal. */
  meets: boolean | null;
}

export interface DashboardOverviewRow {
  key: string;
  indicator: DashboardIndicator;
  sector: SectorInfo | null;
  /** The status the row is filed under: that of the nearest goal still open, else of the last goal. */
  status: ProgressStatus | null;
  latest: DashboardPoint | null;
  series: DashboardPoint[];
  goals: DashboardGoal[];
  /** Change per quarter still needed for the nearest open goal. */
  requiredQuarterlyGain: number | null;
  /** The row as lib/progress built it (for the trend chart, components/charts). */
  overview: OverviewRow;
  /** The row's baseline: recorded, else its first judged published value (the public pages' very value). */
  baseline: RowBaseline | null;
  /** Who answers for it: the indicator's responsible department. */
  department: DashboardDepartment | null;
}

export interface DashboardOverview {
  provinceCode: string;
  asOf: string;
  rows: DashboardOverviewRow[];
  /** Some figure shown is awaiting approval. */
  includesSubmitted: boolean;
  hasDemoData: boolean;
}

interface AggregateRow {
  indicatorId: number;
  sectorId: number | null;
  year: number;
  quarter: number;
  provinceValidFrom: Date;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  reported: number;
  submitted: number;
  late: number;
}


/**
 * Indicators, sectors, current targets (with their level) and baselines: the
 * small reference reads, in one round trip (they are read on every load, next
 * to the aggregates). `indicatorCode` narrows them to one indicator.
 */
export async function loadDashboardReference(db: PrismaClient, indicatorCode: string | null = null) {
  // Reference data only (no figures): cached in-process, invalidated by every admin write and the seed.
  return cachedByEpoch(db, `ref:${indicatorCode ?? "*"}`, async () =>
    shapeReference((await queryJson<{ ref: ReferenceJson }>(db, referenceDocument(indicatorCode))).ref),
  );
}

/** The reference data as one JSON document. */
export function referenceDocument(indicatorCode: string | null) {
  return asJson({ ref: { sql: referenceStatement(indicatorCode), one: true } });
}

/** The department an indicator's figures are the responsibility of (issue #16, item 2). */
export interface DashboardDepartment {
  id: number;
  code: string;
  nameVi: string;
}

interface ReferenceJson {
  indicators: DashboardIndicator[] | null;
  sectors: SectorInfo[] | null;
  departments: DashboardDepartment[] | null;
  targets: { id: number; indicatorId: number; programmeId: number; sectorId: number | null; level: Level; year: number; comparator: Comparator; value: number | null; descriptionVi: string | null; sourceClauseVi: string; sourceVi: string; national: NationalLine | null }[] | null;
  baselines: { indicatorId: number; sectorId: number | null; level: Level; value: number; date: string; dateAssumed: boolean; isDemo: boolean }[] | null;
  editions: { indicatorId: number; referenceYear: number; publishedOn: string; rankedUnits: number | null }[] | null;
  demo: boolean;
}

export function shapeReference(row: ReferenceJson | undefined) {
  return {
    indicators: row?.indicators ?? [],
    sectors: row?.sectors ?? [],
    departments: row?.departments ?? [],
    targets: (row?.targets ?? []).map((t) => ({ ...t, value: t.value === null ? null : Number(t.value) })),
    baselines: (row?.baselines ?? []).map((b) => ({ ...b, value: Number(b.value), date: new Date(`${b.date}T00:00:00.000Z`) })),
    editions: (row?.editions ?? []).map((e) => ({ ...e, publishedOn: new Date(`${e.publishedOn}T00:00:00.000Z`) })) as EditionInfo[],
    hasDemoData: row?.demo === true,
  };
}

const AGGREGATE_COLS = ["indicatorId", "sectorId", "year", "quarter", "provinceValidFrom", "numerator", "denominator", "value", "reported", "submitted", "late"] as const;

/** The overview's single statement: province totals, expected units and the demo flag (see lib/data/dashboard-sql.ts); the reference data is cached. */
export function overviewStatement(provinceCode: string, asOf: Quarter) {
  return memoStatement(`overview|${provinceCode}|${quarterIndex(asOf)}`, () => buildOverviewStatement(provinceCode, asOf));
}

function buildOverviewStatement(provinceCode: string, asOf: Quarter) {
  const st = overviewStatements(provinceCode, quarterIndex(asOf));
  return asJson({
    aggregates: { sql: st.aggregates, cols: AGGREGATE_COLS },
    expected: { sql: st.expected, cols: ["year", "quarter", "level", "units"] },
    levelEnds: { sql: levelEndsStatement(provinceCode), cols: ["level", "lastDay"] },
    demo: { sql: demoStatement(), one: true },
  });
}

export type DashboardReference = Awaited<ReturnType<typeof loadDashboardReference>>;

/**
 * The baselines of targets without a recorded one: their first judged published
 * value, from the province's whole published history (firstFigureBaselines, the
 * rule the public pages apply to the same aggregates), not from the window of
 * quarters the overview reads — so the dashboard's baseline, pace and r are the
 * public page's and do not move from quarter to quarter (issue #14, item 6).
 * Kept per cache epoch: an approval (a new publication) recomputes it.
 */
export async function loadFirstFigures(db: PrismaClient, provinceCode: string, ref: Pick<DashboardReference, "indicators" | "baselines" | "editions">): Promise<FirstFigureBaseline[]> {
  return cachedByEpoch(db, `first-figures:${provinceCode}`, async () =>
    firstFigureBaselines({ indicators: ref.indicators, baselines: ref.baselines, editions: ref.editions, aggregates: await loadProvinceAggregates(db, provinceCode) }),
  );
}

/**
 * The province as the resolution knew it, with the later quarters rebuilt on
 * it (loadResolutionTerritory: published values, as every verdict rests on
 * approved figures only). Kept per cache epoch, like the first figures.
 */
export async function loadDashboardResolutionTerritory(db: PrismaClient, provinceCode: string): Promise<ResolutionTerritory | null> {
  return cachedByEpoch(db, `resolution-territory:${provinceCode}`, () => loadResolutionTerritory(db, provinceCode));
}

/** Keys of the per-point lookups, as numbers (indicator × sector × quarter ordinal, year × 4 + quarter). */
const pointKey = (indicatorId: number, sectorId: number | null, ordinal: number) => (indicatorId * 1_048_576 + (sectorId ?? 0)) * 16_384 + ordinal;
const LEVEL_CODES: Record<Level, number> = { PROVINCE: 1, DISTRICT: 2, COMMUNE: 3 };
const expectedKey = (level: Level, ordinal: number) => LEVEL_CODES[level] * 16_384 + ordinal;
const EPOCH = new Date(0);

export async function loadDashboardOverview(
  db: PrismaClient,
  /** `programmeId`: only that programme's targets and indicators (the "Chương trình" filter); absent, every judged target. */
  input: { provinceCode: string; asOf: Quarter; programmeId?: number | null },
): Promise<DashboardOverview> {
  const reference = loadDashboardReference(db);
  const [cached, firstFigures, resolutionTerritory, data] = await Promise.all([
    reference,
    reference.then((ref) => loadFirstFigures(db, input.provinceCode, ref)),
    loadDashboardResolutionTerritory(db, input.provinceCode),
    queryJson<{
      aggregates: (Omit<AggregateRow, "provinceValidFrom"> & { provinceValidFrom: string })[];
      expected: { year: number; quarter: number; level: Level; units: number }[];
      levelEnds: LevelEndJson[];
      demo: { demo: boolean };
    }>(
      db,
      overviewStatement(input.provinceCode, input.asOf),
    ),
  ]);
  // Whether demo data is loaded is read live, with the figures.
  const ref = { ...cached, hasDemoData: data.demo.demo === true };
  // A province has one or two versions: one Date per version, not one per row.
  const days = new Map<string, Date>();
  const dayOf = (d: string) => days.get(d) ?? days.set(d, new Date(`${d}T00:00:00.000Z`)).get(d)!;
  const expectedBy = new Map(data.expected.map((e) => [expectedKey(e.level, quarterIndex(makeQuarter(e.year, e.quarter))), e.units]));
  const kinds = new Map(ref.indicators.map((i) => [i.id, i.kind]));
  const indicatorOf = new Map(ref.indicators.map((i) => [i.id, i]));
  const extra = new Map<number, { submitted: number; late: number }>();
  const aggregates: ProvinceAggregate[] = new Array(data.aggregates.length);
  for (let i = 0; i < data.aggregates.length; i++) {
    const a = data.aggregates[i]!;
    const ratio = kinds.get(a.indicatorId) === "RATIO";
    extra.set(pointKey(a.indicatorId, a.sectorId, quarterIndex(makeQuarter(a.year, a.quarter))), a);
    aggregates[i] = {
      indicatorId: a.indicatorId,
      sectorId: a.sectorId,
      year: a.year,
      quarter: a.quarter,
      // The totals hold every sum; which one is the indicator's depends on its kind.
      numerator: ratio ? a.numerator : null,
      denominator: ratio ? a.denominator : null,
      value: ratio ? null : a.value,
      reported: a.reported,
      // Not kept by the totals (they mix approved and submitted figures); the dashboard shows no approval date.
      approvedAt: EPOCH,
      isDemo: ref.hasDemoData,
      provinceValidFrom: dayOf(a.provinceValidFrom),
      pending: a.submitted,
      // Coverage's denominator, as the table's «Báo cáo» column shows it: a value from too few units is not judged.
      expected: indicatorOf.has(a.indicatorId) ? expectedUnits(indicatorOf.get(a.indicatorId)!, quarterIndex(makeQuarter(a.year, a.quarter)), expectedBy, 1) : undefined,
    };
  }

  const scoped = scopeToProgramme(ref.indicators, ref.targets, input.programmeId ? { programmeId: input.programmeId, alsoUntargeted: false } : null);
  const rows = buildTargetOverview({
    indicators: scoped.indicators,
    sectors: ref.sectors,
    targets: scoped.targets,
    baselines: ref.baselines,
    firstFigures,
    aggregates,
    asOf: input.asOf,
    levelEnds: data.levelEnds.map((l) => ({ level: l.level, lastDay: dayOf(l.lastDay) })),
    resolutionTerritory,
    editions: ref.editions,
  });
  const indicatorsById = new Map(ref.indicators.map((i) => [i.id, i]));
  const departmentsById = new Map(ref.departments.map((d) => [d.id, d]));
  const out = rows.map((row) => {
    const indicator = indicatorsById.get(row.indicator.id)!;
    return { ...toDashboardRow(row, indicator, extra, expectedBy), baseline: row.baseline, department: departmentsById.get(indicator.responsibleDepartmentId) ?? null };
  });
  return {
    provinceCode: input.provinceCode,
    asOf: quarterKey(input.asOf),
    rows: out,
    includesSubmitted: out.some((r) => r.series.some((p) => p.submitted > 0)),
    hasDemoData: ref.hasDemoData,
  };
}

/** Units expected at an indicator's levels in a quarter (each level it is entered at). */
function expectedUnits(indicator: DashboardIndicator, ordinal: number, expectedBy: Map<number, number>, perUnit: number): number {
  // A retired indicator is owed nothing from its retirement quarter on.
  if (!reportsIn(indicator.retiredFrom, quarterFromIndex(ordinal))) return 0;
  let n = 0;
  for (const level of indicator.levels) n += expectedBy.get(expectedKey(level, ordinal)) ?? 0;
  return n * perUnit;
}

function toDashboardRow(
  row: OverviewRow,
  indicator: DashboardIndicator,
  extra: Map<number, { submitted: number; late: number }>,
  expectedBy: Map<number, number>,
): Omit<DashboardOverviewRow, "baseline" | "department"> {
  const series: DashboardPoint[] = row.series.map((p) => {
    const ordinal = quarterIndex(p.quarter);
    const a = extra.get(pointKey(indicator.id, row.sector?.id ?? null, ordinal));
    return {
      quarter: quarterKey(p.quarter),
      value: p.value,
      numerator: p.numerator,
      denominator: p.denominator,
      reported: p.reported,
      expected: expectedUnits(indicator, ordinal, expectedBy, 1),
      submitted: a?.submitted ?? 0,
      late: a?.late ?? 0,
      territoryBreak: p.territoryBreak,
    };
  });
  const latest = series.at(-1) ?? null;
  const goals: DashboardGoal[] = row.goals.map((goal) => {
    const reading = readGoal(goal, row.latest);
    return { year: goal.target.year, goal, reading, distance: reading.gap, meets: reading.meets };
  });
  const open = row.goals.find((g) => g.assessment && !g.assessment.final);
  const headline = open ?? row.goals.filter((g) => g.assessment).at(-1);
  return {
    key: row.key,
    indicator,
    sector: row.sector,
    status: headline?.assessment?.status ?? null,
    latest,
    series,
    goals,
    requiredQuarterlyGain: open?.assessment?.requiredQuarterlyGain ?? null,
    overview: row,
  };
}

/** The overview's filters: a group, and a status any of the row's goals has. */
/** The statuses of a row's goals that someone must act on: "behind" (the one-click view of issue #16, item 2). */
export const BEHIND_STATUSES = ["REGRESSING", "MISSED", "OFF_TRACK", "NEEDS_ACCELERATION"] as const satisfies readonly ProgressStatus[];

/**
 * Rows in a group, with a goal in any of the statuses (none given: every
 * status), of a department. Statuses are a list: "behind" is four of them.
 */
export function filterOverviewRows(
  rows: readonly DashboardOverviewRow[],
  filters: { group?: IndicatorGroup | string; status?: ProgressStatus | string | readonly string[]; department?: number },
): DashboardOverviewRow[] {
  const statuses = filters.status === undefined ? [] : typeof filters.status === "string" ? [filters.status] : filters.status;
  return rows.filter(
    (r) =>
      (filters.group === undefined || r.indicator.group === filters.group) &&
      (statuses.length === 0 || r.goals.some((g) => g.goal.assessment !== null && statuses.includes(g.goal.assessment.status))) &&
      (filters.department === undefined || r.department?.id === filters.department),
  );
}

/** Rows by the worst status among their goals, then in the resolution's order; rows without a status last. */
export function sortOverviewByStatus(rows: readonly DashboardOverviewRow[], descending = false): DashboardOverviewRow[] {
  const rank = (r: DashboardOverviewRow) => {
    const ranks = r.goals.flatMap((g) => (g.goal.assessment ? [STATUS_SEVERITY.indexOf(g.goal.assessment.status)] : []));
    return ranks.length === 0 ? null : Math.min(...ranks);
  };
  return rows
    .map((r, i) => ({ r, i, k: rank(r) }))
    .sort((a, b) => (a.k === null ? (b.k === null ? a.i - b.i : 1) : b.k === null ? -1 : (descending ? b.k - a.k : a.k - b.k) || a.i - b.i))
    .map((x) => x.r);
}

/** Rows grouped by responsible department (by name), each group in the order given. */
export function groupByDepartment(rows: readonly DashboardOverviewRow[]): { department: DashboardDepartment | null; rows: DashboardOverviewRow[] }[] {
  const groups = new Map<number | null, { department: DashboardDepartment | null; rows: DashboardOverviewRow[] }>();
  for (const r of rows) {
    const key = r.department?.id ?? null;
    const g = groups.get(key) ?? groups.set(key, { department: r.department, rows: [] }).get(key)!;
    g.rows.push(r);
  }
  return [...groups.values()].sort((a, b) =>
    a.department === null ? (b.department === null ? 0 : 1) : b.department === null ? -1 : a.department.nameVi.localeCompare(b.department.nameVi, "vi"),
  );
}

/**
 * For the status filter's labels: how many rows the filter would show for
 * each status, i.e. rows with at least one goal in it (a row with a missed
 * 2025 goal and an open 2030 one counts under both), so a label never
 * promises a number the filtered table does not show.
 */
export function statusCounts(rows: readonly DashboardOverviewRow[]): Record<ProgressStatus, number> {
  const counts = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;
  for (const s of PROGRESS_STATUSES) counts[s] = filterOverviewRows(rows, { status: s }).length;
  return counts;
}

/** The quarters the dashboard offers: those with periods, up to the current one. */
export async function loadDashboardQuarters(db: PrismaClient, today: Date = new Date()): Promise<string[]> {
  const periods = await db.reportingPeriod.findMany({ select: { year: true, quarter: true }, orderBy: [{ year: "asc" }, { quarter: "asc" }] });
  // "Now" is the quarter in Vietnam: on 31 December after 17:00 UTC it is already the next quarter there.
  const now = quarterInVietnam(today);
  return periods.map((p) => makeQuarter(p.year, p.quarter)).filter((q) => compareQuarters(q, now) <= 0).map(quarterKey);
}

/** The latest quarter with an approved figure (a current publication), "YYYY-Qn"; null before any approval. */
export async function loadLatestPublishedQuarter(db: PrismaClient): Promise<string | null> {
  const period = await db.reportingPeriod.findFirst({
    where: { figures: { some: { publications: { some: { supersededAt: null } } } } },
    orderBy: [{ year: "desc" }, { quarter: "desc" }],
    select: { year: true, quarter: true },
  });
  return period ? quarterKey(makeQuarter(period.year, period.quarter)) : null;
}

/**
 * The quarter every dashboard page (overview, drill-down, completeness, unit,
 * export) opens on without ?ky (issue #14, item 10): the one asked for if it
 * is a reporting quarter; else the latest with an approved figure — the quarter
 * just opened has none yet and would read "0/92 reported"; else the latest.
 */
export function defaultDashboardQuarter(quarters: readonly string[], latestPublished: string | null, asked?: string): string | null {
  if (asked !== undefined && quarters.includes(asked)) return asked;
  if (latestPublished !== null && quarters.includes(latestPublished)) return latestPublished;
  return quarters.at(-1) ?? null;
}

/** Whether the database holds demo data (demo figures and demo accounts are written together). */
export async function loadHasDemoData(db: PrismaClient): Promise<boolean> {
  return (await db.user.findFirst({ where: { isDemo: true }, select: { id: true } })) !== null;
}

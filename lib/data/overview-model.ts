/**
 * The overview of every target from its inputs, without the database: the
 * types of the inputs as the loaders return them (plain JSON, dates as ISO
 * strings) and buildOverview, which revives them and works out the statuses
 * as of a quarter. Pure, so the public pages' components can use it where no
 * server module may be imported (the Pages Router pages, ADR 012);
 * lib/data/targets.ts loads the inputs and re-exports all of this.
 */
import type { Quarter } from "@/lib/period/quarter";
import {
  buildTargetOverview,
  type BaselineInfo,
  type EditionInfo,
  type IndicatorInfo,
  type LevelEnd,
  type OverviewRow,
  type ProvinceAggregate,
  type SectorInfo,
  type TargetInfo,
} from "@/lib/progress/target-overview";

export interface TargetOverview {
  rows: OverviewRow[];
  asOf: Quarter;
  /** Some shown figure is demo data: every screen showing it says so. */
  hasDemoData: boolean;
}

/** A ProvinceAggregate as stored in the data cache: dates as ISO strings. */
export type AggregateJson = Omit<ProvinceAggregate, "approvedAt" | "provinceValidFrom"> & {
  approvedAt: string;
  provinceValidFrom: string;
};

/** A level of units that no longer exists (LevelEnd), its last day as "YYYY-MM-DD". */
export interface LevelEndJson {
  level: LevelEnd["level"];
  lastDay: string;
}

export type BaselineJson = Omit<BaselineInfo, "date" | "dateAssumed" | "isDemo"> & { date: string; dateAssumed: boolean; isDemo: boolean };

export interface OverviewInputs {
  indicators: IndicatorInfo[];
  sectors: SectorInfo[];
  targets: TargetInfo[];
  baselines: BaselineJson[];
  aggregates: AggregateJson[];
  /** Levels of units that no longer exist in the province (the districts), with their last day. */
  levelEnds: LevelEndJson[];
  /** The province as the resolution knew it (ResolutionTerritory), days as ISO strings; null if its territory never changed. */
  resolutionTerritory: { validFrom: string; lastDay: string; rebuilt: AggregateJson[] } | null;  /** Editions of yearly indices (EditionInfo), publishedOn as an ISO string. */
  editions: EditionJson[];
}

export type EditionJson = Omit<EditionInfo, "publishedOn"> & { publishedOn: string };

const reviveAggregate = (a: AggregateJson): ProvinceAggregate => ({ ...a, approvedAt: new Date(a.approvedAt), provinceValidFrom: new Date(a.provinceValidFrom) });
const day = (d: string) => new Date(`${d.slice(0, 10)}T00:00:00.000Z`);

export function buildOverview(inputs: OverviewInputs, asOf: Quarter): TargetOverview {
  const rows = buildTargetOverview({
    indicators: inputs.indicators,
    sectors: inputs.sectors,
    targets: inputs.targets,
    baselines: inputs.baselines.map((b) => ({ indicatorId: b.indicatorId, sectorId: b.sectorId, level: b.level, value: b.value, date: new Date(b.date), dateAssumed: b.dateAssumed, isDemo: b.isDemo })),
    aggregates: inputs.aggregates.map(reviveAggregate),
    asOf,
    levelEnds: inputs.levelEnds.map((l) => ({ level: l.level, lastDay: day(l.lastDay) })),
    editions: inputs.editions.map((e) => ({ ...e, publishedOn: day(e.publishedOn) })),
    resolutionTerritory: inputs.resolutionTerritory && {
      validFrom: day(inputs.resolutionTerritory.validFrom),
      lastDay: day(inputs.resolutionTerritory.lastDay),
      rebuilt: inputs.resolutionTerritory.rebuilt.map(reviveAggregate),
    },
  });
  return { rows, asOf, hasDemoData: rows.some((r) => r.series.some((p) => p.isDemo)) };
}

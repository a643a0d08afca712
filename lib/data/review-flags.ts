/**
 * What the approver is asked to look at twice: each submitted figure's
 * approved history in its cell (indicator × unit × sector, the current
 * publications of earlier quarters) and the outlier flags that history raises
 * (lib/review/outliers.ts). One reading for the review queue, which shows them,
 * and the approval service, which refuses to publish a flagged figure the
 * approver has not acknowledged (issue #16, item 4). Takes the client to read
 * with, so the service reads inside its transaction.
 */
import type { PrismaClient } from "@/lib/db/client";
import type { IndicatorKind } from "@/lib/generated/prisma/enums";
import { compareQuarters, makeQuarter, type Quarter } from "@/lib/period/quarter";
import { figureNumber } from "@/lib/review/figure-value";
import { detectOutliers, OUTLIER_THRESHOLDS, type OutlierFlag } from "@/lib/review/outliers";

type Decimalish = { toNumber(): number } | null;

export interface FlagSubject {
  id: number;
  indicatorId: number;
  unitId: number;
  sectorId: number | null;
  kind: IndicatorKind;
  quarter: Quarter;
  numerator: Decimalish;
  denominator: Decimalish;
  value: Decimalish;
}

export interface FigureReviewReading {
  /** The figure's own number (a rate in percent), null when incomplete. */
  value: number | null;
  /** Approved values of the cell before the figure's quarter, oldest first, at most OUTLIER_THRESHOLDS.historyLength. */
  history: { quarter: Quarter; value: number }[];
  flags: OutlierFlag[];
}

const num = (d: Decimalish) => (d === null ? null : d.toNumber());
const cellKey = (indicatorId: number, unitId: number, sectorId: number | null) => `${indicatorId}|${unitId}|${sectorId ?? ""}`;

export async function readFiguresForReview(
  db: Pick<PrismaClient, "figurePublication">,
  figures: readonly FlagSubject[],
): Promise<Map<number, FigureReviewReading>> {
  const readings = new Map<number, FigureReviewReading>();
  if (figures.length === 0) return readings;
  const publications = await db.figurePublication.findMany({
    where: {
      supersededAt: null,
      figure: {
        indicatorId: { in: [...new Set(figures.map((f) => f.indicatorId))] },
        unitId: { in: [...new Set(figures.map((f) => f.unitId))] },
      },
    },
    select: {
      numerator: true,
      denominator: true,
      value: true,
      figure: { select: { indicatorId: true, unitId: true, sectorId: true, period: { select: { year: true, quarter: true } } } },
    },
  });
  const kindOf = new Map(figures.map((f) => [f.indicatorId, f.kind]));
  const series = new Map<string, { quarter: Quarter; value: number }[]>();
  for (const p of publications) {
    const kind = kindOf.get(p.figure.indicatorId);
    if (!kind) continue;
    const value = figureNumber(kind, { numerator: num(p.numerator), denominator: num(p.denominator), value: num(p.value) });
    if (value === null) continue;
    const key = cellKey(p.figure.indicatorId, p.figure.unitId, p.figure.sectorId);
    const list = series.get(key) ?? [];
    list.push({ quarter: makeQuarter(p.figure.period.year, p.figure.period.quarter), value });
    series.set(key, list);
  }
  for (const f of figures) {
    const value = figureNumber(f.kind, { numerator: num(f.numerator), denominator: num(f.denominator), value: num(f.value) });
    const history = (series.get(cellKey(f.indicatorId, f.unitId, f.sectorId)) ?? [])
      .filter((p) => compareQuarters(p.quarter, f.quarter) < 0)
      .sort((a, b) => compareQuarters(a.quarter, b.quarter))
      .slice(-OUTLIER_THRESHOLDS.historyLength);
    const flags = value === null ? [] : detectOutliers({ quarter: f.quarter, value, isRate: f.kind === "RATIO", history });
    readings.set(f.id, { value, history, flags });
  }
  return readings;
}

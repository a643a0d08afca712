/**
 * One figure's whole story: its current working state, every publication
 * (revision) the public has seen, and its audit rows, newest first.
 */
import "server-only";
import { prisma } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import type { FigureStatus, IndicatorKind, PeriodStatus, UnitLevel } from "@/lib/generated/prisma/enums";
import { formatQuarter, makeQuarter, type Quarter } from "@/lib/period/quarter";
import { figureNumber, formatFigureNumber, formatRatioParts } from "@/lib/review/figure-value";

export interface FigureHistoryPublication {
  revision: number;
  valueText: string;
  partsText: string | null;
  approvedBy: string | null;
  approvedAt: Date;
  supersededAt: Date | null;
  /** Withdrawn as a mistake (then supersededAt is the same instant): by whom and why. */
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  withdrawalReason: string | null;
  isDemo: boolean;
}

export interface FigureHistoryEvent {
  id: string;
  at: Date;
  actorLabel: string;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface FigureHistory {
  figure: {
    id: number;
    status: FigureStatus;
    version: number;
    valueText: string;
    partsText: string | null;
    comment: string | null;
    reviewComment: string | null;
    isDemo: boolean;
    submittedAt: Date | null;
    reviewedAt: Date | null;
    reviewedBy: string | null;
    createdAt: Date;
    updatedAt: Date;
    updatedBy: string | null;
  };
  indicator: { code: string; nameVi: string; kind: IndicatorKind; unitVi: string; numeratorLabelVi: string | null; denominatorLabelVi: string | null };
  sector: { nameVi: string } | null;
  unit: { name: string; type: string; level: UnitLevel };
  period: { quarter: Quarter; label: string; status: PeriodStatus };
  department: { nameVi: string };
  publications: FigureHistoryPublication[];
  events: FigureHistoryEvent[];
}

const num = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());

/** null when the figure does not exist. Every signed-in role may read a figure's history. */
export async function getFigureHistory(actor: Actor, figureId: number): Promise<FigureHistory | null> {
  assertCan(actor, "figure.history");
  const [f, events] = await Promise.all([
    prisma.figure.findUnique({
      where: { id: figureId },
      select: {
        id: true,
        status: true,
        version: true,
        numerator: true,
        denominator: true,
        value: true,
        comment: true,
        reviewComment: true,
        isDemo: true,
        submittedAt: true,
        reviewedAt: true,
        reviewedById: true,
        createdAt: true,
        updatedAt: true,
        updatedById: true,
        indicator: { select: { code: true, nameVi: true, kind: true, unitVi: true, numeratorLabelVi: true, denominatorLabelVi: true } },
        sector: { select: { nameVi: true } },
        unit: { select: { name: true, type: true, level: true } },
        period: { select: { year: true, quarter: true, status: true } },
        department: { select: { nameVi: true } },
        publications: {
          orderBy: { revision: "desc" },
          select: {
            revision: true,
            numerator: true,
            denominator: true,
            value: true,
            approvedById: true,
            approvedAt: true,
            supersededAt: true,
            withdrawnAt: true,
            withdrawnById: true,
            withdrawalReason: true,
            isDemo: true,
          },
        },
      },
    }),
    prisma.auditLog.findMany({
      where: { entityType: "Figure", entityId: String(figureId) },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { id: true, at: true, actorLabel: true, action: true, before: true, after: true, reason: true },
    }),
  ]);
  if (!f) return null;

  const userIds = [f.reviewedById, f.updatedById, ...f.publications.flatMap((p) => [p.approvedById, p.withdrawnById])].filter((id): id is string => id !== null);
  const users = userIds.length === 0 ? [] : await prisma.user.findMany({ where: { id: { in: [...new Set(userIds)] } }, select: { id: true, name: true } });
  const nameOf = (id: string | null) => (id === null ? null : (users.find((u) => u.id === id)?.name ?? null));

  const kind = f.indicator.kind;
  const show = (a: { numerator: { toNumber(): number } | null; denominator: { toNumber(): number } | null; value: { toNumber(): number } | null }) => {
    const amounts = { numerator: num(a.numerator), denominator: num(a.denominator), value: num(a.value) };
    return { valueText: formatFigureNumber(kind, f.indicator.unitVi, figureNumber(kind, amounts)), partsText: kind === "RATIO" ? formatRatioParts(amounts) : null };
  };
  const quarter = makeQuarter(f.period.year, f.period.quarter);

  return {
    figure: {
      id: f.id,
      status: f.status,
      version: f.version,
      ...show(f),
      comment: f.comment,
      reviewComment: f.reviewComment,
      isDemo: f.isDemo,
      submittedAt: f.submittedAt,
      reviewedAt: f.reviewedAt,
      reviewedBy: nameOf(f.reviewedById),
      createdAt: f.createdAt,
      updatedAt: f.updatedAt,
      updatedBy: nameOf(f.updatedById),
    },
    indicator: f.indicator,
    sector: f.sector,
    unit: f.unit,
    period: { quarter, label: formatQuarter(quarter, "vi"), status: f.period.status },
    department: f.department,
    publications: f.publications.map((p) => ({
      revision: p.revision,
      ...show(p),
      approvedBy: nameOf(p.approvedById),
      approvedAt: p.approvedAt,
      supersededAt: p.supersededAt,
      withdrawnAt: p.withdrawnAt,
      withdrawnBy: nameOf(p.withdrawnById),
      withdrawalReason: p.withdrawalReason,
      isDemo: p.isDemo,
    })),
    events: events.map((e) => ({ ...e, id: e.id.toString() })),
  };
}

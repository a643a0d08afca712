/**
 * The columns of a figure that every reader of the workflow needs: the entry
 * grid (lib/data/entry.ts, which adds isDemo) and the services that write and
 * review figures (lib/services/figures.ts). A constant with no I/O, kept in
 * the read layer so that reads never import a service (ADR 020).
 */
import type { Prisma } from "@/lib/generated/prisma/client";

/** The figure state every reader of the workflow needs (the entry grid adds isDemo). */
export const FIGURE_SELECT = {
  id: true,
  indicatorId: true,
  unitId: true,
  periodId: true,
  sectorId: true,
  numerator: true,
  denominator: true,
  value: true,
  comment: true,
  observationStatus: true,
  sourceDocument: true,
  status: true,
  version: true,
  reviewComment: true,
  updatedAt: true,
  updatedById: true,
} as const satisfies Prisma.FigureSelect;

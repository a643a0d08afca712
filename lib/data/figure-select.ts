/**
 * The columns of a figure that every reader of the workflow needs: the entry
 * grid (lib/data/entry.ts, which adds isDemo) and the services that write and
 * review figures (lib/services/figures.ts). A constant with no I/O, kept in
 * the read layer so that reads never import a service (ADR 020).
 */
import type { Prisma } from "@/lib/generated/prisma/client";

/** A figure's content (FigureContent in lib/validations/figure.ts): what an editor enters and a publication carries. */
export const FIGURE_CONTENT_SELECT = {
  numerator: true,
  denominator: true,
  value: true,
  comment: true,
  observationStatus: true,
  sourceDocument: true,
} as const satisfies Prisma.FigureSelect;

/** The figure state every reader of the workflow needs (the entry grid adds isDemo). */
export const FIGURE_SELECT = {
  id: true,
  indicatorId: true,
  unitId: true,
  periodId: true,
  sectorId: true,
  ...FIGURE_CONTENT_SELECT,
  status: true,
  version: true,
  reviewComment: true,
  updatedAt: true,
  updatedById: true,
} as const satisfies Prisma.FigureSelect;

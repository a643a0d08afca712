/** Reads of /quan-tri/an-ban: the editions recorded, and the indicators one can be recorded for. */
import "server-only";
import { prisma } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";

export interface EditionRow {
  id: number;
  indicatorCode: string;
  indicatorName: string;
  referenceYear: number;
  publishedOn: Date;
  rankedUnits: number | null;
  sourceVi: string;
  isDemo: boolean;
}

export async function getEditionsForAdmin(actor: Actor): Promise<{ editions: EditionRow[]; indicators: { id: number; code: string; nameVi: string; kind: string }[] }> {
  assertCan(actor, "admin.indicators");
  const [editions, indicators] = await Promise.all([
    prisma.indicatorEdition.findMany({
      orderBy: [{ indicator: { sortOrder: "asc" } }, { referenceYear: "desc" }],
      select: { id: true, referenceYear: true, publishedOn: true, rankedUnits: true, sourceVi: true, isDemo: true, indicator: { select: { code: true, nameVi: true } } },
    }),
    prisma.indicator.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, nameVi: true, kind: true } }),
  ]);
  return {
    editions: editions.map(({ indicator, ...e }) => ({ ...e, indicatorCode: indicator.code, indicatorName: indicator.nameVi })),
    indicators,
  };
}

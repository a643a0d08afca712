/**
 * Editions of yearly indices as administrators record them (IndicatorEdition,
 * issue #14, item 9): the DTI of year Y, published during Y + 1, ranking so
 * many provinces. A quarter's figure of that indicator is placed at the year
 * of the latest edition published by the quarter's last day, so recording an
 * edition moves figures already entered: every change is audited, and the
 * public pages follow through the cache epoch (the table's trigger).
 */
import { DomainError, fieldError } from "@/lib/errors";
import { defineWrite, type Service } from "@/lib/services/write";
import { writeAudit } from "@/lib/audit";
import { isoDay } from "@/lib/validations/admin-common";
import { EDITION_MESSAGES, createEditionSchema, removeEditionSchema } from "@/lib/validations/admin-editions";

export interface EditionState {
  id: number;
  indicatorCode: string;
  referenceYear: number;
}

/** What the audit keeps of an edition: readable without the indicator's id. */
function auditView(e: { referenceYear: number; publishedOn: Date; rankedUnits: number | null; sourceVi: string }, indicatorCode: string) {
  return { indicatorCode, referenceYear: e.referenceYear, publishedOn: isoDay(e.publishedOn), rankedUnits: e.rankedUnits, sourceVi: e.sourceVi };
}

export const createEdition: Service<EditionState> = defineWrite("admin.indicators", createEditionSchema, async (tx, data, actor) => {
  const indicator = await tx.indicator.findUnique({ where: { id: data.indicatorId }, select: { id: true, code: true, kind: true } });
  if (!indicator) throw fieldError("NOT_FOUND", "indicatorId", EDITION_MESSAGES.indicatorNotFound);
  if (data.rankedUnits !== null && indicator.kind !== "RANK") {
    throw fieldError("INVALID_INPUT", "rankedUnits", EDITION_MESSAGES.rankedNotRank);
  }
  // The unique index decides between two concurrent requests; this check gives the usual case its message.
  const taken = await tx.indicatorEdition.findUnique({ where: { indicatorId_referenceYear: { indicatorId: indicator.id, referenceYear: data.referenceYear } }, select: { id: true } });
  if (taken) throw fieldError("DUPLICATE", "referenceYear", EDITION_MESSAGES.duplicate);
  const created = await tx.indicatorEdition.create({
    data: { indicatorId: indicator.id, referenceYear: data.referenceYear, publishedOn: data.publishedOn, rankedUnits: data.rankedUnits, sourceVi: data.sourceVi },
  });
  await writeAudit(tx, { actor, action: "EDITION_ADDED", entityType: "IndicatorEdition", entityId: created.id, after: auditView(created, indicator.code) });
  return { id: created.id, indicatorCode: indicator.code, referenceYear: created.referenceYear };
});

export const removeEdition: Service<EditionState> = defineWrite("admin.indicators", removeEditionSchema, async (tx, data, actor) => {
  const edition = await tx.indicatorEdition.findUnique({ where: { id: data.editionId }, include: { indicator: { select: { code: true } } } });
  if (!edition) throw new DomainError("NOT_FOUND", EDITION_MESSAGES.editionNotFound);
  // deleteMany: a concurrent removal deletes nothing here, and is told so.
  const { count } = await tx.indicatorEdition.deleteMany({ where: { id: edition.id } });
  if (count === 0) throw new DomainError("NOT_FOUND", EDITION_MESSAGES.editionNotFound);
  await writeAudit(tx, {
    actor,
    action: "EDITION_REMOVED",
    entityType: "IndicatorEdition",
    entityId: edition.id,
    before: auditView(edition, edition.indicator.code),
    reason: data.reason,
  });
  return { id: edition.id, indicatorCode: edition.indicator.code, referenceYear: edition.referenceYear };
});

/**
 * Programmes as administrators record them (issue #15, ADR 032): a new one
 * (the next resolution, a national programme), and its status — ended,
 * superseded by another, or in force again. Which programmes are judged
 * follows from scope (PROVINCE), so a change moves verdicts on the public
 * pages: every change is audited, and the pages follow through the cache epoch
 * (the table's trigger).
 */
import { DomainError, fieldError } from "@/lib/errors";
import { HOME_PROVINCE_CODE } from "@/lib/geography";
import { programmeWithSameSlug } from "@/lib/data/programmes";
import { defineWrite, type Service, type Tx } from "@/lib/services/write";
import { writeAudit } from "@/lib/audit";
import { PROGRAMME_MESSAGES, createProgrammeSchema, setProgrammeStatusSchema } from "@/lib/validations/admin-programmes";

export interface ProgrammeState {
  id: number;
  code: string;
  status: "IN_FORCE" | "ENDED" | "SUPERSEDED";
}

export const createProgramme: Service<ProgrammeState> = defineWrite("admin.indicators", createProgrammeSchema, async (tx, data, actor) => {
  // The unique index decides between two concurrent requests; this check gives the usual case its message.
  if (await tx.programme.findUnique({ where: { code: data.code }, select: { id: true } })) {
    throw fieldError("CODE_TAKEN", "code", PROGRAMME_MESSAGES.codeTaken);
  }
  const sameSlug = await programmeWithSameSlug(tx, data.code);
  if (sameSlug) throw fieldError("CODE_TAKEN", "code", PROGRAMME_MESSAGES.slugTaken(sameSlug.code, sameSlug.slug));
  // A provincial programme is this deployment's province's (DX_PROVINCE_CODE).
  const provinceCode = data.scope === "PROVINCE" ? HOME_PROVINCE_CODE : null;
  const created = await tx.programme.create({ data: { ...data, provinceCode, status: "IN_FORCE" } });
  await writeAudit(tx, {
    actor,
    action: "PROGRAMME_CREATED",
    entityType: "Programme",
    entityId: created.id,
    after: { ...data, issuedOn: data.issuedOn?.toISOString().slice(0, 10) ?? null, provinceCode, status: created.status },
  });
  return { id: created.id, code: created.code, status: created.status };
});

/**
 * Changes of succession run one at a time: a loop can be closed by two changes
 * that each lock a different programme (A by B, and B by A), so a row lock does
 * not keep them apart; this transaction-scoped lock does, and the second reads
 * the chain the first committed.
 */
const SUCCESSION_LOCK_KEY = 0x64787073; // "dxps"

/**
 * Whether following "superseded by" from `from` reaches `to`: then making `to`
 * superseded by `from` would close a loop, and no programme of it would be the
 * one in force.
 */
async function leadsTo(tx: Tx, from: number, to: number): Promise<boolean> {
  const rows = await tx.$queryRaw<{ found: boolean }[]>`
    WITH RECURSIVE chain(id) AS (
      SELECT "supersededById" FROM "Programme" WHERE id = ${from} AND "supersededById" IS NOT NULL
      UNION
      SELECT p."supersededById" FROM "Programme" p JOIN chain ON p.id = chain.id WHERE p."supersededById" IS NOT NULL
    )
    SELECT EXISTS (SELECT 1 FROM chain WHERE id = ${to}) AS found`;
  return rows[0]?.found === true;
}

export const setProgrammeStatus: Service<ProgrammeState> = defineWrite("admin.indicators", setProgrammeStatusSchema, async (tx, data, actor) => {
  // FOR UPDATE: two changes of one programme run one after the other, each auditing the status it replaced.
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Programme" WHERE id = ${data.programmeId} FOR UPDATE`;
  if (locked.length === 0) throw new DomainError("NOT_FOUND", PROGRAMME_MESSAGES.notFound);
  const before = await tx.programme.findUniqueOrThrow({ where: { id: data.programmeId }, select: { id: true, code: true, scope: true, status: true, supersededBy: { select: { id: true, code: true } } } });
  if (before.status === data.status && (before.supersededBy?.id ?? null) === data.supersededById) throw new DomainError("NO_CHANGE", PROGRAMME_MESSAGES.sameStatus);
  const successor = data.supersededById === null ? null : await tx.programme.findUnique({ where: { id: data.supersededById }, select: { id: true, code: true, scope: true } });
  if (data.supersededById !== null && !successor) throw fieldError("INVALID_INPUT", "supersededById", PROGRAMME_MESSAGES.successorMissing);
  if (successor) {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SUCCESSION_LOCK_KEY})`);
    if (successor.scope !== before.scope) throw fieldError("INVALID_INPUT", "supersededById", PROGRAMME_MESSAGES.successorScope);
    if (await leadsTo(tx, successor.id, before.id)) throw fieldError("INVALID_INPUT", "supersededById", PROGRAMME_MESSAGES.successorCycle);
  }
  const after = await tx.programme.update({
    where: { id: before.id },
    data: { status: data.status, supersededById: successor?.id ?? null },
    select: { id: true, code: true, status: true },
  });
  await writeAudit(tx, {
    actor,
    action: "PROGRAMME_STATUS_CHANGED",
    entityType: "Programme",
    entityId: before.id,
    before: { code: before.code, status: before.status, supersededBy: before.supersededBy?.code ?? null },
    after: { code: after.code, status: after.status, supersededBy: successor?.code ?? null },
    reason: data.reason,
  });
  return after;
});

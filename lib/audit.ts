/**
 * The append-only audit trail. Written inside the same transaction as the
 * change it records, so there is never a change without its row or a row
 * without its change.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "auditLog">;

export interface AuditEntry {
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** JSON-safe copy: Decimals and BigInts become strings, Dates ISO strings. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorLabel: entry.actor?.name ?? "hệ thống",
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: toJson(entry.before),
      after: toJson(entry.after),
      reason: entry.reason ?? null,
    },
  });
}

type RawTx = Pick<Prisma.TransactionClient, "$executeRawUnsafe">;

/**
 * Many audit rows in one statement (the spreadsheet import writes one per
 * changed figure, up to 150,000): the same columns and the same JSON as
 * writeAudit, by one actor, for one action and entity type.
 */
export async function writeAuditMany(
  tx: RawTx,
  common: { actor: { id: string; name: string } | null; action: string; entityType: string; reason?: string | null },
  entries: readonly { entityId: string | number; before?: unknown; after?: unknown }[],
): Promise<void> {
  if (entries.length === 0) return;
  // One JSON parameter for the whole batch, unpacked by the server (cheaper than per-row parameters).
  // The same JSON-safe copy as toJson (Decimals and BigInts as strings, Dates as ISO), in one pass.
  const payload = JSON.stringify(
    entries.map((e) => ({ id: String(e.entityId), b: e.before ?? null, a: e.after ?? null })),
    (_key, v) => (typeof v === "bigint" ? v.toString() : v),
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO "AuditLog" ("actorId", "actorLabel", action, "entityType", "entityId", before, after, reason)
     SELECT $1::uuid, $2, $3, $4, e.id, e.b, e.a, $5
     FROM json_to_recordset($6::json) AS e(id text, b jsonb, a jsonb)`,
    common.actor?.id ?? null,
    common.actor?.name ?? "hệ thống",
    common.action,
    common.entityType,
    common.reason ?? null,
    payload,
  );
}

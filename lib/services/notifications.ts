/**
 * A user marks their own notifications read (ADR 030). Nobody reads or marks another's:
 * every statement is limited to the actor's own rows. Audited like every write.
 */
import type { PrismaClient } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { parseInput } from "@/lib/validations/parse";
import { markAllNotificationsReadSchema, markNotificationReadSchema, NOTIFICATION_MESSAGES } from "@/lib/validations/notifications";

export interface MarkReadResult {
  /** How many changed from unread to read. */
  marked: number;
}

export async function markNotificationRead(db: PrismaClient, actor: Actor, input: unknown): Promise<MarkReadResult> {
  assertCan(actor, "notification.read");
  const { id } = parseInput(markNotificationReadSchema, input);
  return db.$transaction(async (tx) => {
    const row = await tx.notification.findFirst({ where: { id, userId: actor.id }, select: { id: true, readAt: true } });
    if (!row) throw new DomainError("NOT_FOUND", NOTIFICATION_MESSAGES.notFound);
    if (row.readAt) return { marked: 0 };
    const readAt = new Date();
    const { count } = await tx.notification.updateMany({ where: { id, userId: actor.id, readAt: null }, data: { readAt } });
    if (count > 0) {
      await writeAudit(tx, { actor, action: "NOTIFICATION_READ", entityType: "Notification", entityId: id, before: { readAt: null }, after: { readAt } });
    }
    return { marked: count };
  });
}

export async function markAllNotificationsRead(db: PrismaClient, actor: Actor, input: unknown): Promise<MarkReadResult> {
  assertCan(actor, "notification.read");
  const { upTo } = parseInput(markAllNotificationsReadSchema, input);
  return db.$transaction(async (tx) => {
    const readAt = new Date();
    const { count } = await tx.notification.updateMany({ where: { userId: actor.id, readAt: null, createdAt: { lte: upTo } }, data: { readAt } });
    if (count > 0) {
      await writeAudit(tx, {
        actor,
        action: "NOTIFICATIONS_READ_ALL",
        entityType: "User",
        entityId: actor.id,
        after: { marked: count, upTo: upTo.toISOString(), readAt },
      });
    }
    return { marked: count };
  });
}

/**
 * Reads of /thong-bao and the staff header: a user's own notifications, newest first, and how
 * many are unread. Only ever the actor's own rows.
 */
// No "server-only" marker: the dashboard pages read through this module in getServerSideProps
// (Pages Router, ADR 035), where Next refuses that marker. Never import it from a client component.
import { prisma } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

/** The list shows the newest this many; older ones stay in the database. */
export const NOTIFICATION_PAGE_SIZE = 100;

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  textVi: string;
  textEn: string;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

export interface NotificationList {
  rows: NotificationRow[];
  unread: number;
  total: number;
}

export async function getNotifications(actor: Actor): Promise<NotificationList> {
  assertCan(actor, "notification.read");
  const [rows, unread, total] = await Promise.all([
    prisma.notification.findMany({
      where: { userId: actor.id },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: NOTIFICATION_PAGE_SIZE,
      select: { id: true, kind: true, textVi: true, textEn: true, link: true, createdAt: true, readAt: true },
    }),
    prisma.notification.count({ where: { userId: actor.id, readAt: null } }),
    prisma.notification.count({ where: { userId: actor.id } }),
  ]);
  return { rows, unread, total };
}

/** The header's count; 0 for a role without the permission (none today) or a password change pending. */
export async function getUnreadCount(actor: Actor): Promise<number> {
  if (actor.mustChangePassword) return 0;
  return prisma.notification.count({ where: { userId: actor.id, readAt: null } });
}

/**
 * Writing notifications inside the transaction of the event that causes them (ADR 030): a
 * rolled-back rejection leaves no notification and no e-mail. Who is told is decided here
 * (recipients.ts has the scope rules); the services only say what happened.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { enqueueMail, mailQueueRunning } from "@/lib/notifications/queue";
import { approversCovering, editorsOfFigures, type FigureCell } from "@/lib/notifications/recipients";
import { rejectedText, submittedText, withdrawnText, type NotificationText } from "@/lib/notifications/texts";
import { makeQuarter, type Quarter } from "@/lib/period/quarter";

type Tx = Prisma.TransactionClient;

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  text: NotificationText;
  figureId?: number | null;
  periodId?: number | null;
  /** Written at most once: a second row with the same key is not written (nor mailed). */
  dedupeKey?: string | null;
}

/**
 * Writes the notifications of active users (a disabled account is told nothing) and, when this
 * process mails, queues their e-mails in the same transaction. Demo accounts are never mailed
 * (their addresses are invented). Returns the ids written.
 */
export async function recordNotifications(tx: Tx, items: readonly NewNotification[]): Promise<string[]> {
  if (items.length === 0) return [];
  const users = await tx.user.findMany({
    where: { id: { in: [...new Set(items.map((i) => i.userId))] }, disabledAt: null },
    select: { id: true, email: true, isDemo: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  const mail = mailQueueRunning();
  const data = items.flatMap((item) => {
    const user = byId.get(item.userId);
    if (!user) return [];
    const mailed = mail && !user.isDemo;
    return [
      {
        id: randomUUID(),
        userId: item.userId,
        kind: item.kind,
        textVi: item.text.textVi,
        textEn: item.text.textEn,
        link: item.text.link,
        figureId: item.figureId ?? null,
        periodId: item.periodId ?? null,
        dedupeKey: item.dedupeKey ?? null,
        emailState: mailed ? ("PENDING" as const) : ("NONE" as const),
        emailTo: mailed ? user.email : null,
      },
    ];
  });
  if (data.length === 0) return [];
  const written = await tx.notification.createManyAndReturn({ data, skipDuplicates: true, select: { id: true, emailState: true } });
  await enqueueMail(
    tx,
    written.filter((w) => w.emailState === "PENDING").map((w) => w.id),
  );
  return written.map((w) => w.id);
}

/** A figure as the notifications name it. */
export interface NotifiedFigure extends FigureCell {
  id: number;
  periodId: number;
  period: { year: number; quarter: number };
  /** "Tỷ lệ … (Y tế) — Xã A" */
  label: string;
  createdById: string | null;
  updatedById: string | null;
}

export const NOTIFIED_FIGURE_SELECT = {
  id: true,
  indicatorId: true,
  unitId: true,
  periodId: true,
  createdById: true,
  updatedById: true,
  indicator: { select: { nameVi: true, responsibleDepartmentId: true } },
  unit: { select: { name: true } },
  sector: { select: { nameVi: true } },
  period: { select: { year: true, quarter: true } },
} as const satisfies Prisma.FigureSelect;

/** Reads the figures as the notifications name them, inside the event's transaction. */
export async function loadNotifiedFigures(tx: Tx, ids: readonly number[]): Promise<NotifiedFigure[]> {
  const rows = await tx.figure.findMany({ where: { id: { in: [...ids] } }, select: NOTIFIED_FIGURE_SELECT, orderBy: { id: "asc" } });
  return rows.map((f) => ({
    id: f.id,
    indicatorId: f.indicatorId,
    unitId: f.unitId,
    periodId: f.periodId,
    departmentId: f.indicator.responsibleDepartmentId,
    period: f.period,
    label: `${f.indicator.nameVi}${f.sector ? ` (${f.sector.nameVi})` : ""} — ${f.unit.name}`,
    createdById: f.createdById,
    updatedById: f.updatedById,
  }));
}

function quarterOf(f: NotifiedFigure): Quarter {
  return makeQuarter(f.period.year, f.period.quarter);
}

/** Groups figures by a key (a recipient × a period), keeping the figures' order. */
function groupBy<T>(items: readonly T[], keys: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/** What a notification about several figures of one quarter names. */
interface AboutFigures {
  quarter: Quarter;
  labels: string[];
  figureId: number;
}

/** One notification per recipient and quarter, naming that quarter's figures (a single figure is linked to itself). */
async function notifyPerRecipientAndQuarter(
  tx: Tx,
  figures: readonly NotifiedFigure[],
  recipients: (f: NotifiedFigure) => string[],
  kind: NotificationKind,
  text: (about: AboutFigures) => NotificationText,
): Promise<void> {
  const groups = groupBy(figures, (f) => recipients(f).map((id) => `${id}|${f.periodId}`));
  await recordNotifications(
    tx,
    [...groups].map(([key, list]) => {
      const first = list[0]!;
      return {
        userId: key.split("|")[0]!,
        kind,
        text: text({ quarter: quarterOf(first), labels: list.map((f) => f.label), figureId: first.id }),
        figureId: list.length === 1 ? first.id : null,
        periodId: first.periodId,
      };
    }),
  );
}

/** Submission: the approvers whose scope covers the figures are told, one notification per approver and quarter. */
export async function notifySubmitted(tx: Tx, actor: { id: string; name: string }, figureIds: readonly number[]): Promise<void> {
  const figures = await loadNotifiedFigures(tx, figureIds);
  const covering = await approversCovering(tx, figures);
  const recipients = (f: NotifiedFigure) => (covering.get(f.id) ?? []).filter((id) => id !== actor.id);
  await notifyPerRecipientAndQuarter(tx, figures, recipients, "FIGURES_SUBMITTED", (about) => submittedText(actor.name, about));
}

/** Rejection: each figure's editors (who entered it, who submitted it) are told, one notification per editor and quarter. */
export async function notifyRejected(tx: Tx, actor: { id: string; name: string }, figureIds: readonly number[], comment: string): Promise<void> {
  const figures = await loadNotifiedFigures(tx, figureIds);
  const recipients = (f: NotifiedFigure) => editorsOfFigures(f, actor.id);
  await notifyPerRecipientAndQuarter(tx, figures, recipients, "FIGURES_REJECTED", (about) => rejectedText(actor.name, about, comment));
}

/** A withdrawn publication: the figure's editors are told, with the reason. */
export async function notifyWithdrawn(tx: Tx, actor: { id: string; name: string }, figureId: number, reason: string): Promise<void> {
  const [figure] = await loadNotifiedFigures(tx, [figureId]);
  if (!figure) return;
  await recordNotifications(
    tx,
    editorsOfFigures(figure, actor.id).map((userId) => ({
      userId,
      kind: "PUBLICATION_WITHDRAWN" as const,
      text: withdrawnText(actor.name, figure.id, figure.label, quarterOf(figure), reason),
      figureId: figure.id,
      periodId: figure.periodId,
    })),
  );
}


/**
 * The notifications' queue (ADR 030): pg-boss on the app's own PostgreSQL (schema "pgboss"),
 * through the app's own connection pool — no second pool, so the embedded PGlite's connection
 * limit holds. Two queues:
 *
 * - "notification-email": one job per notification to mail, written by pg-boss in the
 *   transaction of the event (enqueueMail), so it exists exactly when the notification does; a
 *   worker sends it after commit, with retries (lib/notifications/mail.ts). Only with SMTP_URL.
 * - "deadline-reminders": a pg-boss schedule (cron); pg-boss sends each scheduled slot once
 *   whatever the number of instances, and the reminders themselves are written once per period
 *   and editor by a unique key (lib/notifications/reminders.ts).
 *
 * Every instance starts it (instrumentation.ts); every instance works both queues (pg-boss
 * fetches with SKIP LOCKED: a job goes to one of them).
 */
import PgBoss from "pg-boss";
import type pg from "pg";
import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createMailer, deliverNotificationEmail, type Mailer, type MailSettings } from "@/lib/notifications/mail";
import { runDeadlineReminders } from "@/lib/notifications/reminders";

export const MAIL_QUEUE = "notification-email";
export const REMINDER_QUEUE = "deadline-reminders";
/** pg-boss's own schema; never the app's. */
export const QUEUE_SCHEMA = "pgboss";
/** Attempts of one e-mail (the first and the retries): 5, spaced 30 s, 1 min, 2 min, 4 min (backoff). */
export const MAIL_ATTEMPTS = 5;
/** Every hour at minute 5, Vietnam time: a reminder goes out within the hour its day begins. */
const REMINDER_CRON = "5 * * * *";

export interface QueueSettings {
  /** Unset: notifications stay in the app. */
  mail?: MailSettings;
  /** Days before a deadline; 0: no reminders. */
  reminderDaysBefore: number;
  /** How often a worker looks for jobs (seconds); pg-boss's default is 2. */
  pollingIntervalSeconds?: number;
}

interface Running {
  boss: PgBoss;
  mailer: Mailer | null;
}

const globalForQueue = globalThis as unknown as { dxNotificationQueue?: Running };

/** pg-boss's database interface on a node-postgres pool. */
function poolDb(pool: pg.Pool): PgBoss.Db {
  return { executeSql: (text, values) => pool.query(text, values) };
}

/** pg-boss's database interface inside a Prisma transaction: its INSERT commits or rolls back with the event. */
function transactionDb(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      // node-postgres writes an object parameter as JSON; Prisma's raw queries take strings.
      const params = (values ?? []).map((v: unknown) => (v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v));
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...params) };
    },
  };
}

/**
 * Starts the queue on this process's pool: creates pg-boss's schema and the queues (idempotent,
 * under pg-boss's own advisory lock), the mail worker when SMTP is configured, the reminders'
 * schedule and worker when reminders are on. Safe to call again: the second call is a no-op.
 */
export async function startNotificationQueue(db: PrismaClient, pool: pg.Pool, settings: QueueSettings): Promise<void> {
  if (globalForQueue.dxNotificationQueue) return;
  const boss = new PgBoss({
    db: poolDb(pool),
    schema: QUEUE_SCHEMA,
    // Finished jobs are kept a week (the e-mail's own state is on the notification row).
    deleteAfterDays: 7,
  } as PgBoss.ConstructorOptions);
  boss.on("error", (error) => console.error("[thông báo] hàng đợi:", error));
  await boss.start();
  const polling = { pollingIntervalSeconds: settings.pollingIntervalSeconds ?? 2 };

  await boss.createQueue(MAIL_QUEUE, { name: MAIL_QUEUE, retryLimit: MAIL_ATTEMPTS - 1, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 });
  const mailer = settings.mail ? createMailer(settings.mail) : null;
  if (mailer) {
    await boss.work<{ notificationId: string }>(MAIL_QUEUE, polling, async ([job]) => {
      if (job) await deliverNotificationEmail(db, mailer, job.data.notificationId, MAIL_ATTEMPTS);
    });
  }

  await boss.createQueue(REMINDER_QUEUE, { name: REMINDER_QUEUE, retryLimit: 2, retryDelay: 60, expireInSeconds: 600 });
  if (settings.reminderDaysBefore > 0) {
    await boss.schedule(REMINDER_QUEUE, REMINDER_CRON, {}, { tz: "Asia/Ho_Chi_Minh" });
    await boss.work(REMINDER_QUEUE, polling, async () => {
      await runDeadlineReminders(db, new Date(), settings.reminderDaysBefore);
    });
  } else {
    await boss.unschedule(REMINDER_QUEUE);
  }
  globalForQueue.dxNotificationQueue = { boss, mailer };
}

/** Stops the workers (waiting for a running job) and forgets the queue; the pool stays the caller's. */
export async function stopNotificationQueue(): Promise<void> {
  const running = globalForQueue.dxNotificationQueue;
  if (!running) return;
  globalForQueue.dxNotificationQueue = undefined;
  await running.boss.stop({ graceful: true, wait: true, close: false });
  running.mailer?.close();
}

/** Whether notifications written by this process are mailed: the queue runs here with SMTP configured. */
export function mailQueueRunning(): boolean {
  return globalForQueue.dxNotificationQueue?.mailer != null;
}

/**
 * Queues the e-mails of notifications inside the transaction that writes them: the job's id is
 * the notification's, so it is queued once (pg-boss inserts with ON CONFLICT DO NOTHING).
 */
export async function enqueueMail(tx: Prisma.TransactionClient, notificationIds: readonly string[]): Promise<void> {
  const running = globalForQueue.dxNotificationQueue;
  if (!running?.mailer || notificationIds.length === 0) return;
  const db = transactionDb(tx);
  for (const id of notificationIds) {
    await running.boss.send(MAIL_QUEUE, { notificationId: id }, { id, db });
  }
}

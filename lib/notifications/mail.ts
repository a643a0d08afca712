/**
 * Sending a notification's e-mail (ADR 030), called by the queue's worker after the event's
 * transaction committed — never inside it, and never on the user's request path.
 *
 * At most once, as far as SMTP allows: a worker first claims the row (a lease of
 * CLAIM_MINUTES, so a second worker or a retried job does not send it meanwhile), sends, then
 * marks it SENT. Only a crash between the SMTP server's acceptance and that mark can send it
 * twice. A failure frees the claim and throws, so pg-boss retries it later; after the last
 * attempt the row says FAILED and why.
 */
import nodemailer from "nodemailer";
import type { PrismaClient } from "@/lib/db/client";
import { mailContent, type NotificationKindName } from "@/lib/notifications/texts";

export interface MailSettings {
  /** smtp://… or smtps://… */
  smtpUrl: string;
  from: string;
  /** The app's public address, the base of the links. */
  baseUrl: string;
}

export interface Mailer {
  settings: MailSettings;
  send(message: { to: string; subject: string; text: string; html: string }): Promise<void>;
  close(): void;
}

const CLAIM_MINUTES = 5;

export function createMailer(settings: MailSettings): Mailer {
  const transport = nodemailer.createTransport(settings.smtpUrl, {
    // A slow or silent server fails the attempt (and it is retried) instead of holding the worker.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  } as never);
  return {
    settings,
    async send(message) {
      await transport.sendMail({ from: settings.from, ...message });
    },
    close() {
      transport.close();
    },
  };
}

interface Claimed {
  id: string;
  kind: NotificationKindName;
  textVi: string;
  textEn: string;
  link: string;
  emailTo: string;
  createdAt: Date;
  emailAttempts: number;
}

/**
 * Sends the e-mail of one notification, unless it was sent, gave up or is being sent by
 * another worker. Throws on a failure that will be retried.
 */
export async function deliverNotificationEmail(db: PrismaClient, mailer: Mailer, notificationId: string, maxAttempts: number): Promise<"sent" | "skipped" | "failed"> {
  const [row] = await db.$queryRaw<Claimed[]>`
    UPDATE "Notification"
       SET "emailClaimedAt" = now(), "emailAttempts" = "emailAttempts" + 1
     WHERE id = ${notificationId}::uuid AND "emailState" = 'PENDING'
       AND ("emailClaimedAt" IS NULL OR "emailClaimedAt" < now() - make_interval(mins => ${CLAIM_MINUTES}))
 RETURNING id, kind::text AS kind, "textVi", "textEn", link, "emailTo", "createdAt", "emailAttempts"`;
  if (!row) return "skipped";
  const content = mailContent(row.kind, { textVi: row.textVi, textEn: row.textEn, link: row.link }, mailer.settings.baseUrl, row.createdAt);
  try {
    await mailer.send({ to: row.emailTo, ...content });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const last = row.emailAttempts >= maxAttempts;
    await db.notification.update({
      where: { id: row.id },
      data: { emailClaimedAt: null, emailError: message, ...(last ? { emailState: "FAILED" } : {}) },
    });
    if (last) {
      console.error(`[thông báo] bỏ gửi thư ${row.id} sau ${row.emailAttempts} lần: ${message}`);
      return "failed";
    }
    throw error;
  }
  await db.notification.update({ where: { id: row.id }, data: { emailState: "SENT", emailSentAt: new Date(), emailClaimedAt: null, emailError: null } });
  return "sent";
}

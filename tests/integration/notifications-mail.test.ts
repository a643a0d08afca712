/**
 * Notifications by e-mail (ADR 030) through a real SMTP conversation: the suite starts its own
 * SMTP server (smtp-server) on 127.0.0.1, the app's queue (pg-boss on the scratch database,
 * through the app's pool) with SMTP_URL pointing at it, and reads what arrives with mailparser.
 * A rejection's e-mail arrives once, after commit, with its subject, recipient and link; a
 * refusing SMTP server costs the user nothing and the mail is retried; a reminder run by two
 * workers at once is mailed once.
 */
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { PrismaClient } from "@/lib/db/client";
import { poolOf } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { submitFigures } from "@/lib/services/figures";
import { rejectFigures } from "@/lib/services/review";
import { MAIL_QUEUE, QUEUE_SCHEMA, startNotificationQueue, stopNotificationQueue } from "@/lib/notifications/queue";
import { createMailer, deliverNotificationEmail } from "@/lib/notifications/mail";
import { runDeadlineReminders } from "@/lib/notifications/reminders";
import { actorByEmail, NOW, setupFigureDatabase, type FigureTestDb } from "./figures-fixtures";

const BASE_URL = "https://dx.example.vn";
const EDITOR_EMAIL = "nguyen.van.a@example.vn";

let t: FigureTestDb;
let db: PrismaClient;
let server: SMTPServer;
let smtpUrl: string;
let editor: Actor;
const received: { to: string[]; mail: ParsedMail }[] = [];
/** While set, the server refuses every message with a temporary error. */
let refuse = false;

async function waitFor<T>(what: string, read: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  t = await setupFigureDatabase("notifymail", 6);
  db = t.prisma;
  // A real (not demo) account: demo accounts are never mailed, their addresses are invented.
  await db.user.update({ where: { id: t.actors.editor.id }, data: { isDemo: false, email: EDITOR_EMAIL } });
  editor = await actorByEmail(db, EDITOR_EMAIL);

  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refuse) return callback(Object.assign(new Error("Hộp thư tạm thời không nhận thư"), { responseCode: 451 }));
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        }, callback);
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;

  await startNotificationQueue(db, poolOf(db)!, {
    reminderDaysBefore: 0,
    pollingIntervalSeconds: 0.5,
    mail: { smtpUrl, from: "Theo dõi CĐS <khong-tra-loi@example.vn>", baseUrl: BASE_URL },
  });
}, 120_000);

afterAll(async () => {
  await stopNotificationQueue();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await t?.close();
});

async function submittedFigureOfEditor() {
  const found = await db.figure.findFirstOrThrow({
    where: { status: { not: "APPROVED" }, period: { status: "OPEN" }, indicator: { responsibleDepartmentId: editor.departmentId! }, reviewComment: null },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  const draft = await db.figure.update({ where: { id: found.id }, data: { status: "DRAFT", version: { increment: 1 }, reviewComment: "chuẩn bị" }, select: { id: true, version: true } });
  await submitFigures(db, editor, { figures: [{ id: draft.id, version: draft.version }] }, { now: NOW });
  return { id: draft.id, version: draft.version + 1 };
}

describe("e-mail", () => {
  it("a rejection is mailed to the editor once, after commit: Vietnamese subject, the recipient, a link to the figure on the public address", async () => {
    const figure = await submittedFigureOfEditor();
    const comment = "Thiếu tài liệu nguồn, đề nghị bổ sung.";
    await rejectFigures(db, t.actors.approver, { items: [{ figureId: figure.id, version: figure.version }], comment });

    const notification = await db.notification.findFirstOrThrow({ where: { kind: "FIGURES_REJECTED", figureId: figure.id } });
    expect(notification).toMatchObject({ userId: editor.id, emailTo: EDITOR_EMAIL });
    const message = await waitFor("the rejection's e-mail", () => received.find((m) => m.mail.text?.includes(comment)));
    expect(message.to).toEqual([EDITOR_EMAIL]);
    expect(message.mail.subject).toBe("[Theo dõi CĐS] Số liệu bị từ chối");
    expect(message.mail.from?.text).toContain("khong-tra-loi@example.vn");
    expect(message.mail.text).toContain(`${BASE_URL}/so-lieu/${figure.id}`);
    expect(message.mail.text).toContain(t.actors.approver.name);
    expect(message.mail.text).toContain("rejected 1 figure of yours");
    expect(message.mail.html).toContain(`href="${BASE_URL}/so-lieu/${figure.id}"`);

    const sent = await waitFor("SENT", async () => {
      const row = await db.notification.findUniqueOrThrow({ where: { id: notification.id } });
      return row.emailState === "SENT" ? row : undefined;
    });
    expect(sent.emailAttempts).toBe(1);
    // The job is pg-boss's, keyed by the notification: queued once.
    const jobs = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND id = $2::uuid`, MAIL_QUEUE, notification.id);
    expect(jobs[0]!.n).toBe(1);
    // Delivering it again (a retried job, a second worker) sends nothing more.
    const mailer = createMailer({ smtpUrl, from: "x@example.vn", baseUrl: BASE_URL });
    try {
      expect(await deliverNotificationEmail(db, mailer, notification.id, 5)).toBe("skipped");
    } finally {
      mailer.close();
    }
    await new Promise((r) => setTimeout(r, 1500));
    expect(received.filter((m) => m.mail.text?.includes(comment))).toHaveLength(1);
  });

  it("the approver is not mailed (a demo account), and the approvers' notifications say so", async () => {
    const submitted = await db.notification.findMany({ where: { kind: "FIGURES_SUBMITTED", userId: t.actors.approver.id } });
    expect(submitted.length).toBeGreaterThan(0);
    for (const n of submitted) expect(n).toMatchObject({ emailState: "NONE", emailTo: null });
  });

  it("an SMTP server that refuses costs the user nothing: the rejection is saved, the e-mail retried until it goes", async () => {
    refuse = true;
    const figure = await submittedFigureOfEditor();
    const comment = "Số liệu chưa khớp với báo cáo của Sở.";
    await rejectFigures(db, t.actors.approver, { items: [{ figureId: figure.id, version: figure.version }], comment });
    expect((await db.figure.findUniqueOrThrow({ where: { id: figure.id } })).status).toBe("REJECTED");
    const notification = await db.notification.findFirstOrThrow({ where: { kind: "FIGURES_REJECTED", figureId: figure.id } });
    const failed = await waitFor("a failed attempt", async () => {
      const row = await db.notification.findUniqueOrThrow({ where: { id: notification.id } });
      return row.emailError ? row : undefined;
    });
    expect(failed.emailState).toBe("PENDING");
    expect(failed.emailError).toContain("451");
    refuse = false;
    // The queue retries in 30 s; a worker delivering it now (the same function) sends it once.
    const mailer = createMailer({ smtpUrl, from: "Theo dõi CĐS <khong-tra-loi@example.vn>", baseUrl: BASE_URL });
    try {
      expect(await deliverNotificationEmail(db, mailer, notification.id, 5)).toBe("sent");
      expect(await deliverNotificationEmail(db, mailer, notification.id, 5)).toBe("skipped");
    } finally {
      mailer.close();
    }
    expect(received.filter((m) => m.mail.text?.includes(comment))).toHaveLength(1);
    expect(await db.notification.findUniqueOrThrow({ where: { id: notification.id } })).toMatchObject({ emailState: "SENT", emailAttempts: 2, emailError: null });
  });

  it("a deadline reminder run by two workers at once is written and mailed once", async () => {
    const period = await db.reportingPeriod.findFirstOrThrow({ where: { status: "OPEN" }, orderBy: [{ year: "desc" }, { quarter: "desc" }] });
    const now = new Date(period.deadline.getTime() - 86_400_000);
    await Promise.all([runDeadlineReminders(db, now, 3), runDeadlineReminders(db, now, 3)]);
    const reminders = await db.notification.findMany({ where: { kind: "DEADLINE_NEAR", userId: editor.id } });
    expect(reminders).toHaveLength(1);
    const message = await waitFor("the reminder's e-mail", () => received.find((m) => m.mail.subject === "[Theo dõi CĐS] Sắp đến hạn nộp"));
    expect(message.to).toEqual([EDITOR_EMAIL]);
    expect(message.mail.text).toContain(`${BASE_URL}/nhap-lieu?ky=${period.year}-Q${period.quarter}`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(received.filter((m) => m.mail.subject === "[Theo dõi CĐS] Sắp đến hạn nộp")).toHaveLength(1);
  });
});

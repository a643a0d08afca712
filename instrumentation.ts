/** Runs once when the Next.js server starts, before it serves a request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getEnv }, { dropUntrustedForwardingHeaders }, { startEpochListener }, { installCurrentGeneration }, { expirePublicPagesForNginx }, { startWarmingPublicPages }] = await Promise.all([
    import("@/lib/env"),
    import("@/lib/security/client-address"),
    import("@/lib/cache/epoch"),
    import("@/lib/public-pages/generation"),
    import("@/lib/public-pages/nginx-expiry"),
    import("@/lib/public-pages/warm"),
  ]);
  const env = getEnv();
  dropUntrustedForwardingHeaders(env.TRUST_PROXY);
  // nginx's micro-cache keeps a public page to the end of the second at most (ADR 015).
  expirePublicPagesForNginx();
  // The one invalidation signal of every cache (ADR 015): a server that cannot hear it must not start.
  await startEpochListener(env.DATABASE_URL);
  // The page cache (lib/public-pages/page-cache-handler.mjs) serves a public page only in its generation.
  installCurrentGeneration();
  // …and renders the pages asked for lately again as soon as a new generation arrives.
  startWarmingPublicPages(env.PORT);
  await startNotifications(env);
  const supervisor = Number(process.env.DX_SUPERVISOR_PID);
  if (!Number.isInteger(supervisor) || supervisor <= 0) return;
  const { exitWithSupervisor } = await import("@/lib/db/supervisor-watch");
  exitWithSupervisor(supervisor);
}

/**
 * The notifications' queue (ADR 030): e-mails after commit (with SMTP_URL) and deadline
 * reminders, on pg-boss through the app's own pool. A queue that cannot start is said loudly but
 * does not stop the server: notifications are still written and shown in the app.
 */
async function startNotifications(env: import("@/lib/env").Env) {
  const [{ prisma }, { poolOf }, { startNotificationQueue }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/db/client"),
    import("@/lib/notifications/queue"),
  ]);
  const pool = poolOf(prisma);
  if (!pool) return;
  try {
    await startNotificationQueue(prisma, pool, {
      reminderDaysBefore: env.REMINDER_DAYS_BEFORE,
      mail: env.SMTP_URL && env.MAIL_FROM && env.NEXTAUTH_URL ? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, baseUrl: env.NEXTAUTH_URL } : undefined,
    });
  } catch (error) {
    console.error("[thông báo] không khởi động được hàng đợi thông báo (thư và nhắc hạn); thông báo trong ứng dụng vẫn hoạt động:", error);
  }
}

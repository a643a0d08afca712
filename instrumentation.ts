/** Runs once when the Next.js server starts, before it serves a request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getEnv }, { dropUntrustedForwardingHeaders }, { startEpochListener }, { removeSupersededPages }] = await Promise.all([
    import("@/lib/env"),
    import("@/lib/security/client-address"),
    import("@/lib/cache/epoch"),
    import("@/lib/public-pages/page-files"),
  ]);
  const env = getEnv();
  dropUntrustedForwardingHeaders(env.TRUST_PROXY);
  // The one invalidation signal of every cache (ADR 015): a server that cannot hear it must not start.
  await startEpochListener(env.DATABASE_URL);
  removeSupersededPages();
  const supervisor = Number(process.env.DX_SUPERVISOR_PID);
  if (!Number.isInteger(supervisor) || supervisor <= 0) return;
  const { exitWithSupervisor } = await import("@/lib/db/supervisor-watch");
  exitWithSupervisor(supervisor);
}

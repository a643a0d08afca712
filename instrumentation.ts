/** Runs once when the Next.js server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getEnv }, { dropUntrustedForwardingHeaders }] = await Promise.all([import("@/lib/env"), import("@/lib/security/client-address")]);
  dropUntrustedForwardingHeaders(getEnv().TRUST_PROXY);
  const supervisor = Number(process.env.DX_SUPERVISOR_PID);
  if (!Number.isInteger(supervisor) || supervisor <= 0) return;
  const { exitWithSupervisor } = await import("@/lib/supervisor-watch");
  exitWithSupervisor(supervisor);
}

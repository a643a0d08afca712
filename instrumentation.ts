/**
 * Runs once when the Next.js server starts. Under `npm start` the supervisor
 * process owns the embedded database; if it dies (even by kill -9) this server
 * has no database left, so it exits instead of serving errors.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const supervisor = Number(process.env.DX_SUPERVISOR_PID);
  if (!Number.isInteger(supervisor) || supervisor <= 0) return;
  setInterval(() => {
    try {
      process.kill(supervisor, 0);
    } catch {
      console.error("[dx-tracker] Tiến trình giám sát đã dừng; máy chủ Next.js dừng theo.");
      process.exit(1);
    }
  }, 1000).unref();
}

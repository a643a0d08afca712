/**
 * Under `npm start` the supervisor process owns the embedded database; if it
 * dies (even by kill -9) this server has no database left, so it exits
 * instead of serving errors.
 */
export function exitWithSupervisor(supervisorPid: number): void {
  setInterval(() => {
    try {
      process.kill(supervisorPid, 0);
    } catch {
      console.error("[dx-tracker] Tiến trình giám sát đã dừng; máy chủ Next.js dừng theo.");
      process.exit(1);
    }
  }, 1000).unref();
}

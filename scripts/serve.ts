/**
 * The production server (ADR 013), started by scripts/start.ts in `start`
 * mode: Next.js through its custom-server API, in this one process, behind the
 * front of the public pages (lib/public-pages/front-cache.ts), which answers
 * the public pages Next already sent from memory, before Next's pipeline; a
 * plain GET of such a page is answered at the socket, before Node's HTTP
 * parser too (lib/public-pages/front-socket.ts).
 *
 * Same process as Next, so the front reads the very generation
 * (lib/public-pages/generation.ts, on globalThis) that approvals bump in the
 * server actions: an approval reaches the front at once.
 *
 * Environment (set by start.ts): PORT, HOSTNAME_BIND (default 0.0.0.0),
 * NODE_ENV=production, and what the app itself reads (lib/env.ts).
 * instrumentation.ts runs as under `next start` (Next's prepare()).
 * SIGTERM/SIGINT: stop accepting connections, close Next, exit (as `next start` does).
 */
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import next from "next";
import { createFront } from "@/lib/public-pages/front-cache";
import { createFastPath } from "@/lib/public-pages/front-socket";
import { currentGeneration } from "@/lib/public-pages/generation";

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT không hợp lệ: "${process.env.PORT}" (cần số nguyên 1–65535).`);
  process.exit(1);
}
const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";

const app = next({ dev: false, hostname, port, dir: process.cwd() });
try {
  await app.prepare();
} catch (error) {
  console.error(`[dx-tracker] Không khởi động được Next.js: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// The HTTP server does not listen itself: connections are accepted by the front's socket-level fast path
// (lib/public-pages/front-socket.ts), which answers kept public pages and hands every other connection over.
const front = createFront(app.getRequestHandler());
const http = createServer(front);
const fastPath = createFastPath(http, { cache: front.cache, generation: () => currentGeneration() });
const server = createNetServer(fastPath);
server.on("error", (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === "EADDRINUSE"
      ? `[dx-tracker] Cổng ${port} đang được dùng bởi một chương trình khác: hãy đặt PORT khác.`
      : `[dx-tracker] Lỗi máy chủ HTTP: ${error.message}`,
  );
  process.exit(1);
});
server.listen(port, hostname);

let stopping = false;
function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  server.close();
  fastPath.closeAll();
  http.closeIdleConnections();
  void app
    .close()
    .catch((error: unknown) => console.error(error))
    .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

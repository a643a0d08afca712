/**
 * npm start / npm run dev.
 *
 * 1. Opens the database: DATABASE_URL, or the embedded PGlite in .data/ served
 *    on a free loopback port (this process holds it and its lock).
 * 2. Migrates, and seeds on first run (demo data in demo mode).
 * 3. `start`: builds the app when the build is missing or older than the
 *    sources, then runs `next start` — Next.js's own server, a stock Node.js
 *    http.Server with its default timeouts (ADR 015); `dev`: runs `next dev`.
 * Ctrl-C (SIGINT) or SIGTERM stops Next, then the embedded database, cleanly.
 * If Next dies on its own, this process closes the embedded database and exits
 * non-zero, so the service manager (deploy/dx-tracker.service: Restart=on-failure)
 * starts it again; it never restarts Next itself (ADR 015).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import lockfile from "proper-lockfile";
import { authOrigin } from "@/lib/auth/public-url";
import { envProblems } from "@/lib/env";
import { openDatabase } from "@/lib/db/bootstrap";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT không hợp lệ: "${process.env.PORT}" (cần số nguyên 1–65535).`);
  process.exit(1);
}
const root = process.cwd();
const nextBin = path.join(root, "node_modules", ".bin", "next");

function log(message: string) {
  console.log(`[dx-tracker] ${message}`);
}

let target: Awaited<ReturnType<typeof openDatabase>>;
try {
  target = await openDatabase();
} catch (error) {
  console.error(`[dx-tracker] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
log(`Cơ sở dữ liệu: ${target.describe}${target.demo ? " — chế độ dữ liệu demo" : ""}`);

let child: ChildProcess | null = null;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child?.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
  await target.embedded?.stop();
  if (target.embedded) log("Đã đóng cơ sở dữ liệu nhúng.");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

// The public address next-auth builds redirects and chooses cookies from (lib/auth/public-url.ts).
const origin = authOrigin({
  nextauthUrl: process.env.NEXTAUTH_URL,
  trustProxy: process.env.TRUST_PROXY === "1" || process.env.TRUST_PROXY === "true",
  embedded: Boolean(target.embedded),
  port,
});
if (origin.ok) log(`Đăng nhập: ${origin.describe}`);
else {
  console.error(`[dx-tracker] ${origin.message}`);
  await shutdown(1);
}

// The server's settings, checked here as the server will read them (lib/env.ts): a wrong one
// (an SMTP_URL without MAIL_FROM, say) stops the start with its reason, not every request later.
const problems = envProblems({ ...process.env, ...(origin.ok ? origin.env : {}), DATABASE_URL: target.url });
if (problems) {
  console.error(`[dx-tracker] Cấu hình môi trường không hợp lệ:\n${problems}`);
  await shutdown(1);
}

try {
  const result = await migrate(target.url, { log });
  if (result.applied.length === 0) log(`Lược đồ đã cập nhật (${result.alreadyApplied.length} migration).`);
  const prisma = createPrismaClient(target.url, { maxConnections: 2 });
  try {
    await seedDatabase(prisma, { demo: target.demo, log });
  } finally {
    await prisma.$disconnect();
  }
} catch (error) {
  console.error(`[dx-tracker] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}

const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  ...(origin.ok ? origin.env : {}),
  NEXTAUTH_SECRET: sessionSecret(),
  DATABASE_URL: target.url,
  DATABASE_POOL_MAX: String(target.poolMax),
  DEMO_DATA: target.demo ? "1" : "0",
  NEXT_TELEMETRY_DISABLED: "1",
  // A larger young generation: fewer scavenges when many dashboard loads are in flight (ADR 014;
  // `npm run bench` runs with the same flag). Given first, so an operator's NODE_OPTIONS can override it.
  NODE_OPTIONS: ["--max-semi-space-size=32", process.env.NODE_OPTIONS].filter(Boolean).join(" "),
  PORT: String(port),
  // Next exits when this process is gone (instrumentation.ts), so a kill -9 of
  // the supervisor never leaves a server without its database behind.
  DX_SUPERVISOR_PID: String(process.pid),
};

if (mode === "start" && buildIsStale()) {
  // Instances started together from one folder build once: the others wait, then find the build fresh.
  const release = await lockfile.lock(root, { lockfilePath: path.join(root, ".next-build.lock"), retries: { retries: 600, minTimeout: 1000, maxTimeout: 1000 }, stale: 30_000 });
  try {
    if (buildIsStale()) {
      log("Đang build ứng dụng (lần đầu hoặc mã nguồn đã thay đổi)…");
      const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
      if (build.status !== 0) {
        console.error("[dx-tracker] Build thất bại.");
        await release();
        await shutdown(1);
      }
    }
  } finally {
    await release().catch(() => {});
  }
}

const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";
// Keep-alive: nginx's upstream keepalive_timeout (deploy/nginx.conf, 4 s) stays below this, so the
// proxy never reuses a connection the server is closing.
const keepAliveTimeout = process.env.HTTP_KEEP_ALIVE_TIMEOUT_MS ?? "5000";
child =
  mode === "start"
    ? spawn(nextBin, ["start", "--port", String(port), "--hostname", hostname, "--keepAliveTimeout", keepAliveTimeout], {
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...childEnv, NODE_ENV: "production" },
      })
    : spawn(nextBin, ["dev", "--port", String(port), "--hostname", hostname], { stdio: ["ignore", "inherit", "inherit"], env: childEnv });
child.once("exit", (code, signal) => {
  if (stopping) return;
  // Not restarted here: a supervisor inside the app would hide crash loops from the service manager,
  // which restarts the whole unit with its own limits and logs (ADR 015).
  console.error(`[dx-tracker] Next.js đã dừng bất thường (${signal ?? `mã ${code}`}); dừng hẳn để trình quản lý dịch vụ khởi động lại.`);
  void shutdown(code && code !== 0 ? code : 1);
});

await waitUntilServing(`http://127.0.0.1:${port}/api/health`);
log(`Đang phục vụ tại http://localhost:${port}`);

async function waitUntilServing(url: string) {
  for (let i = 0; i < 600 && !stopping; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Sessions are signed with NEXTAUTH_SECRET. A deployment sets it; the embedded
 * default keeps a random one beside its data, so sign-ins survive restarts.
 */
function sessionSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (!target.embedded) {
    console.error("[dx-tracker] Thiếu NEXTAUTH_SECRET: hãy đặt một chuỗi ngẫu nhiên dài (ví dụ: openssl rand -base64 32) khi dùng DATABASE_URL.");
    void shutdown(1);
    return "";
  }
  const file = path.join(target.embedded.dataDir, "nextauth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** The build is stale when it is missing or any source is newer than it. */
function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = ["app", "pages", "components", "lib", "public", "next.config.ts", "package.json", "instrumentation.ts", "proxy.ts"];
  return sources.some((s) => newestMtime(path.join(root, s)) > builtAt);
}

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

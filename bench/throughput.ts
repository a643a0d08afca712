/**
 * Requests per second with wrk, side by side in alternating rounds (so a busy
 * neighbour on the shared machine weighs on every target alike), against
 * references that serve the same bytes (ADR 015, issue #12):
 *
 * - nginx serving the page as a static file, over the same TLS settings as
 *   deploy/nginx.conf — the reference for `/` through the shipped nginx config;
 * - a stock `next start` (a fresh Next.js app, default config) serving a
 *   static page of the same size — the reference for the app alone.
 *
 * Loopback only; nginx and Next are children of this process on their own
 * ports and prefixes, never the system service.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { NGINX_BIN } from "@/scripts/cluster";
import { freePort } from "./server";

export const WRK_THREADS = 2;
export const WRK_CONNECTIONS = 32;

export interface WrkResult {
  target: string;
  url: string;
  command: string;
  requestsPerSecond: number;
  latencyAvg: string;
  latencyP99: string;
  errors: string | null;
}

function which(bin: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${bin}`]).status === 0;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function parseWrk(output: string): Pick<WrkResult, "requestsPerSecond" | "latencyAvg" | "latencyP99" | "errors"> {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output);
  if (!rps) throw new Error(`wrk printed no Requests/sec:\n${output}`);
  const errors = [/Non-2xx or 3xx responses: \d+/.exec(output)?.[0], /Socket errors:[^\n]+/.exec(output)?.[0]].filter(Boolean).join("; ");
  return {
    requestsPerSecond: Number(rps[1]),
    latencyAvg: /Latency\s+(\S+)/.exec(output)?.[1] ?? "?",
    latencyP99: /\s99%\s+(\S+)/.exec(output)?.[1] ?? "?",
    errors: errors || null,
  };
}

export async function wrk(url: string, seconds: number): Promise<{ command: string; output: string }> {
  const args = [`-t${WRK_THREADS}`, `-c${WRK_CONNECTIONS}`, `-d${seconds}s`, "--latency", url];
  const command = `wrk ${args.join(" ")}`;
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.once("error", reject);
    child.once("exit", () => resolve({ command, output }));
  });
}

export function throughputTools(): string | null {
  const missing = [NGINX_BIN ? null : "nginx", which("wrk") ? null : "wrk", which("openssl") ? null : "openssl"].filter(Boolean);
  return missing.length ? `missing ${missing.join(", ")} (apt-get install -y nginx wrk openssl)` : null;
}

async function waitOk(url: string, child: ChildProcess, what: string) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: ${url} did not answer`);
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill(signal);
  return exited;
}

export interface Reference {
  url: string;
  command: string;
  stop(): Promise<void>;
}

/**
 * nginx serving `html` as a static file over TLS with deploy/nginx.conf's protocol settings
 * (http2 listener, TLS 1.2/1.3, session cache), the same worker and event settings as
 * scripts/cluster.ts's main context.
 */
export async function startStaticNginx(html: Buffer, certDir: string): Promise<Reference> {
  const root = await mkdtemp(path.join(tmpdir(), "dx-bench-static-"));
  const www = path.join(root, "www");
  await mkdir(www, { recursive: true });
  await mkdir(path.join(root, "temp"), { recursive: true });
  await writeFile(path.join(www, "index.html"), html);
  await chmod(root, 0o755); // workers run unprivileged when the master is root
  const port = await freePort();
  const conf = path.join(root, "nginx.conf");
  await writeFile(
    conf,
    `daemon off;
worker_processes auto;
pid ${root}/nginx.pid;
error_log ${root}/error.log warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  default_type text/html;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  access_log off;
  client_body_temp_path ${root}/temp/b; proxy_temp_path ${root}/temp/p; fastcgi_temp_path ${root}/temp/f; uwsgi_temp_path ${root}/temp/u; scgi_temp_path ${root}/temp/s;
  server {
    listen 127.0.0.1:${port} ssl http2;
    ssl_certificate ${certDir}/fullchain.pem;
    ssl_certificate_key ${certDir}/privkey.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_session_cache shared:static_tls:10m;
    root ${www};
    location = / { try_files /index.html =404; }
  }
}
`,
  );
  const child = spawn(NGINX_BIN!, ["-p", root, "-e", `${root}/error.log`, "-c", conf], { stdio: ["ignore", "ignore", "inherit"] });
  const url = `https://127.0.0.1:${port}/`;
  const previous = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"; // the self-signed certificate, for this readiness probe only
  try {
    await waitOk(url, child, "static nginx");
  } finally {
    if (previous === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous;
  }
  return {
    url,
    command: `nginx (static file, TLS) -c ${conf}`,
    async stop() {
      await stopChild(child, "SIGQUIT");
      await rm(root, { recursive: true, force: true });
    },
  };
}

const stockPage = (body: string) => `// A stock Next.js page, prerendered at build time (no data): ${body.length} characters of body.
const BODY = ${JSON.stringify(body)};
export default function Page() {
  return <main dangerouslySetInnerHTML={{ __html: BODY }} />;
}
`;

/** The stock page's body: a given page's own markup (the app's `/`), or one sentence repeated. */
export type StockContent = { kind: "page"; html: string } | { kind: "filler" };

/**
 * A fresh Next.js app — default configuration, one static page (automatic static optimisation)
 * — built with this project's Next.js and served by `next start`; the page's body (the content
 * asked for) is trimmed or padded at its end until the response has exactly `bytes` bytes. Built
 * in a temporary folder outside this project (inside it, Next would find this project's config,
 * proxy and instrumentation), with this project's node_modules hard-linked in (Turbopack
 * resolves nothing outside the app's folder).
 *
 * Why the content matters: for every request Next reads the page's file, decodes it from UTF-8
 * and hashes it character by character for the ETag (next/dist/server/lib/etag.js), so its cost
 * per byte depends on the text — a page of one repeated Vietnamese sentence costs Next about a
 * quarter less per request than the app's own markup of the same size (docs/benchmarks.md).
 */
export async function startStockNext(bytes: number, content: StockContent, log: (l: string) => void): Promise<Reference & { bytes: number }> {
  const root = await mkdtemp(path.join(tmpdir(), "dx-bench-stock-next-"));
  await mkdir(path.join(root, "pages"), { recursive: true });
  await writeFile(path.join(root, "package.json"), JSON.stringify({ name: "stock-next", private: true }, null, 2));
  const linked = spawnSync("cp", ["-al", path.resolve("node_modules"), path.join(root, "node_modules")]);
  if (linked.status !== 0) {
    // Another file system: a full copy.
    const copied = spawnSync("cp", ["-a", path.resolve("node_modules"), path.join(root, "node_modules")]);
    if (copied.status !== 0) throw new Error(`stock next: cannot copy node_modules: ${copied.stderr.toString()}`);
  }
  const next = path.join(root, "node_modules", ".bin", "next");
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  const filler = "Số liệu chuyển đổi số tỉnh Thái Nguyên theo quý. ";
  let body = content.kind === "page" ? content.html : filler.repeat(Math.ceil(bytes / Buffer.byteLength(filler)));
  for (let attempt = 0; attempt < 3; attempt++) {
    await writeFile(path.join(root, "pages", "index.jsx"), stockPage(body));
    const build = spawnSync(next, ["build"], { cwd: root, env, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`stock next build failed:\n${build.stdout}\n${build.stderr}`);
    const port = await freePort();
    const child = spawn(next, ["start", "--port", String(port), "--hostname", "127.0.0.1"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    const url = `http://127.0.0.1:${port}/`;
    try {
      await waitOk(url, child, "stock next start");
    } catch (error) {
      await stopChild(child, "SIGTERM");
      await rm(root, { recursive: true, force: true });
      throw error;
    }
    const served = Buffer.from(await (await fetch(url, { headers: { "accept-encoding": "identity" } })).arrayBuffer()).length;
    const stop = async () => {
      await stopChild(child, "SIGTERM");
    };
    if (served === bytes) {
      log(`  stock next start (${content.kind === "page" ? "the page's own markup" : "filler"}): ${served} bytes on /`);
      const remove = async () => {
        await stop();
        await rm(root, { recursive: true, force: true });
      };
      return { url, command: `next start (stock app: default config, one static page${content.kind === "page" ? " of the given page's markup" : " of filler"})`, bytes: served, stop: remove };
    }
    await stop();
    // Trim the body's end (on a character boundary) or pad it with ASCII.
    const diff = bytes - served;
    body = diff > 0 ? body + "x".repeat(diff) : Buffer.from(body).subarray(0, Buffer.byteLength(body) + diff).toString("utf8").replace(/\uFFFD+$/, "");
  }
  await rm(root, { recursive: true, force: true });
  throw new Error(`stock next: could not match ${bytes} bytes`);
}

/** Alternating rounds of wrk over the targets, after a warm-up of each. */
export async function sideBySide(targets: { target: string; url: string }[], opts: { seconds: number; rounds: number; log: (l: string) => void }): Promise<WrkResult[]> {
  for (const t of targets) await wrk(t.url, 3); // JIT, page caches, TLS session caches
  const rounds: WrkResult[] = [];
  for (let r = 0; r < opts.rounds; r++) {
    for (const t of targets) {
      const { command, output } = await wrk(t.url, opts.seconds);
      const parsed = parseWrk(output);
      opts.log(`  ${t.target}: ${command} → ${parsed.requestsPerSecond} req/s (avg ${parsed.latencyAvg}, p99 ${parsed.latencyP99})${parsed.errors ? ` [${parsed.errors}]` : ""}`);
      rounds.push({ ...t, command, ...parsed });
    }
  }
  return rounds;
}

export function medianOf(rounds: WrkResult[], target: string): number {
  return median(rounds.filter((r) => r.target === target).map((r) => r.requestsPerSecond));
}

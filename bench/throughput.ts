/**
 * Requests per second on a page with wrk, side by side with Debian's nginx
 * serving the same HTML bytes from disk: the ceiling for those bytes on this
 * machine. Loopback only, bounded durations, alternating rounds so a busy
 * neighbour on the machine weighs on both alike. nginx is started here as a
 * child (its own prefix, config and port), never as the system service.
 *
 * A third target is the reference of Node's HTTP module here: a bare
 * `http.createServer` in its own process (one event loop, like the app's server)
 * answering every request with the same bytes from memory, no routing, no
 * headers beyond Content-Type. The app answers kept pages below that module
 * (lib/public-pages/front-socket.ts), so it can go past this reference.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./server";

export interface WrkResult {
  target: "nginx" | "next" | "node" | "nginx-cache";
  url: string;
  command: string;
  requestsPerSecond: number;
  latencyAvg: string;
  latencyP99: string;
  errors: string | null;
}

export interface Throughput {
  htmlBytes: number;
  rounds: WrkResult[];
  nginxVersion: string;
  wrkVersion: string;
  nodeVersion: string;
  /** median(next) / median(nginx) */
  ratio: number;
  /** median(bare node) / median(nginx): one Node.js process through its HTTP module */
  nodeRatio: number;
  /** median(nginx micro-cache in front of next) / median(nginx): the deployment of README */
  cacheRatio: number;
}

/** The bare Node.js server: the page's bytes from memory, for every request. */
const BARE_NODE_SERVER = `
const http = require("node:http");
const body = require("node:fs").readFileSync(process.argv[1]);
const server = http.createServer((req, res) => {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
  res.end(body);
});
server.keepAliveTimeout = 60000;
server.listen(Number(process.argv[2]), "127.0.0.1");
`;

async function startBareNode(root: string, html: Buffer) {
  const port = await freePort();
  const file = path.join(root, "bare-node.html");
  await writeFile(file, html);
  const child = spawn(process.execPath, ["-e", BARE_NODE_SERVER, file, String(port)], { stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export const WRK_THREADS = 2;
export const WRK_CONNECTIONS = 32;

function which(bin: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${bin}`]).status === 0;
}

function median(xs: number[]): number {
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

async function wrk(url: string, seconds: number): Promise<{ command: string; output: string }> {
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

/**
 * nginx serving `html` from disk, or — with `upstream` — the deployment of
 * README "Serving the public pages": nginx in front of the app keeping the
 * page for 1 s (proxy_cache_lock: one request to the app per expiry).
 */
async function startNginx(root: string, html: Buffer, upstream?: string) {
  const port = await freePort();
  const www = path.join(root, "www");
  await mkdir(path.join(root, "logs"), { recursive: true });
  await mkdir(www, { recursive: true });
  await writeFile(path.join(www, "index.html"), html);
  // nginx workers run as an unprivileged user: they must be able to read the page.
  await chmod(root, 0o755);
  const conf = path.join(root, "nginx.conf");
  await writeFile(
    conf,
    `worker_processes auto;
pid ${root}/nginx.pid;
error_log ${root}/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type text/html;
  client_body_temp_path ${root}/client_body;
  proxy_temp_path ${root}/proxy;
  fastcgi_temp_path ${root}/fastcgi;
  uwsgi_temp_path ${root}/uwsgi;
  scgi_temp_path ${root}/scgi;
  ${upstream ? `proxy_cache_path ${root}/cache keys_zone=dx_public:10m max_size=200m inactive=10m;` : ""}
  server {
    listen 127.0.0.1:${port};
    root ${www};
    ${
      upstream
        ? `location = / {
      proxy_pass ${upstream};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_cache dx_public;
      proxy_cache_valid 200 1s;
      proxy_ignore_headers Cache-Control Expires Set-Cookie;
      proxy_cache_lock on;
      proxy_cache_use_stale updating;
    }`
        : "location = / { try_files /index.html =404; }"
    }
  }
}
`,
  );
  const child = spawn("nginx", ["-p", root, "-c", conf, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGQUIT"); // graceful shutdown of this nginx master and its workers
      await exited;
    },
  };
}

export function throughputTools(): string | null {
  const missing = ["nginx", "wrk"].filter((b) => !which(b));
  return missing.length ? `missing ${missing.join(", ")} (apt-get install -y nginx wrk)` : null;
}

export async function measureThroughput(pageUrl: string, opts: { seconds: number; rounds: number; log: (l: string) => void }): Promise<Throughput> {
  const html = Buffer.from(await (await fetch(pageUrl)).arrayBuffer());
  const root = await mkdtemp(path.join(tmpdir(), "dx-bench-nginx-"));
  const nginx = await startNginx(root, html);
  const bare = await startBareNode(root, html);
  const cacheRoot = await mkdtemp(path.join(tmpdir(), "dx-bench-nginx-cache-"));
  const cached = await startNginx(cacheRoot, html, pageUrl.replace(/\/$/, ""));
  for (const [name, url] of [["nginx", nginx.url], ["bare node", bare.url]] as const) {
    const served = Buffer.from(await (await fetch(url)).arrayBuffer());
    if (!served.equals(html)) throw new Error(`${name} does not serve the saved page byte for byte`);
  }
  const rounds: WrkResult[] = [];
  try {
    // Warm-up: JIT, the page cache, nginx's file cache.
    await wrk(pageUrl, 3);
    await wrk(nginx.url, 3);
    await wrk(bare.url, 3);
    await wrk(cached.url, 3);
    for (let r = 0; r < opts.rounds; r++) {
      for (const [target, url] of [
        ["nginx", nginx.url],
        ["next", pageUrl],
        ["node", bare.url],
        ["nginx-cache", cached.url],
      ] as const) {
        const { command, output } = await wrk(url, opts.seconds);
        const parsed = parseWrk(output);
        opts.log(`  ${command} → ${parsed.requestsPerSecond} req/s (avg ${parsed.latencyAvg}, p99 ${parsed.latencyP99})${parsed.errors ? ` [${parsed.errors}]` : ""}`);
        rounds.push({ target, url, command, ...parsed });
      }
    }
  } finally {
    await cached.stop();
    await rm(cacheRoot, { recursive: true, force: true });
    await bare.stop();
    await nginx.stop();
    await rm(root, { recursive: true, force: true });
  }
  const med = (t: WrkResult["target"]) => median(rounds.filter((r) => r.target === t).map((r) => r.requestsPerSecond));
  return {
    htmlBytes: html.length,
    rounds,
    nginxVersion: spawnSync("nginx", ["-v"]).stderr.toString().trim(),
    wrkVersion: spawnSync("wrk", ["-v"]).stdout.toString().split("\n")[0]!.trim(),
    nodeVersion: process.version,
    ratio: med("next") / med("nginx"),
    nodeRatio: med("node") / med("nginx"),
    cacheRatio: med("nginx-cache") / med("nginx"),
  };
}

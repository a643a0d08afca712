/**
 * Requests per second on a page with wrk, side by side with Debian's nginx
 * serving the same HTML bytes from disk: the ceiling for those bytes on this
 * machine. Loopback only, bounded durations, alternating rounds so a busy
 * neighbour on the machine weighs on both alike. nginx is started here as a
 * child (its own prefix, config and port), never as the system service.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./server";

export interface WrkResult {
  target: "nginx" | "next";
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
  /** median(next) / median(nginx) */
  ratio: number;
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

async function startNginx(root: string, html: Buffer) {
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
  server {
    listen 127.0.0.1:${port};
    root ${www};
    location = / { try_files /index.html =404; }
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
  const served = Buffer.from(await (await fetch(nginx.url)).arrayBuffer());
  if (!served.equals(html)) throw new Error("nginx does not serve the saved page byte for byte");
  const rounds: WrkResult[] = [];
  try {
    // Warm-up: JIT, the data cache, nginx's page cache.
    await wrk(pageUrl, 3);
    await wrk(nginx.url, 3);
    for (let r = 0; r < opts.rounds; r++) {
      for (const [target, url] of [
        ["nginx", nginx.url],
        ["next", pageUrl],
      ] as const) {
        const { command, output } = await wrk(url, opts.seconds);
        const parsed = parseWrk(output);
        opts.log(`  ${command} → ${parsed.requestsPerSecond} req/s (avg ${parsed.latencyAvg}, p99 ${parsed.latencyP99})${parsed.errors ? ` [${parsed.errors}]` : ""}`);
        rounds.push({ target, url, command, ...parsed });
      }
    }
  } finally {
    await nginx.stop();
    await rm(root, { recursive: true, force: true });
  }
  const med = (t: WrkResult["target"]) => median(rounds.filter((r) => r.target === t).map((r) => r.requestsPerSecond));
  return {
    htmlBytes: html.length,
    rounds,
    nginxVersion: spawnSync("nginx", ["-v"]).stderr.toString().trim(),
    wrkVersion: spawnSync("wrk", ["-v"]).stdout.toString().split("\n")[0]!.trim(),
    ratio: med("next") / med("nginx"),
  };
}

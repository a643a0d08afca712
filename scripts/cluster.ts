/**
 * Production's shape on one machine (ADR 015): several `npm start` instances
 * on one PostgreSQL, behind real nginx running deploy/nginx.conf itself, with
 * only its ports, certificate and cache paths replaced. Used by
 * tests/e2e/scale-out.spec.ts and `npm run bench -- public`; a developer can
 * run it too:
 *
 *   DATABASE_URL=postgresql://… node --import tsx scripts/cluster.ts
 *
 * The instances and nginx are children of this process; stop() (or Ctrl-C)
 * ends them. Needs nginx and openssl (Debian: apt-get install nginx).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const NGINX_BIN = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));

export interface ClusterOptions {
  databaseUrl: string;
  /** The app instances' ports (two or more). */
  appPorts: number[];
  /** nginx's plain and TLS ports on 127.0.0.1. */
  httpPort: number;
  httpsPort: number;
  env?: Record<string, string>;
  /** Where the instances' output goes (default: inherited). */
  log?: (line: string) => void;
}

export interface Cluster {
  /** http://127.0.0.1:<port> of each instance. */
  apps: string[];
  /** https://127.0.0.1:<httpsPort> (self-signed certificate). */
  nginx: string;
  /** The self-signed certificate nginx serves (fullchain.pem, privkey.pem). */
  certDir: string;
  /** nginx's error log (for a failing test's message). */
  nginxErrorLog: string;
  stop(): Promise<void>;
}

/** deploy/nginx.conf with this machine's ports and paths; every replacement must apply, so the file cannot drift from the test. */
export function nginxSiteConfig(source: string, o: { appPorts: number[]; httpPort: number; httpsPort: number; certDir: string; cacheDir: string }): string {
  let text = source;
  const replace = (from: string | RegExp, to: string) => {
    // Found is what counts: a replacement may equal what it replaces (the command line's ports, 3001 and 3002, are the file's own).
    if (typeof from === "string" ? !text.includes(from) : !from.test(text)) throw new Error(`deploy/nginx.conf: "${String(from)}" not found; scripts/cluster.ts must be updated with it`);
    text = text.replace(from, to);
  };
  replace(/ {4}server 127\.0\.0\.1:3001 max_fails=0;\n {4}server 127\.0\.0\.1:3002 max_fails=0;\n/, o.appPorts.map((p) => `    server 127.0.0.1:${p} max_fails=0;\n`).join(""));
  replace(/ {4}listen \[::\]:80;\n/, "");
  replace(/ {4}listen \[::\]:443 ssl http2;\n/, "");
  replace("    listen 80;\n", `    listen 127.0.0.1:${o.httpPort};\n`);
  replace("    listen 443 ssl http2;\n", `    listen 127.0.0.1:${o.httpsPort} ssl http2;\n`);
  replace("/etc/ssl/dx-tracker/fullchain.pem", path.join(o.certDir, "fullchain.pem"));
  replace("/etc/ssl/dx-tracker/privkey.pem", path.join(o.certDir, "privkey.pem"));
  replace("/var/cache/nginx/dx-tracker", o.cacheDir);
  return text;
}

function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = async () => {
      if (child.exitCode !== null) return reject(new Error(`${url}: the instance exited with code ${child.exitCode}`));
      try {
        if ((await fetch(url)).ok) return resolve();
      } catch {
        // not yet listening
      }
      if (Date.now() > deadline) return reject(new Error(`${url}: not healthy after ${timeoutMs} ms`));
      setTimeout(attempt, 250);
    };
    void attempt();
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  if (!NGINX_BIN) throw new Error("nginx is not installed (Debian: apt-get install -y nginx; .ci/run installs it)");
  if (o.appPorts.length < 2) throw new Error("a cluster has two or more instances");
  const root = process.cwd();
  const dir = mkdtempSync(path.join(tmpdir(), "dxt-cluster-"));
  // nginx's workers run as an unprivileged user when the master is root: they must reach the cache and temp folders.
  chmodSync(dir, 0o755);
  const certDir = path.join(dir, "tls");
  const cacheDir = path.join(dir, "cache");
  for (const d of [certDir, cacheDir, path.join(dir, "temp")]) {
    mkdirSync(d, { recursive: true });
    chmodSync(d, 0o777);
  }
  const cert = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=dx.example.gov.vn", "-keyout", path.join(certDir, "privkey.pem"), "-out", path.join(certDir, "fullchain.pem")], { encoding: "utf8" });
  if (cert.status !== 0) throw new Error(`openssl: ${cert.stderr}`);

  const site = nginxSiteConfig(readFileSync(path.join(root, "deploy", "nginx.conf"), "utf8"), { ...o, certDir, cacheDir });
  writeFileSync(path.join(dir, "dx-tracker.conf"), site);
  const nginxErrorLog = path.join(dir, "error.log");
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, "temp", name)};`;
  // The main context a distribution's /etc/nginx/nginx.conf gives; the site is included as is.
  writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      "daemon off;",
      "worker_processes auto;",
      `pid ${path.join(dir, "nginx.pid")};`,
      `error_log ${nginxErrorLog} warn;`,
      "events { worker_connections 4096; }",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  default_type application/octet-stream;",
      "  sendfile on; tcp_nopush on; tcp_nodelay on;",
      "  access_log off;",
      `  ${temp("client_body")} ${temp("proxy")} ${temp("fastcgi")} ${temp("uwsgi")} ${temp("scgi")}`,
      `  include ${path.join(dir, "dx-tracker.conf")};`,
      "}",
      "",
    ].join("\n"),
  );
  const check = spawnSync(NGINX_BIN, ["-t", "-q", "-p", dir, "-e", nginxErrorLog, "-c", path.join(dir, "nginx.conf")], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t: ${check.stderr}${existsSync(nginxErrorLog) ? readFileSync(nginxErrorLog, "utf8") : ""}`);

  const children: ChildProcess[] = [];
  const output = (child: ChildProcess, name: string) => {
    if (!o.log) return;
    for (const stream of [child.stdout, child.stderr]) stream?.on("data", (d: Buffer) => d.toString().split("\n").filter(Boolean).forEach((l) => o.log!(`[${name}] ${l}`)));
  };
  const stop = async () => {
    await Promise.all(children.map((c) => stopChild(c)));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // All instances at once, as a service manager starts them: migrations and seed run once (advisory locks), the build once (a file lock).
    const apps = o.appPorts.map((port) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "start"], {
        cwd: root,
        env: { ...process.env, ...o.env, PORT: String(port), HOSTNAME_BIND: "127.0.0.1", DATABASE_URL: o.databaseUrl, NEXT_TELEMETRY_DISABLED: "1", TRUST_PROXY: "1" },
        stdio: ["ignore", o.log ? "pipe" : "inherit", o.log ? "pipe" : "inherit"],
      });
      children.push(child);
      output(child, `app:${port}`);
      return { url: `http://127.0.0.1:${port}`, child };
    });
    await Promise.all(apps.map((a) => waitHealthy(`${a.url}/api/health`, a.child, 600_000)));
    const nginx = spawn(NGINX_BIN, ["-p", dir, "-e", nginxErrorLog, "-c", path.join(dir, "nginx.conf")], { stdio: ["ignore", "inherit", "inherit"] });
    children.push(nginx);
    await waitForNginx(o.httpPort, nginx);
    return { apps: apps.map((a) => a.url), nginx: `https://127.0.0.1:${o.httpsPort}`, certDir, nginxErrorLog, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** nginx is up once its plain port answers HTTP (any status: it redirects to https); both ports come from one config. */
async function waitForNginx(port: number, child: ChildProcess) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode}`);
    try {
      await fetch(`http://127.0.0.1:${port}/api/health`, { redirect: "manual" });
      return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx is not answering on ${port}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL: the instances share one PostgreSQL (the embedded database is one process's).");
    process.exit(1);
  }
  const cluster = await startCluster({ databaseUrl, appPorts: [3001, 3002], httpPort: 8080, httpsPort: 8443 });
  console.log(`[cluster] ${cluster.apps.join(", ")} behind ${cluster.nginx}`);
  const end = () => void cluster.stop().then(() => process.exit(0));
  process.on("SIGINT", end);
  process.on("SIGTERM", end);
}

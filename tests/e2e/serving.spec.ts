/**
 * The server as production runs it (ADR 015): Next.js's own `next start`, a
 * stock Node.js http.Server — its own timeouts close slow and idle clients,
 * Nagle is off, public pages carry caching headers an intermediary can obey,
 * and anonymous visitors cannot make it render or keep pages without bound.
 * Raw sockets, so nothing is hidden by a client library.
 */
import { Agent, request as httpRequest } from "node:http";
import { connect, type Socket } from "node:net";
import { expect, test } from "@playwright/test";
import { login } from "./fixtures";

function target(baseURL: string | undefined) {
  const url = new URL(baseURL ?? "http://127.0.0.1:3210");
  return { host: url.hostname, port: Number(url.port) };
}

/** A connection that sends `send` (if anything) and resolves with what came back once the server closes it. */
function openSocket(baseURL: string | undefined, onOpen: (socket: Socket) => void = () => {}) {
  const socket = connect(target(baseURL));
  socket.setNoDelay(true);
  let received = "";
  socket.on("data", (d) => (received += d.toString("latin1")));
  const closed = new Promise<{ received: string; afterMs: number }>((resolve) => {
    const started = Date.now();
    socket.on("close", () => resolve({ received, afterMs: Date.now() - started }));
    socket.on("error", () => {});
  });
  socket.on("connect", () => onOpen(socket));
  return { socket, closed };
}

function get(baseURL: string | undefined, path: string, headers: Record<string, string> = {}, agent?: Agent) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest({ ...target(baseURL), path, headers, agent: agent ?? false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("an idle connection and a slowloris head are closed by the server's own timeouts, with 408 for the head", async ({ baseURL }) => {
  // Node's defaults: headersTimeout 60 s, checked every 30 s (connectionsCheckingInterval): closed within ~90 s.
  test.setTimeout(150_000);
  const idle = openSocket(baseURL);
  let timer: NodeJS.Timeout | undefined;
  const slow = openSocket(baseURL, (socket) => {
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    let n = 0;
    timer = setInterval(() => socket.writable && socket.write(`X-Slow-${n++}: ${"a".repeat(10)}\r\n`), 10_000);
  });
  try {
    const [i, s] = await Promise.all([idle.closed, slow.closed]);
    expect(s.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(s.afterMs).toBeLessThan(120_000);
    expect(i.afterMs).toBeLessThan(120_000);
  } finally {
    clearInterval(timer);
    idle.socket.destroy();
    slow.socket.destroy();
  }
});

test("1,000 idle connections do not stop a new request from being served", async ({ baseURL }) => {
  test.setTimeout(60_000);
  const sockets: Socket[] = [];
  try {
    await Promise.all(
      Array.from({ length: 1000 }, () => {
        const { socket } = openSocket(baseURL);
        sockets.push(socket);
        return new Promise<void>((resolve, reject) => {
          socket.once("connect", () => resolve());
          socket.once("error", reject);
        });
      }),
    );
    const health = await get(baseURL, "/api/health");
    expect(health.status).toBe(200);
    const home = await get(baseURL, "/");
    expect(home.status).toBe(200);
  } finally {
    for (const s of sockets) s.destroy();
  }
});

test("keep-alive requests are answered without waiting for the client's delayed ACK (Nagle off)", async ({ baseURL }) => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    // Let the specs before this one settle (the scale-out spec stops two servers and nginx), then
    // warm up on the same connection (JIT, the database pool), then measure.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (let i = 0; i < 50; i++) await get(baseURL, "/api/health", {}, agent);
    // With Nagle on, every answer on a reused connection waited ~40 ms for the client's delayed ACK,
    // in every series. A series slowed by a busy neighbour on this shared machine is measured again
    // (five at most): the best median must be within the bar.
    const medians: number[] = [];
    for (let series = 0; series < 5 && !(medians.length > 0 && Math.min(...medians) <= 5); series++) {
      const times: number[] = [];
      for (let i = 0; i < 100; i++) {
        const started = performance.now();
        const r = await get(baseURL, "/api/health", {}, agent);
        times.push(performance.now() - started);
        expect(r.status).toBe(200);
      }
      times.sort((a, b) => a - b);
      medians.push(times[50]!);
    }
    expect(Math.min(...medians), `medians of the series (ms): ${medians.map((m) => m.toFixed(2)).join(", ")}`).toBeLessThanOrEqual(5);
  } finally {
    agent.destroy();
  }
});

test("public pages say an intermediary may keep them a second and revalidate by ETag; staff pages are private, no-store", async ({ baseURL, page }) => {
  for (const path of ["/", "/chi-tieu/DVC_L4_SHARE", "/en/methodology", "/api/public/figures.csv"]) {
    const first = await get(baseURL, path);
    expect(first.status, path).toBe(200);
    const cacheControl = String(first.headers["cache-control"]);
    expect(cacheControl, path).toMatch(/s-maxage=1\b/);
    expect(cacheControl, path).toMatch(/stale-while-revalidate=\d+/);
    expect(cacheControl, path).not.toMatch(/31536000/);
    const etag = String(first.headers.etag);
    expect(etag, path).toMatch(/^(W\/)?".+"$/);
    const again = await get(baseURL, path, { "If-None-Match": etag });
    expect(again.status, path).toBe(304);
  }
  await login(page, "VIEWER", "/theo-doi");
  const staff = await page.request.get("/theo-doi");
  expect(staff.status()).toBe(200);
  expect(staff.headers()["cache-control"]).toMatch(/private/);
  expect(staff.headers()["cache-control"]).toMatch(/no-store/);
});

test("an indicator page answers 404 for a quarter without data or an unknown code, without rendering a page", async ({ baseURL }) => {
  expect((await get(baseURL, "/chi-tieu/DVC_L4_SHARE?quy=2000-Q1")).status).toBe(404);
  expect((await get(baseURL, "/chi-tieu/DVC_L4_SHARE?quy=2099-Q4")).status).toBe(404);
  expect((await get(baseURL, "/en/indicators/DVC_L4_SHARE?quarter=2001-Q2")).status).toBe(404);
  expect((await get(baseURL, "/chi-tieu/NO_SUCH_CODE_12345")).status).toBe(404);
  expect((await get(baseURL, "/chi-tieu/DVC_L4_SHARE")).status).toBe(200);
  const withQuarter = await get(baseURL, "/chi-tieu/WORK_DOSSIER_ONLINE_COMMUNE?quy=2026-Q2");
  expect(withQuarter.status).toBe(200);
  expect(withQuarter.body).toContain("Quý II/2026");
});

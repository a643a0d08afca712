/**
 * Production's shape (ADR 015, issue #12): two `npm start` instances started at
 * once on one fresh PostgreSQL database, behind real nginx running
 * deploy/nginx.conf (scripts/cluster.ts). A write through instance A — an
 * approval, an admin's rename of an indicator, a unit import — is visible
 * through instance B (public pages, open-data API, dashboard) and through
 * nginx: the cache epoch's NOTIFY reaches every instance, and nginx keeps a
 * public page at most to the end of the second it stored it. Without the
 * signal B would show the old state forever (issue #12 measured 60 s).
 *
 * What these tests hold is that it propagates, with no expiry of its own to
 * wait for: each probe must show the new state within PROPAGATES_WITHIN_MS, a
 * bound on correctness that a loaded CI machine meets (a render of a new
 * generation took up to 0.8 s there, with seven probes and two instances on two
 * cores). How fast (the 1 s, p95 through nginx) is a speed goal, so it
 * is measured by `npm run bench -- public` (docs/benchmarks.md), not asserted
 * here: a timed test of a bound that is "the rest of the second plus one
 * render" fails on a busy machine without anything being wrong.
 *
 * Needs PostgreSQL (the embedded database belongs to one process): skipped
 * when the suite runs without DATABASE_URL, with that reason.
 */
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { startCluster, type Cluster } from "@/scripts/cluster";
import { createPostgresScratchDatabase, type ScratchDatabase } from "@/tests/integration/helpers/database";
import { login, type DemoRole } from "./fixtures";

const ADMIN_URL = process.env.E2E_DATABASE_URL;
test.skip(!ADMIN_URL, "two instances share one PostgreSQL: runs when the suite has DATABASE_URL (npm test on PostgreSQL, as .ci/run does)");
test.describe.configure({ mode: "serial" });

/** nginx's second, plus a render of the new generation on a busy machine, with room; far short of "never". */
const PROPAGATES_WITHIN_MS = 5000;
let cluster: Cluster;
let scratch: ScratchDatabase | undefined;
const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true, rejectUnauthorized: false });

test.beforeAll(async () => {
  test.setTimeout(900_000);
  scratch = await createPostgresScratchDatabase(ADMIN_URL!, "scale");
  cluster = await startCluster({
    databaseUrl: scratch.url,
    appPorts: [3221, 3222],
    httpPort: 18080,
    httpsPort: 18443,
    env: { DEMO_DATA: "1", NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-0123456789" },
    log: () => {},
  });
});

test.afterAll(async () => {
  await cluster?.stop();
  httpAgent.destroy();
  httpsAgent.destroy();
  await scratch?.drop();
});

/** GET of a full URL (http to an instance, https to nginx), with the cookie of a signed-in context if given. */
function get(url: string, cookie?: string, retried = false): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const u = new URL(url);
  const send = u.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, agent: u.protocol === "https:" ? httpsAgent : httpAgent, headers: cookie ? { cookie } : {} },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    // A kept-alive socket the server closed for idleness just as it was reused ("socket hang up"):
    // a GET is retried once on a new one, as browsers do (Node's http docs, agent.reusedSocket).
    req.on("error", (e: NodeJS.ErrnoException) => (req.reusedSocket && !retried && e.code === "ECONNRESET" ? get(url, cookie, true).then(resolve, reject) : reject(e)));
    req.end();
  });
}

interface Probe {
  name: string;
  url: string;
  cookie?: string;
  /** The new state is visible in this body. */
  shows: (body: string) => boolean;
}

/** Every probe shows the old state now (so it was cached, if it is cached anywhere). */
async function expectOldState(probes: Probe[]) {
  for (const p of probes) {
    for (let i = 0; i < 2; i++) {
      const r = await get(p.url, p.cookie);
      expect(r.status, p.name).toBe(200);
      expect(p.shows(r.body), `${p.name} shows the new state before the write`).toBe(false);
    }
  }
}

/** Milliseconds from `since` until each probe shows the new state (polled every 20 ms; Infinity after twice the bound). */
async function timesToVisible(probes: Probe[], since: number): Promise<Record<string, number>> {
  const times = await Promise.all(
    probes.map(async (p) => {
      for (;;) {
        const r = await get(p.url, p.cookie);
        if (r.status === 200 && p.shows(r.body)) return [p.name, Date.now() - since] as const;
        if (Date.now() - since > 2 * PROPAGATES_WITHIN_MS) return [p.name, Infinity] as const;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }),
  );
  return Object.fromEntries(times);
}

function expectAllPropagated(times: Record<string, number>) {
  const late = Object.entries(times).filter(([, ms]) => ms > PROPAGATES_WITHIN_MS);
  expect(late, `visible after (ms): ${JSON.stringify(times)}`).toEqual([]);
}

/** A signed-in browser context on one instance (its own baseURL), and the session cookie for plain requests. */
async function signedIn(browser: Browser, baseURL: string, role: DemoRole, next: string): Promise<{ context: BrowserContext; page: Page; cookie: string }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await login(page, role, next);
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  return { context, page, cookie };
}

/** When the server action's answer (the transaction has committed) arrives. */
async function submitAndTime(page: Page, click: () => Promise<void>): Promise<number> {
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
  await click();
  await answered;
  return Date.now();
}

test("an approval through instance A is on B's public pages, open data and dashboard, and through nginx", async ({ browser }) => {
  const [a, b] = cluster.apps as [string, string];
  const viewer = await signedIn(browser, b, "VIEWER", "/theo-doi");
  const has = (text: string) => (body: string) => body.includes(text);
  const awaitingReview = (body: string) => Number(/([\d.]+)(?:<!-- -->)? chờ duyệt\./.exec(body)?.[1]?.replace(/\./g, "") ?? NaN);
  const waitingBefore = awaitingReview((await get(`${b}/theo-doi/day-du?ky=2026-Q3`, viewer.cookie)).body);
  expect(waitingBefore, "figures awaiting review in 2026 Q3 (demo data)").toBeGreaterThan(0);
  const probes: Probe[] = [
    { name: "B /", url: `${b}/`, shows: has("95,15%") },
    { name: "B /chi-tieu/DVC_L4_SHARE", url: `${b}/chi-tieu/DVC_L4_SHARE`, shows: has("95,15%") },
    { name: "B /en", url: `${b}/en`, shows: has("95.15%") },
    { name: "B open data", url: `${b}/api/v1/figures?indicator=DVC_L4_SHARE&level=PROVINCE&from=2026-Q3&format=csv`, shows: has("2026-Q3") },
    // The completeness dashboard counts the quarter's figures awaiting review: one fewer once approved.
    { name: "B dashboard", url: `${b}/theo-doi/day-du?ky=2026-Q3`, cookie: viewer.cookie, shows: (body) => awaitingReview(body) === waitingBefore - 1 },
    { name: "nginx /", url: `${cluster.nginx}/`, shows: has("95,15%") },
    { name: "nginx /chi-tieu/DVC_L4_SHARE", url: `${cluster.nginx}/chi-tieu/DVC_L4_SHARE`, shows: has("95,15%") },
  ];
  await expectOldState(probes);
  const cached = await get(`${cluster.nginx}/`);
  // Any status of a page nginx caches: STALE and UPDATING are its own copy served while one request refreshes it
  // (proxy_cache_use_stale updating with background update, deploy/nginx.conf); BYPASS would mean it does not cache.
  expect(cached.headers["x-cache-status"], "nginx keeps the public home page").toMatch(/^(HIT|MISS|EXPIRED|REVALIDATED|STALE|UPDATING)$/);
  expect(cached.headers["x-accel-expires"], "nginx keeps its own expiry header to itself").toBeUndefined();

  const approver = await signedIn(browser, a, "APPROVER", "/duyet?ky=2026-Q3");
  const row = approver.page.locator('tr[data-indicator="DVC_L4_SHARE"][data-unit-level="PROVINCE"]');
  await expect(row).toContainText("95,15%");
  await row.getByRole("checkbox").check();
  await approver.page.getByRole("button", { name: "Duyệt (1)" }).click();
  const committed = await submitAndTime(approver.page, () => approver.page.getByRole("dialog").getByRole("button", { name: "Duyệt và công bố (1)" }).click());
  const times = await timesToVisible(probes, committed);
  await expect(approver.page.getByRole("status").filter({ hasText: "Đã duyệt và công bố 1 số liệu." })).toBeVisible();
  expectAllPropagated(times);
  console.log(`approval → visible (ms): ${JSON.stringify(times)}`);
  await viewer.context.close();
  await approver.context.close();
});

test("an admin's rename of an indicator through A is on B's public page and dashboard, and through nginx", async ({ browser }) => {
  const [a, b] = cluster.apps as [string, string];
  const viewer = await signedIn(browser, b, "VIEWER", "/theo-doi");
  const name = "Tỷ lệ doanh nghiệp số trên địa bàn (đổi tên thử)";
  const has = (body: string) => body.includes(name);
  const probes: Probe[] = [
    { name: "B /chi-tieu/DIGITAL_ENTERPRISES", url: `${b}/chi-tieu/DIGITAL_ENTERPRISES`, shows: has },
    { name: "B /", url: `${b}/`, shows: has },
    { name: "B open data", url: `${b}/api/v1/indicators?code=DIGITAL_ENTERPRISES&format=csv`, shows: has },
    { name: "B dashboard", url: `${b}/theo-doi`, cookie: viewer.cookie, shows: has },
    { name: "nginx /chi-tieu/DIGITAL_ENTERPRISES", url: `${cluster.nginx}/chi-tieu/DIGITAL_ENTERPRISES`, shows: has },
  ];
  await expectOldState(probes);

  const admin = await signedIn(browser, a, "ADMIN", "/quan-tri/chi-tieu");
  await admin.page.locator('tr[data-indicator="DIGITAL_ENTERPRISES"]').getByRole("link").click();
  const form = admin.page.getByRole("form", { name: "Tên, phương pháp tính và cơ quan phụ trách" });
  await expect(form.getByRole("button", { name: "Lưu chỉ tiêu" })).toBeEnabled(); // hydrated
  await form.getByLabel("Tên tiếng Việt").fill(name);
  const committed = await submitAndTime(admin.page, () => form.getByRole("button", { name: "Lưu chỉ tiêu" }).click());
  const times = await timesToVisible(probes, committed);
  await expect(form.getByRole("status")).toContainText("Đã lưu chỉ tiêu.");
  expectAllPropagated(times);
  console.log(`rename → visible (ms): ${JSON.stringify(times)}`);
  await viewer.context.close();
  await admin.context.close();
});

test("a unit import through A is in B's open data and dashboard geography", async ({ browser }) => {
  const [a, b] = cluster.apps as [string, string];
  const viewer = await signedIn(browser, b, "VIEWER", "/theo-doi");
  const dashboard = `${b}/theo-doi/chi-tieu/WORK_DOSSIER_ONLINE_COMMUNE?ky=2026-Q4`;
  const coverage = (body: string) => /data-coverage="([^"]+)"/.exec(body)?.[1];
  const coverageBefore = coverage((await get(dashboard, viewer.cookie)).body);
  expect(coverageBefore, "the province's coverage this quarter").toMatch(/^\d+\/\d+$/);
  const probes: Probe[] = [
    { name: "B open data (units)", url: `${b}/api/v1/units?code=99001&valid_on=2026-12-31&format=csv`, shows: (body) => body.includes("Xã Hợp Nhất") },
    // The units expected to report this quarter (the dashboard's geography, cached per epoch):
    // two communes closed within it, so fewer are expected for the whole quarter.
    { name: "B dashboard (units expected this quarter)", url: dashboard, cookie: viewer.cookie, shows: (body) => coverage(body) !== coverageBefore },
  ];
  await expectOldState(probes);

  const admin = await signedIn(browser, a, "ADMIN", "/quan-tri/don-vi");
  const form = admin.page.getByRole("form", { name: "Nhập danh mục đơn vị hành chính" });
  const csv = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
  await expect(form.getByRole("button", { name: "Nhập danh mục" })).toBeEnabled(); // hydrated
  await form.getByLabel("Ngày có hiệu lực").fill("2026-12-01");
  await form.getByLabel("Danh sách đơn vị (CSV)").setInputFiles(csv("don-vi.csv", "code,name,type,level,parent_code\n99001,Xã Hợp Nhất,Xã,commune,19\n"));
  await form.getByLabel(/^Danh sách kế thừa/).setInputFiles(csv("ke-thua.csv", "level,old_code,new_code,kind\ncommune,01849,99001,full\ncommune,01864,99001,full\n"));
  const committed = await submitAndTime(admin.page, () => form.getByRole("button", { name: "Nhập danh mục" }).click());
  const times = await timesToVisible(probes, committed);
  await expect(form.getByRole("status")).toContainText("Đã nhập danh mục có hiệu lực từ 01/12/2026");
  expectAllPropagated(times);
  console.log(`unit import → visible (ms): ${JSON.stringify(times)}`);
  await viewer.context.close();
  await admin.context.close();
});

test("signing in through nginx over https gives Secure session cookies and keeps the redirects on nginx's address (issue #13, item 7)", async ({ browser }) => {
  // NEXTAUTH_URL is not set: behind the trusted proxy the address is the one nginx forwards (lib/auth/public-url.ts).
  const context = await browser.newContext({ baseURL: cluster.nginx, ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    await login(page, "VIEWER", "/theo-doi");
    await expect(page).toHaveURL(`${cluster.nginx}/theo-doi`);
    await expect(page.getByRole("heading", { level: 1, name: /Bảng điều hành/ })).toBeVisible();
    const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session?.name).toBe("__Secure-next-auth.session-token");
    expect(session?.secure).toBe(true);
  } finally {
    await context.close();
  }
  // Directly on an instance over plain http (no proxy in between): an ordinary cookie, or the browser would drop it.
  const direct = await browser.newContext({ baseURL: cluster.apps[0] });
  try {
    await login(await direct.newPage(), "VIEWER", "/theo-doi");
    const session = (await direct.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session).toMatchObject({ name: "next-auth.session-token", secure: false });
  } finally {
    await direct.close();
  }
});

test("after those writes, the page cache on disk holds one copy of each public page, served again from it", async () => {
  const b = cluster.apps[1]!;
  await get(`${b}/`);
  expect((await get(`${b}/`)).headers["x-nextjs-cache"], "B answers its home page from its page cache").toBe("HIT");
  // Every write made a new generation; each page rendered again replaced its copy instead of adding one
  // (lib/public-pages/page-cache-handler.mjs). The instances share this build folder, and so its page files.
  const root = path.join(process.cwd(), ".next", "server", "route-cache", "PAGES");
  const homes = readdirSync(root).filter((route) => existsSync(path.join(root, route, "$", "_p", "vi.html")));
  expect(homes, "one route keeps the Vietnamese home page").toHaveLength(1);
  expect(readdirSync(path.join(root, homes[0]!, "$", "_p")).filter((name) => name.startsWith("vi."))).toEqual(["vi.html", "vi.json", "vi.meta"]);
  // nginx's own log: nothing serious, but for one race of nginx itself that is harmless. When a page
  // changes, its new copy's header block can be a byte longer (Content-Length has another digit);
  // nginx renames the new cache file into place, then records the new header length in its shared
  // index, and a request between the two reads the new file against the old length. It logs
  // "[crit] cache file … has too long header", declines the copy and fetches the page from the app
  // (seen once in ~10 runs, on a loaded machine; the request was answered normally).
  const serious = readFileSync(cluster.nginxErrorLog, "utf8")
    .split("\n")
    .filter((line) => /\[(emerg|alert|crit)\]/.test(line) && !/\[crit\] .*cache file ".*" has too long header/.test(line));
  expect(serious).toEqual([]);
});

import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
// The compression middleware Next's own server runs (router-server.js): the front must keep what it writes.
// @ts-expect-error -- Next ships it without types
import compression from "next/dist/compiled/compression";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  cacheKey,
  createFront,
  FrontCache,
  isFrontRequest,
  isNotModified,
  isPublicPageUrl,
  notCacheable,
  toEntry,
  type CapturedResponse,
} from "./front-cache";

const PAGE_CSP = "default-src 'self'; script-src 'self'; object-src 'none'";

describe("which requests the front may answer or keep", () => {
  it("only GET and HEAD, and not Next's own navigation, action, revalidation or preview requests", () => {
    expect(isFrontRequest("GET", {})).toBe(true);
    expect(isFrontRequest("HEAD", { cookie: "next-auth.session-token=x" })).toBe(true);
    expect(isFrontRequest("POST", {})).toBe(false);
    expect(isFrontRequest("OPTIONS", {})).toBe(false);
    for (const name of ["rsc", "next-router-state-tree", "next-router-prefetch", "next-action", "x-prerender-revalidate", "x-middleware-subrequest"]) {
      expect(isFrontRequest("GET", { [name]: "1" }), name).toBe(false);
    }
    expect(isFrontRequest("GET", { cookie: "a=1; __prerender_bypass=abc" })).toBe(false);
    expect(isFrontRequest("GET", { cookie: "__next_preview_data=abc" })).toBe(false);
  });

  it("keeps public pages only, by the proxy's own mapping: not staff pages, sign-in, API, assets or the 404", () => {
    for (const url of ["/", "/en", "/chi-tieu/DVC_L4_SHARE", "/chi-tieu/dvc_l4_share?quy=2025-Q2", "/en/indicators/X?quarter=2025-Q2", "/phuong-phap", "/du-lieu", "/du-lieu/api", "/en/data"]) {
      expect(isPublicPageUrl(url), url).toBe(true);
    }
    for (const url of ["/duyet", "/nhap-lieu?ky=2026-Q3", "/dang-nhap", "/api/public/figures.csv", "/api/health", "/_next/static/chunks/a.js", "/chart-tooltip.js", "/khong-tim-thay", "/en/nope", "/chi-tieu/A/B", "/_p/x/vi", "/nowhere"]) {
      expect(isPublicPageUrl(url), url).toBe(false);
    }
  });

  it("refuses request targets the front and Next's router could read differently", () => {
    expect(isPublicPageUrl("/chi-tieu/../duyet")).toBe(false);
    expect(isPublicPageUrl("/./")).toBe(false);
    expect(isPublicPageUrl("//en")).toBe(false);
    expect(isPublicPageUrl("http://evil.example/")).toBe(false);
    expect(isPublicPageUrl(undefined)).toBe(false);
  });

  it("keys by the full URL, the forwarded protocol and the accepted encodings", () => {
    const base = cacheKey("/chi-tieu/X?quy=2025-Q2", {});
    expect(cacheKey("/chi-tieu/X?quy=2025-Q3", {})).not.toBe(base);
    expect(cacheKey("/chi-tieu/X", {})).not.toBe(base);
    expect(cacheKey("/chi-tieu/X?quy=2025-Q2", { "x-forwarded-proto": "https" })).not.toBe(base);
    expect(cacheKey("/chi-tieu/X?quy=2025-Q2", { "accept-encoding": "gzip" })).not.toBe(base);
    expect(cacheKey("/chi-tieu/X?quy=2025-Q2", { host: "other.example", "user-agent": "x" })).toBe(base);
  });
});

const ok = (over: Partial<CapturedResponse> = {}): CapturedResponse => ({
  status: 200,
  headers: [
    ["content-security-policy", PAGE_CSP],
    ["Cache-Control", "s-maxage=31536000"],
    ["ETag", '"abc"'],
    ["Content-Type", "text/html; charset=utf-8"],
    ["Vary", "Accept-Encoding"],
  ],
  body: Buffer.from("<!DOCTYPE html><p>trang</p>"),
  ...over,
});
const withHeader = (name: string, value: string) => ok({ headers: [...ok().headers, [name, value]] });

describe("which responses are kept", () => {
  it("a 200 HTML page without cookie, privacy or nonce", () => {
    expect(notCacheable(ok())).toBeNull();
  });

  it("nothing else", () => {
    expect(notCacheable(ok({ status: 404 }))).toBe("status 404");
    expect(notCacheable(ok({ status: 307 }))).toBe("status 307");
    expect(notCacheable(ok({ status: 304 }))).toBe("status 304");
    expect(notCacheable(ok({ headers: [["Content-Type", "application/json"]] }))).toBe("not text/html");
    expect(notCacheable(withHeader("Set-Cookie", "a=1"))).toBe("Set-Cookie");
    const html: [string, string][] = [["Content-Type", "text/html"], ["content-security-policy", PAGE_CSP]];
    expect(notCacheable(ok({ headers: [...html, ["Cache-Control", "private, no-cache"]] }))).toMatch(/private/);
    expect(notCacheable(ok({ headers: [...html, ["Cache-Control", "no-store"]] }))).toMatch(/no-store/);
    expect(notCacheable(ok({ headers: [["Content-Type", "text/html"], ["content-security-policy", "script-src 'self' 'nonce-abc'"]] }))).toBe("CSP nonce");
    expect(notCacheable(ok({ headers: [["Content-Type", "text/html"]] }))).toBe("no CSP");
    expect(notCacheable(ok({ headers: [...html, ["Vary", "RSC, Accept-Encoding"]] }))).toMatch(/Vary/);
    expect(notCacheable(ok({ body: Buffer.alloc(101) }), { maxEntries: 10, maxBytes: 10_000, maxBodyBytes: 100 })).toBe("body too large");
  });

  it("drops the headers of one connection and moment, and says HIT", () => {
    const entry = toEntry(ok({ headers: [...ok().headers, ["Date", "x"], ["Connection", "keep-alive"], ["Transfer-Encoding", "chunked"], ["x-nextjs-cache", "MISS"], ["X-Dx-Cache", "MISS"], ["Content-Length", "1"]] }));
    const names = entry.headers.filter((_, i) => i % 2 === 0);
    expect(names).toEqual(["content-security-policy", "Cache-Control", "ETag", "Content-Type", "Vary", "Content-Length", "X-Dx-Cache"]);
    expect(entry.headers.at(-3)).toBe(String(ok().body.length));
    expect(entry.headers.at(-1)).toBe("HIT");
    expect(entry.notModified.filter((_, i) => i % 2 === 0)).toEqual(["content-security-policy", "Cache-Control", "ETag", "Vary", "X-Dx-Cache"]);
    expect(entry.etag).toBe('"abc"');
  });
});

describe("If-None-Match, as Next answers it", () => {
  it("is fresh for the same tag, weak or strong, in a list, or *", () => {
    expect(isNotModified({ "if-none-match": '"abc"' }, '"abc"')).toBe(true);
    expect(isNotModified({ "if-none-match": 'W/"abc"' }, '"abc"')).toBe(true);
    expect(isNotModified({ "if-none-match": '"x", "abc"' }, '"abc"')).toBe(true);
    expect(isNotModified({ "if-none-match": "*" }, '"abc"')).toBe(true);
  });

  it("is not for another tag, without a tag, or when the request says no-cache", () => {
    expect(isNotModified({ "if-none-match": '"x"' }, '"abc"')).toBe(false);
    expect(isNotModified({}, '"abc"')).toBe(false);
    expect(isNotModified({ "if-none-match": '"abc"' }, null)).toBe(false);
    expect(isNotModified({ "if-none-match": '"abc"', "cache-control": "no-cache" }, '"abc"')).toBe(false);
  });
});

describe("FrontCache", () => {
  const entry = (bytes: number) => ({ ...toEntry(ok()), bytes });

  it("keeps one generation: another one drops every entry, and a late fill of the old one is refused", () => {
    const cache = new FrontCache();
    expect(cache.get("g1", "/")).toBeUndefined();
    expect(cache.set("g1", "/", entry(10))).toBe(true);
    expect(cache.get("g1", "/")).toBeDefined();
    expect(cache.get("g2", "/")).toBeUndefined();
    expect(cache.set("g1", "/en", entry(10))).toBe(false);
    expect(cache.size.entries).toBe(0);
  });

  it("holds at most maxEntries and maxBytes, dropping the oldest first", () => {
    const cache = new FrontCache({ maxEntries: 3, maxBytes: 1000 });
    cache.get("g", "");
    for (const key of ["a", "b", "c", "d"]) cache.set("g", key, entry(100));
    expect(cache.get("g", "a")).toBeUndefined();
    expect(["b", "c", "d"].every((k) => cache.get("g", k))).toBe(true);
    cache.set("g", "big", entry(700));
    expect(cache.size.entries).toBeLessThanOrEqual(3);
    expect(cache.size.bytes).toBeLessThanOrEqual(1000);
    expect(cache.get("g", "big")).toBeDefined();
    expect(cache.get("g", "b")).toBeUndefined();
    expect(cache.set("g", "huge", entry(2000))).toBe(false);
    expect(cache.get("g", "big")).toBeDefined();
  });

  it("counts a replaced entry once", () => {
    const cache = new FrontCache({ maxEntries: 10, maxBytes: 10_000 });
    cache.get("g", "");
    cache.set("g", "a", entry(100));
    cache.set("g", "a", entry(100));
    expect(cache.size).toEqual({ entries: 1, bytes: 102 });
  });
});

/** A response as it came off the socket: raw header pairs and the body's bytes (nothing decoded). */
interface Raw {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

function header(raw: Raw, name: string): string | undefined {
  return raw.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

/** Headers that describe the connection or the moment, or who answered: everything else must be the same. */
const PER_RESPONSE = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "x-nextjs-cache", "x-dx-cache"]);
const pageHeaders = (raw: Raw) => raw.headers.filter(([n]) => !PER_RESPONSE.has(n.toLowerCase()));

/**
 * A stand-in for Next behind the front, answering as Next 16.4 does for a
 * cached public page (proxy headers, then sendRenderResult: Cache-Control,
 * ETag, Content-Type, Content-Length, end(payload)), gzipped by Next's
 * compression middleware when asked; and other answers on other paths.
 */
function fakeNext() {
  const state = { calls: 0, page: "<!DOCTYPE html><html lang=vi><p>Số liệu: 95,15%</p>" + "x".repeat(4000) + "</html>", onRender: () => {} };
  const compress = compression();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    state.calls += 1;
    compress(req as never, res as never, () => {});
    const https = req.headers["x-forwarded-proto"] === "https";
    res.setHeader("content-security-policy", https ? `${PAGE_CSP}; upgrade-insecure-requests` : PAGE_CSP);
    res.setHeader("x-frame-options", "DENY");
    if (https) res.setHeader("Strict-Transport-Security", "max-age=31536000");
    const path = req.url ?? "/";
    const page = (body: string, extra: Record<string, string> = {}) => {
      res.setHeader("x-nextjs-cache", "HIT");
      res.setHeader("Cache-Control", "s-maxage=31536000");
      res.setHeader("ETag", `"${body.length.toString(36)}"`);
      for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Content-Length", Buffer.byteLength(body));
      if (req.method === "HEAD") return res.end();
      state.onRender();
      res.end(body);
    };
    if (path === "/" || (path.startsWith("/chi-tieu/") && path !== "/chi-tieu/NONCE") || path === "/en") return page(`${state.page}<!-- ${path} -->`);
    if (path === "/phuong-phap") return page(state.page, { "Set-Cookie": "theme=dark; Path=/" });
    if (path === "/du-lieu") {
      // Written through writeHead with its own headers, in two chunks, as a stream would.
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", ETag: '"stream"' });
      res.write("<!DOCTYPE html><p>một</p>");
      return res.end("<p>hai</p>");
    }
    if (path === "/en/data") throw new Error("hỏng");
    if (path === "/duyet" || path === "/chi-tieu/NONCE") {
      res.setHeader("content-security-policy", "script-src 'self' 'nonce-abc'");
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      return res.end("<p>Duyệt số liệu — chỉ cho người duyệt</p>");
    }
    res.statusCode = 404;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end("<p>Không tìm thấy trang</p>");
  };
  return { state, handler };
}

/** A server on a free loopback port, and raw GETs against it. */
async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const get = (path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Raw> =>
    new Promise((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path, method, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const pairs: [string, string][] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
          resolve({ status: res.statusCode!, headers: pairs, body: Buffer.concat(chunks) });
        });
      });
      req.on("error", reject);
      req.end();
    });
  return { get, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("the front in front of Next", () => {
  let generation = "g1";
  const next = fakeNext();
  const errors: unknown[] = [];
  let served: Awaited<ReturnType<typeof listen>>;
  const get = (path: string, headers: Record<string, string> = {}, method = "GET") => served.get(path, headers, method);

  beforeAll(async () => {
    served = await listen(createFront(next.handler, { generation: () => generation, onError: (e) => errors.push(e) }));
  });
  afterAll(() => served.close());
  afterEach(() => {
    generation = `${generation}+`; // every test starts on an empty front
    next.state.onRender = () => {};
  });

  it("answers the second request of a page itself, with the very status, headers and bytes Next sent", async () => {
    const calls = next.state.calls;
    const miss = await get("/");
    const hit = await get("/");
    expect(next.state.calls - calls).toBe(1);
    expect(header(miss, "X-Dx-Cache")).toBe("MISS");
    expect(header(hit, "X-Dx-Cache")).toBe("HIT");
    expect(hit.status).toBe(miss.status);
    expect(pageHeaders(hit)).toEqual(pageHeaders(miss)); // names as Next spelt them, in its order
    expect(hit.body.equals(miss.body)).toBe(true);
    expect(header(hit, "Content-Length")).toBe(String(miss.body.length));
    expect(header(hit, "Transfer-Encoding")).toBeUndefined();
  });

  it("keeps the gzip variant as Next's compression wrote it, apart from the plain one", async () => {
    const calls = next.state.calls;
    const gzipMiss = await get("/", { "accept-encoding": "gzip" });
    const gzipHit = await get("/", { "accept-encoding": "gzip" });
    const plain = await get("/");
    expect(next.state.calls - calls).toBe(2); // the plain one is a different variant: Next answers it
    expect(header(gzipMiss, "Content-Encoding")).toBe("gzip");
    expect(header(gzipMiss, "Transfer-Encoding")).toBe("chunked");
    expect(header(gzipHit, "X-Dx-Cache")).toBe("HIT");
    expect(pageHeaders(gzipHit)).toEqual(pageHeaders(gzipMiss));
    expect(gzipHit.body.equals(gzipMiss.body)).toBe(true);
    expect(header(gzipHit, "Content-Length")).toBe(String(gzipMiss.body.length));
    expect(gunzipSync(gzipHit.body).equals(plain.body)).toBe(true);
    expect(header(gzipHit, "Vary")).toBe("Accept-Encoding");
  });

  it("keeps the HTTPS answer (its CSP and HSTS) apart from the plain-HTTP one", async () => {
    await get("/");
    const httpHit = await get("/");
    const httpsMiss = await get("/", { "x-forwarded-proto": "https" });
    const httpsHit = await get("/", { "x-forwarded-proto": "https" });
    expect(header(httpHit, "X-Dx-Cache")).toBe("HIT");
    expect(header(httpHit, "Strict-Transport-Security")).toBeUndefined();
    expect(header(httpsMiss, "X-Dx-Cache")).toBe("MISS");
    expect(header(httpsHit, "Strict-Transport-Security")).toBe("max-age=31536000");
    expect(header(httpsHit, "content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("keeps each URL, query included, apart", async () => {
    await get("/chi-tieu/X?quy=2025-Q2");
    const other = await get("/chi-tieu/X?quy=2025-Q3");
    const same = await get("/chi-tieu/X?quy=2025-Q2");
    expect(header(other, "X-Dx-Cache")).toBe("MISS");
    expect(header(same, "X-Dx-Cache")).toBe("HIT");
    expect(same.body.toString()).toContain("<!-- /chi-tieu/X?quy=2025-Q2 -->");
  });

  it("a new generation (a publication) misses at once and serves what Next renders now", async () => {
    await get("/en");
    expect(header(await get("/en"), "X-Dx-Cache")).toBe("HIT");
    const before = next.state.page;
    next.state.page = before.replace("95,15%", "96,00%");
    try {
      generation = "published";
      const fresh = await get("/en");
      expect(header(fresh, "X-Dx-Cache")).toBe("MISS");
      expect(fresh.body.toString()).toContain("96,00%");
      const again = await get("/en");
      expect(header(again, "X-Dx-Cache")).toBe("HIT");
      expect(again.body.toString()).toContain("96,00%");
    } finally {
      next.state.page = before;
    }
  });

  it("drops a copy whose generation ended while Next was answering", async () => {
    const started = generation;
    next.state.onRender = () => {
      generation = `${started}-approved`;
    };
    await get("/");
    next.state.onRender = () => {};
    expect(header(await get("/"), "X-Dx-Cache")).toBe("MISS");
    expect(header(await get("/"), "X-Dx-Cache")).toBe("HIT");
  });

  it("never keeps staff pages, sign-in, the API, assets, a Set-Cookie answer or a 404", async () => {
    for (const path of ["/duyet", "/dang-nhap", "/api/health", "/_next/static/a.js", "/phuong-phap", "/khong-tim-thay", "/chi-tieu/A/B"]) {
      const calls = next.state.calls;
      const first = await get(path);
      const second = await get(path);
      expect(next.state.calls - calls, path).toBe(2);
      expect(header(second, "X-Dx-Cache"), path).not.toBe("HIT");
      expect(second.body.equals(first.body), path).toBe(true);
    }
    expect(header(await get("/phuong-phap"), "Set-Cookie")).toBe("theme=dark; Path=/");
  });

  it("never keeps an answer with a CSP nonce (made for one response), even under a public URL", async () => {
    const calls = next.state.calls;
    await get("/chi-tieu/NONCE");
    const second = await get("/chi-tieu/NONCE");
    expect(next.state.calls - calls).toBe(2);
    expect(header(second, "X-Dx-Cache")).toBe("MISS");
  });

  it("never answers or keeps other methods, nor Next's own navigation requests", async () => {
    await get("/");
    const calls = next.state.calls;
    await get("/", {}, "POST");
    await get("/", { rsc: "1" });
    await get("/", { cookie: "__prerender_bypass=1" });
    expect(next.state.calls - calls).toBe(3);
    expect(header(await get("/"), "X-Dx-Cache")).toBe("HIT");
  });

  it("HEAD: from a kept GET, the same headers and no body; never a fill of its own", async () => {
    const calls = next.state.calls;
    await get("/", {}, "HEAD");
    await get("/", {}, "HEAD");
    expect(next.state.calls - calls).toBe(2);
    const full = await get("/");
    const head = await get("/", {}, "HEAD");
    expect(next.state.calls - calls).toBe(3);
    expect(header(head, "X-Dx-Cache")).toBe("HIT");
    expect(head.body.length).toBe(0);
    expect(header(head, "Content-Length")).toBe(String(full.body.length));
    expect(pageHeaders(head)).toEqual(pageHeaders(full));
  });

  it("If-None-Match with the page's ETag: 304 with its ETag, Cache-Control and Vary, and no body", async () => {
    const full = await get("/");
    const etag = header(full, "ETag")!;
    const calls = next.state.calls;
    const notModified = await get("/", { "if-none-match": etag });
    expect(next.state.calls).toBe(calls);
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(header(notModified, "ETag")).toBe(etag);
    expect(header(notModified, "Cache-Control")).toBe("s-maxage=31536000");
    expect(header(notModified, "Vary")).toBe("Accept-Encoding");
    expect(header(notModified, "Content-Type")).toBeUndefined();
    expect((await get("/", { "if-none-match": '"other"' })).status).toBe(200);
  });

  it("keeps a page written with writeHead and in chunks, headers included", async () => {
    const miss = await get("/du-lieu");
    const hit = await get("/du-lieu");
    expect(header(hit, "X-Dx-Cache")).toBe("HIT");
    expect(hit.body.toString()).toBe("<!DOCTYPE html><p>một</p><p>hai</p>");
    expect(hit.body.equals(miss.body)).toBe(true);
    expect(header(hit, "ETag")).toBe('"stream"');
    expect(pageHeaders(hit)).toEqual(pageHeaders(miss));
  });

  it("keeps the headers given only to writeHead (Node's fast path, no header set before)", async () => {
    const only = await listen(
      createFront(
        (req, res) => {
          res.writeHead(200, ["Content-Type", "text/html; charset=utf-8", "ETag", '"w"', "Content-Security-Policy", PAGE_CSP]);
          res.end("<p>trang</p>");
        },
        { generation: () => "g" },
      ),
    );
    try {
      const miss = await only.get("/");
      const hit = await only.get("/");
      expect(header(hit, "X-Dx-Cache")).toBe("HIT");
      expect(pageHeaders(hit)).toEqual(pageHeaders(miss));
      expect(header(hit, "ETag")).toBe('"w"');
      expect(header(hit, "Content-Security-Policy")).toBe(PAGE_CSP);
    } finally {
      await only.close();
    }
  });

  it("answers 500 in Vietnamese when Next fails, and keeps nothing", async () => {
    const failed = await get("/en/data");
    expect(failed.status).toBe(500);
    expect(failed.body.toString()).toContain("Lỗi máy chủ");
    expect(errors.length).toBeGreaterThan(0);
    expect((await get("/en/data")).status).toBe(500);
  });

  it("keeps nothing of a body larger than the limit", async () => {
    const small = await listen(createFront(next.handler, { generation: () => "g", limits: { maxBodyBytes: 100 } }));
    try {
      const calls = next.state.calls;
      await small.get("/");
      const second = await small.get("/");
      expect(next.state.calls - calls).toBe(2);
      expect(header(second, "X-Dx-Cache")).toBe("MISS");
      expect(second.body.length).toBeGreaterThan(100);
    } finally {
      await small.close();
    }
  });
});

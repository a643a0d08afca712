/**
 * The front of the public pages (ADR 013) against the real server of
 * `npm start` (scripts/serve.ts): its copy of a public page is the very answer
 * Next gave — status, headers, bytes, per encoding and protocol — and
 * anything per person or per request (staff pages, sign-in, 404s, assets) is
 * always Next's own answer. Raw HTTP, so nothing is decoded on the way.
 *
 * Each test asks for URLs of its own (a query the page mapping ignores), so
 * whatever other specs asked before cannot have filled them.
 */
import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";

interface Raw {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

const PER_RESPONSE = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "x-nextjs-cache", "x-dx-cache"]);
const pageHeaders = (raw: Raw) => raw.headers.filter(([n]) => !PER_RESPONSE.has(n.toLowerCase()));
const header = (raw: Raw, name: string) => raw.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
const unique = () => `front=${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

function raw(baseURL: string | undefined, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Raw> {
  const base = new URL(baseURL ?? "http://127.0.0.1:3210");
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: base.hostname, port: base.port, path, method, headers, agent: false }, (res) => {
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
}

test("a public page's second request is answered by the front with exactly what Next sent, plain and gzipped", async ({ baseURL }) => {
  for (const path of [`/?${unique()}`, `/chi-tieu/WORK_DOSSIER_ONLINE_COMMUNE?${unique()}`, `/en/methodology?${unique()}`]) {
    for (const encoding of [{}, { "accept-encoding": "gzip" }] as Record<string, string>[]) {
      const miss = await raw(baseURL, path, encoding);
      const hit = await raw(baseURL, path, encoding);
      expect(miss.status, path).toBe(200);
      expect(header(miss, "X-Dx-Cache"), path).toBe("MISS");
      expect(header(hit, "X-Dx-Cache"), path).toBe("HIT");
      expect(hit.status, path).toBe(200);
      expect(pageHeaders(hit), path).toEqual(pageHeaders(miss));
      expect(hit.body.equals(miss.body), path).toBe(true);
      expect(Number(header(hit, "Content-Length")), path).toBe(miss.body.length);
      expect(header(hit, "Content-Encoding"), path).toBe(encoding["accept-encoding"]);
      expect(header(hit, "content-security-policy"), path).toContain("script-src 'self';");
    }
  }
});

test("the answer does not depend on Host, which is why Host is not part of the front's key", async ({ baseURL }) => {
  const a = await raw(baseURL, `/chi-tieu/DVC_L4_SHARE?${unique()}`, { host: "a.example" });
  const b = await raw(baseURL, `/chi-tieu/DVC_L4_SHARE?${unique()}`, { host: "b.example:8080" });
  expect([header(a, "X-Dx-Cache"), header(b, "X-Dx-Cache")]).toEqual(["MISS", "MISS"]);
  expect(pageHeaders(b)).toEqual(pageHeaders(a));
  expect(b.body.equals(a.body)).toBe(true);
  expect(a.body.toString()).not.toContain("a.example");
});

test("over HTTPS (X-Forwarded-Proto from the trusted proxy) the page is kept apart, with its HSTS and CSP", async ({ baseURL }) => {
  const path = `/en?${unique()}`;
  await raw(baseURL, path);
  const httpsMiss = await raw(baseURL, path, { "x-forwarded-proto": "https" });
  const httpsHit = await raw(baseURL, path, { "x-forwarded-proto": "https" });
  const httpHit = await raw(baseURL, path);
  expect(header(httpsMiss, "X-Dx-Cache")).toBe("MISS");
  expect(header(httpsHit, "X-Dx-Cache")).toBe("HIT");
  expect(header(httpsHit, "Strict-Transport-Security")).toBe("max-age=31536000");
  expect(header(httpsHit, "content-security-policy")).toContain("upgrade-insecure-requests");
  expect(header(httpHit, "X-Dx-Cache")).toBe("HIT");
  expect(header(httpHit, "Strict-Transport-Security")).toBeUndefined();
});

test("HEAD and If-None-Match are answered from the kept page", async ({ baseURL }) => {
  const path = `/du-lieu?${unique()}`;
  const full = await raw(baseURL, path);
  const head = await raw(baseURL, path, {}, "HEAD");
  expect(header(head, "X-Dx-Cache")).toBe("HIT");
  expect(head.body.length).toBe(0);
  expect(Number(header(head, "Content-Length"))).toBe(full.body.length);
  const etag = header(full, "ETag")!;
  expect(etag).toMatch(/^"/);
  const notModified = await raw(baseURL, path, { "if-none-match": etag });
  expect(notModified.status).toBe(304);
  expect(header(notModified, "X-Dx-Cache")).toBe("HIT");
  expect(header(notModified, "ETag")).toBe(etag);
  expect(notModified.body.length).toBe(0);
});

test("sign-in, staff pages, the API, assets and unknown addresses are always Next's own answer", async ({ baseURL }) => {
  const signIn = [await raw(baseURL, "/dang-nhap"), await raw(baseURL, "/dang-nhap")];
  expect(signIn.map((r) => r.status)).toEqual([200, 200]);
  expect(signIn.map((r) => header(r, "X-Dx-Cache"))).toEqual([undefined, undefined]);
  // A fresh nonce each time: the page was rendered for each request.
  expect(header(signIn[0]!, "content-security-policy")).toMatch(/'nonce-/);
  expect(header(signIn[1]!, "content-security-policy")).not.toBe(header(signIn[0]!, "content-security-policy"));

  for (const path of ["/duyet", "/api/public/figures.json", "/chart-tooltip.js", "/khong-co-trang-nay", "/chi-tieu/KHONG_CO_MA_NAY"]) {
    const first = await raw(baseURL, path);
    const second = await raw(baseURL, path);
    expect(header(first, "X-Dx-Cache"), path).not.toBe("HIT");
    expect(header(second, "X-Dx-Cache"), path).not.toBe("HIT");
  }
});

/**
 * The front of the public pages (ADR 013): the custom server (scripts/serve.ts)
 * hands every request to this module first. A public page this process already
 * sent is answered from memory, before Next's pipeline (router, proxy,
 * rewrites, page cache); everything else goes to Next untouched.
 *
 * - What is kept: the answer Next gave to a GET of a public page
 *   (publicPagePath, the proxy's own mapping), captured as it went out (tee)
 *   — status 200, text/html, no Set-Cookie, not private/no-store, the proxy's
 *   CSP and no nonce in it (a nonce is per request), no Vary beyond
 *   Accept-Encoding, a body under the size limit.
 * - The key: the generation (generation.ts) read before the request is handed
 *   over, the URL as sent (path and query), X-Forwarded-Proto as received (the
 *   proxy's CSP and HSTS depend on it, lib/security/headers.ts) and
 *   Accept-Encoding as received (Next gzips when asked: each variant is kept
 *   as Next sent it, with its Vary). Host is not part of it: the pages' absolute
 *   URLs come from NEXTAUTH_URL (lib/i18n/site.ts) and no header names the host.
 * - Invalidation: none but the generation. One map per generation; the first
 *   request after a publication (expirePublicPages) finds the map of another
 *   generation, drops it and goes through Next, which renders the new
 *   generation's page. A fill that finishes after the generation changed is
 *   thrown away.
 * - Memory: at most `maxEntries` entries and `maxBytes` bytes; the oldest entry
 *   goes first.
 *
 * Pure apart from the request and response objects it is given: the handler
 * it fronts and the generation are injected, so it is tested with a fake Next.
 */
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeader, ServerResponse } from "node:http";
import { currentGeneration } from "./generation";
import { NOT_FOUND_PAGE, publicPagePath } from "./paths";

/** Response header saying whether the front answered (HIT) or Next did while the front kept a copy (MISS). */
export const FRONT_CACHE_HEADER = "X-Dx-Cache";

export interface FrontCacheLimits {
  /** Entries kept at most (all URLs and encodings of the current generation). */
  maxEntries: number;
  /** Bytes kept at most: bodies, headers and keys. */
  maxBytes: number;
  /** A larger page is not kept. */
  maxBodyBytes: number;
}

export const DEFAULT_LIMITS: FrontCacheLimits = { maxEntries: 2000, maxBytes: 64 * 2 ** 20, maxBodyBytes: 2 * 2 ** 20 };

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface FrontOptions {
  limits?: Partial<FrontCacheLimits>;
  /** The generation of the public pages now (tests inject their own). */
  generation?: () => string;
  /** Where a failure of the fronted handler is reported. */
  onError?: (error: unknown) => void;
}

/**
 * Request headers under which Next may answer something other than the page
 * everyone gets: App Router navigation and prefetch requests, server actions,
 * on-demand revalidation, the proxy's recursion guard. Such requests always go
 * to Next and are never kept.
 */
const NEXT_REQUEST_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
  "x-prerender-revalidate",
  "x-middleware-prefetch",
  "x-middleware-subrequest",
];

/** Preview/draft mode cookies: Next renders afresh for them. */
const PREVIEW_COOKIE = /(?:^|;\s*)(?:__prerender_bypass|__next_preview_data)=/;

/** Response headers that belong to one connection or one moment, not to the page (Node writes its own). */
const NOT_KEPT = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "x-nextjs-cache", FRONT_CACHE_HEADER.toLowerCase()]);

/** Left out of a 304: it has no body (RFC 9110 §15.4.5 keeps Cache-Control, ETag, Vary and the rest). */
const NOT_IN_304 = new Set(["content-type", "content-length", "content-encoding"]);

/** The request may be answered from, or kept in, the front: GET/HEAD of the page everyone gets. */
export function isFrontRequest(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  for (const name of NEXT_REQUEST_HEADERS) if (headers[name] !== undefined) return false;
  const cookie = headers.cookie;
  return cookie === undefined || !PREVIEW_COOKIE.test(cookie);
}

/**
 * The URL names a public page (the proxy's mapping, not the 404): only those
 * are kept. The path must be in its normal form, so the front and Next's router
 * read the same path (no `..`, no absolute-form request target).
 */
export function isPublicPageUrl(url: string | undefined): boolean {
  if (!url || !url.startsWith("/") || url.startsWith("//")) return false;
  const q = url.indexOf("?");
  const rawPath = q < 0 ? url : url.slice(0, q);
  let parsed: URL;
  try {
    parsed = new URL(url, "http://front.invalid");
  } catch {
    return false;
  }
  if (parsed.pathname !== rawPath) return false;
  const page = publicPagePath(parsed.pathname, parsed.searchParams);
  return page !== null && page !== NOT_FOUND_PAGE;
}

const single = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join(", ") : (value ?? ""));

/** Everything the answer depends on besides the generation (one map per generation). */
export function cacheKey(url: string, headers: IncomingHttpHeaders): string {
  return `${url}\n${single(headers["x-forwarded-proto"])}\n${single(headers["accept-encoding"])}`;
}

/** What Next sent, as captured on the way out. */
export interface CapturedResponse {
  status: number;
  /** [name as Next spelt it, value] in the order Next set them. */
  headers: [string, OutgoingHttpHeader][];
  body: Buffer;
}

function header(captured: CapturedResponse, name: string): string | undefined {
  const found = captured.headers.find(([n]) => n.toLowerCase() === name);
  return found === undefined ? undefined : Array.isArray(found[1]) ? found[1].join(", ") : String(found[1]);
}

/** Why a captured response may not be served to anyone else, or null when it may. */
export function notCacheable(captured: CapturedResponse, limits: FrontCacheLimits = DEFAULT_LIMITS): string | null {
  if (captured.status !== 200) return `status ${captured.status}`;
  if (!/^text\/html\b/i.test(header(captured, "content-type") ?? "")) return "not text/html";
  if (header(captured, "set-cookie") !== undefined) return "Set-Cookie";
  if (/\b(?:private|no-store)\b/i.test(header(captured, "cache-control") ?? "")) return "Cache-Control private/no-store";
  const csp = header(captured, "content-security-policy");
  // The proxy gives every public page its CSP: without one, the proxy did not shape this answer.
  if (csp === undefined) return "no CSP";
  // A nonce is made for one response (staff pages, ADR 007): such a page is never anyone else's.
  if (/'nonce-/.test(csp)) return "CSP nonce";
  const vary = (header(captured, "vary") ?? "").split(",").map((v) => v.trim().toLowerCase()).filter(Boolean);
  if (vary.some((v) => v !== "accept-encoding")) return `Vary: ${vary.join(", ")}`;
  if (captured.body.length > limits.maxBodyBytes) return "body too large";
  return null;
}

/** A kept page, with its header lists ready for writeHead. */
export interface FrontEntry {
  body: Buffer;
  /** Flat [name, value, …] of the 200 (and of HEAD). */
  headers: string[];
  /** Flat [name, value, …] of the 304. */
  notModified: string[];
  etag: string | null;
  bytes: number;
}

export function toEntry(captured: CapturedResponse): FrontEntry {
  const headers: string[] = [];
  const notModified: string[] = [];
  for (const [name, value] of captured.headers) {
    const lower = name.toLowerCase();
    if (NOT_KEPT.has(lower)) continue;
    for (const v of Array.isArray(value) ? value : [String(value)]) {
      headers.push(name, v);
      if (!NOT_IN_304.has(lower)) notModified.push(name, v);
    }
  }
  headers.push("Content-Length", String(captured.body.length), FRONT_CACHE_HEADER, "HIT");
  notModified.push(FRONT_CACHE_HEADER, "HIT");
  const bytes = captured.body.length + headers.reduce((n, h) => n + h.length, 0) * 2;
  return { body: captured.body, headers, notModified, etag: header(captured, "etag") ?? null, bytes };
}

/**
 * If-None-Match as Next answers it (its `fresh`): a listed tag equal to the
 * page's, weak or strong, or "*"; never when the request says no-cache.
 */
export function isNotModified(headers: IncomingHttpHeaders, etag: string | null): boolean {
  const ifNoneMatch = headers["if-none-match"];
  if (!ifNoneMatch || etag === null) return false;
  if (/(?:^|,)\s*no-cache\s*(?:,|$)/.test(headers["cache-control"] ?? "")) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((raw) => {
    const tag = raw.trim();
    return tag === etag || tag === `W/${etag}` || `W/${tag}` === etag;
  });
}

/** The kept pages of one generation, bounded; the oldest entry is dropped first. */
export class FrontCache {
  private generation = "";
  private entries = new Map<string, FrontEntry>();
  private bytes = 0;
  readonly limits: FrontCacheLimits;

  constructor(limits: Partial<FrontCacheLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** The entry of `key` in `generation`; a generation other than the kept one drops them all. */
  get(generation: string, key: string): FrontEntry | undefined {
    if (generation !== this.generation) {
      this.generation = generation;
      this.entries = new Map();
      this.bytes = 0;
      return undefined;
    }
    return this.entries.get(key);
  }

  /** Keeps `entry` if `generation` is still the kept one (a fill that outlived its generation is dropped). */
  set(generation: string, key: string, entry: FrontEntry): boolean {
    if (generation !== this.generation) return false;
    const size = entry.bytes + key.length * 2;
    if (size > this.limits.maxBytes) return false;
    this.delete(key);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size < this.limits.maxEntries && this.bytes + size <= this.limits.maxBytes) break;
      this.delete(oldest);
    }
    this.entries.set(key, entry);
    this.bytes += size;
    return true;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes + key.length * 2;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer | null {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return null;
}

/**
 * Lets the response go out as the handler writes it, and calls `done` with a
 * copy once it has been sent in full (not when the client went away first, nor
 * when the body outgrew `maxBodyBytes`). Headers passed to writeHead are set
 * one by one first — what Node itself does once any header was set — so the
 * copy has every header Next sent, spelt as it spelt them.
 */
export function capture(res: ServerResponse, maxBodyBytes: number, done: (captured: CapturedResponse) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let complete = true;
  const collect = (chunk: unknown, encoding: unknown) => {
    if (!complete || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = toBuffer(chunk, encoding);
    size += buffer?.length ?? 0;
    if (buffer === null || size > maxBodyBytes) complete = false;
    else chunks.push(buffer);
  };
  const { writeHead, write, end } = res;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const headers = typeof rest[0] === "string" ? rest[1] : rest[0];
    const message = typeof rest[0] === "string" ? rest[0] : undefined;
    if (Array.isArray(headers)) {
      if (Array.isArray(headers[0])) for (const [k, v] of headers as [string, string][]) this.setHeader(k, v);
      else for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(headers[i] as string, headers[i + 1] as string);
    } else if (headers && typeof headers === "object") {
      for (const [k, v] of Object.entries(headers)) if (v !== undefined) this.setHeader(k, v as OutgoingHttpHeader);
    }
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...(message === undefined ? [] : [message]));
  } as ServerResponse["writeHead"];
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse["end"];
  res.once("finish", () => {
    if (!complete) return;
    // getRawHeaderNames is OutgoingMessage's (Node ≥ 15.13); @types/node declares it on ClientRequest only.
    const names = (res as ServerResponse & { getRawHeaderNames(): string[] }).getRawHeaderNames();
    const headers = names.map((name): [string, OutgoingHttpHeader] => [name, res.getHeader(name) as OutgoingHttpHeader]);
    done({ status: res.statusCode, headers, body: Buffer.concat(chunks) });
  });
}

function serve(req: IncomingMessage, res: ServerResponse, entry: FrontEntry): void {
  if (isNotModified(req.headers, entry.etag)) {
    res.writeHead(304, entry.notModified);
    res.end();
  } else {
    res.writeHead(200, entry.headers);
    // HEAD: the headers of the GET, Content-Length included, and no body.
    res.end(req.method === "HEAD" ? undefined : entry.body);
  }
}

/** The request listener of the server: kept public pages from memory, the rest (and the first of each page) from `next`. */
export function createFront(next: Handler, options: FrontOptions = {}) {
  const cache = new FrontCache(options.limits);
  const generationNow = options.generation ?? (() => currentGeneration());
  const onError = options.onError ?? ((error: unknown) => console.error(error));

  function handOver(req: IncomingMessage, res: ServerResponse) {
    try {
      const result = next(req, res);
      if (result instanceof Promise) result.catch((error: unknown) => fail(res, error));
    } catch (error) {
      fail(res, error);
    }
  }

  function fail(res: ServerResponse, error: unknown) {
    onError(error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.statusCode = 500;
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.end("Lỗi máy chủ: không trả lời được yêu cầu này. Vui lòng thử lại sau.");
  }

  function listener(req: IncomingMessage, res: ServerResponse): void {
    if (isFrontRequest(req.method, req.headers)) {
      const generation = generationNow();
      const key = cacheKey(req.url ?? "", req.headers);
      const entry = cache.get(generation, key);
      if (entry) return serve(req, res, entry);
      if (req.method === "GET" && isPublicPageUrl(req.url)) {
        // Keyed by the generation read now: if a publication comes while Next
        // answers, the copy is dropped (set refuses a generation no longer kept).
        capture(res, cache.limits.maxBodyBytes, (captured) => {
          if (notCacheable(captured, cache.limits) === null) cache.set(generation, key, toEntry(captured));
        });
        res.setHeader(FRONT_CACHE_HEADER, "MISS");
      }
    }
    handOver(req, res);
  }

  return Object.assign(listener, { cache });
}

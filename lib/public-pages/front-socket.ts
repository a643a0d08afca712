/**
 * The socket-level fast path of the public pages' front (ADR 013): the server
 * accepts connections itself and reads each request head. A plain GET or HEAD
 * of a page the front keeps for the current generation is answered with the
 * kept bytes, written in one go, without Node's HTTP machinery (request and
 * response objects, header maps): on this 2-core machine that machinery was
 * most of the cost of a kept page (docs/benchmarks.md, "Public pages").
 * Anything else — another method, a page not kept, a request with a body, an
 * unusual head, a partial head, HTTP/1.0 — hands the connection over to the
 * Node HTTP server (and so to the front's listener and Next) with the bytes
 * read so far put back, and the connection stays there.
 *
 * The decisions are the listener's own (front-cache.ts: isFrontRequest,
 * cacheKey, isNotModified, the same cache and generation), so both paths give
 * the same answer; the head is parsed strictly and anything ambiguous is
 * handed over rather than guessed.
 */
import type { IncomingHttpHeaders, Server } from "node:http";
import type { Socket } from "node:net";
import { cacheKey, isFrontRequest, isNotModified, type FrontCache, type FrontEntry } from "./front-cache";

/** A request head larger than this is not ours to judge (Node's own limit is 16 KiB). */
export const MAX_HEAD_BYTES = 16 * 1024;
/** Idle time after which a connection is handed to the HTTP server (whose own timeouts then apply), within a second. */
export const IDLE_MS = 5_000;
/** Answers queued for a reader that has not taken them yet, at most (then the connection is not read until it drains). */
export const MAX_QUEUED_BYTES = 1024 * 1024;

export interface RequestHead {
  method: "GET" | "HEAD";
  url: string;
  headers: IncomingHttpHeaders;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const REQUEST_LINE = /^(GET|HEAD) (\/[!-~]*) HTTP\/1\.1$/;
/** Request headers that mean a body, a protocol switch or an interim response: the HTTP server's business. */
const NOT_OURS = new Set(["content-length", "transfer-encoding", "expect", "upgrade", "connection"]);

/**
 * The head (without its final CRLF CRLF) of a request the fast path may
 * answer, or null: not GET/HEAD, not HTTP/1.1, not origin-form, a header line
 * that is not a plain `name: value` (folding, bad name, control characters),
 * a repeated header, no Host, a header of NOT_OURS (Connection unless it is
 * "keep-alive").
 */
export function parseHead(head: string): RequestHead | null {
  const lines = head.split("\r\n");
  const match = REQUEST_LINE.exec(lines[0]!);
  if (!match) return null;
  const headers: IncomingHttpHeaders = {};
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(":");
    if (colon <= 0) return null;
    const name = line.slice(0, colon);
    if (!TOKEN.test(name)) return null;
    const value = line.slice(colon + 1).trim();
    // Visible ASCII, spaces and tabs only (no bare CR/LF, NUL or other controls; no obs-text).
    if (!/^[\t\x20-\x7e]*$/.test(value)) return null;
    const lower = name.toLowerCase();
    if (headers[lower] !== undefined) return null;
    // Browsers often say "Connection: keep-alive", which is what HTTP/1.1 means anyway; anything else is not ours.
    if (lower === "connection" ? value.toLowerCase() !== "keep-alive" : NOT_OURS.has(lower)) return null;
    headers[lower] = value;
  }
  if (!headers.host) return null;
  return { method: match[1] as "GET" | "HEAD", url: match[2]!, headers };
}

/** The status line and headers of an entry's answers, built once per entry. */
interface Wire {
  ok: Buffer;
  notModified: Buffer;
}

const wires = new WeakMap<FrontEntry, Wire>();

function head(status: string, headers: readonly string[]): Buffer {
  let text = `HTTP/1.1 ${status}\r\n`;
  for (let i = 0; i + 1 < headers.length; i += 2) text += `${headers[i]}: ${headers[i + 1]}\r\n`;
  return Buffer.from(text, "latin1");
}

function wireOf(entry: FrontEntry): Wire {
  let wire = wires.get(entry);
  if (!wire) {
    wire = { ok: head("200 OK", entry.headers), notModified: head("304 Not Modified", entry.notModified) };
    wires.set(entry, wire);
  }
  return wire;
}

let dateSecond = -1;
let tail = Buffer.alloc(0);

/**
 * What Node's HTTP server writes after the headers it was given, in its order:
 * Date (made once a second, as Node does), then, for a kept-alive HTTP/1.1
 * connection, Connection and Keep-Alive (keepAliveTimeout 5 s), then the blank line.
 */
function headTail(now: number): Buffer {
  const second = Math.floor(now / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    tail = Buffer.from(`Date: ${new Date(second * 1000).toUTCString()}\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n`, "latin1");
  }
  return tail;
}

/** The bytes answering `request` from `entry` (200, HEAD or 304), as the listener would. */
export function answer(request: RequestHead, entry: FrontEntry, now: number = Date.now()): Buffer[] {
  const wire = wireOf(entry);
  if (isNotModified(request.headers, entry.etag)) return [wire.notModified, headTail(now)];
  return request.method === "HEAD" ? [wire.ok, headTail(now)] : [wire.ok, headTail(now), entry.body];
}

export interface FastPathOptions {
  cache: FrontCache;
  generation: () => string;
  /** Idle time before a connection is handed over (default IDLE_MS). */
  idleMs?: number;
}

/**
 * The `connection` listener of the server: serves what it can, hands the rest
 * (and the connection with it) to `http`.
 */
export function createFastPath(http: Server, options: FastPathOptions) {
  const { cache, generation } = options;
  const idleMs = options.idleMs ?? IDLE_MS;
  /** The connections still on the fast path, with when each last received bytes and how to hand it over. */
  const open = new Map<Socket, { active: number; handOver: () => void }>();
  // Idle connections are found by one sweep a second, not by a timer per socket: Node re-arms a
  // socket's own timeout on every read and write, which cost ~15 % of a kept page's answer.
  let sweeper: ReturnType<typeof setInterval> | null = null;
  const sweep = () => {
    const idleSince = performance.now() - idleMs;
    for (const state of [...open.values()]) if (state.active < idleSince) state.handOver();
    if (open.size === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = null;
    }
  };

  function connection(socket: Socket): void {
    let pending: Buffer | null = null;
    let handed = false;
    // A client repeats the same head on a kept-alive connection: the last one parsed here is
    // compared byte for byte and its parse (and key) reused, instead of parsed again.
    let lastHead: Buffer | null = null;
    let lastRequest: RequestHead | null = null;
    let lastKey = "";

    const handOver = () => {
      if (handed) return;
      handed = true;
      open.delete(socket);
      socket.removeListener("data", onData);
      socket.removeListener("error", onError);
      socket.removeListener("drain", drained);
      socket.pause();
      if (pending && pending.length > 0) socket.unshift(pending);
      pending = null;
      http.emit("connection", socket);
      socket.resume();
    };

    const state = { active: performance.now(), handOver };
    open.set(socket, state);
    sweeper ??= setInterval(sweep, Math.min(1_000, idleMs)).unref();

    function onData(chunk: Buffer) {
      state.active = performance.now();
      pending = pending ? Buffer.concat([pending, chunk]) : chunk;
      if (!waiting) answerPending();
    }

    // Back-pressure: answers a slow reader has not taken yet stay under MAX_QUEUED_BYTES; beyond that the
    // connection is not read (nor its pipelined requests answered) until the socket drains.
    let waiting = false;
    const drained = () => {
      waiting = false;
      if (handed) return;
      socket.resume();
      answerPending();
    };

    function answerPending() {
      if (pending === null) return;
      let buffer = pending;
      pending = null;
      const out: Buffer[] = [];
      let queued = socket.writableLength;
      for (;;) {
        if (queued > MAX_QUEUED_BYTES) {
          waiting = true;
          socket.pause();
          socket.once("drain", drained);
          break;
        }
        const end = buffer.indexOf("\r\n\r\n", 0, "latin1");
        if (end < 0) break;
        let request: RequestHead | null = null;
        if (lastHead !== null && lastHead.length === end && buffer.compare(lastHead, 0, end, 0, end) === 0) request = lastRequest;
        else if (end + 4 <= MAX_HEAD_BYTES) {
          request = parseHead(buffer.toString("latin1", 0, end));
          if (request !== null && isFrontRequest(request.method, request.headers)) {
            lastHead = Buffer.from(buffer.subarray(0, end));
            lastRequest = request;
            lastKey = cacheKey(request.url, request.headers);
          } else request = null;
        }
        const entry = request ? cache.get(generation(), lastKey) : undefined;
        if (!request || !entry) break;
        for (const part of answer(request, entry)) {
          out.push(part);
          queued += part.length;
        }
        buffer = buffer.subarray(end + 4);
      }
      if (buffer.length > 0) pending = buffer;
      if (out.length > 0) {
        socket.cork();
        for (const part of out) socket.write(part);
        socket.uncork();
      }
      if (waiting || pending === null) return;
      // What is left is the HTTP server's: a request that is not ours, or a head that is not complete yet
      // (unless it follows requests answered just now: a client may write the next head in two parts), or too long.
      if (out.length === 0 || pending.length > MAX_HEAD_BYTES || pending.indexOf("\r\n\r\n", 0, "latin1") >= 0) handOver();
    }

    function onError() {
      open.delete(socket);
      socket.destroy();
    }

    socket.on("data", onData);
    socket.on("error", onError);
    socket.once("close", () => open.delete(socket));
  }

  /** Ends the connections still on the fast path (at shutdown; the HTTP server closes its own). */
  function closeAll(): void {
    for (const socket of open.keys()) socket.destroy();
    open.clear();
    if (sweeper) clearInterval(sweeper);
    sweeper = null;
  }

  return Object.assign(connection, { closeAll });
}

import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import { connect, createServer as createNetServer, type AddressInfo, type Server as NetServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFront, FRONT_CACHE_HEADER } from "./front-cache";
import { answer, createFastPath, MAX_HEAD_BYTES, parseHead } from "./front-socket";

const CRLF = "\r\n";
const get = (path: string, extra: string[] = []) => [`GET ${path} HTTP/1.1`, "Host: example.test", ...extra].join(CRLF) + CRLF + CRLF;

describe("parseHead: only plain GET/HEAD heads are the fast path's", () => {
  it("reads the request line and headers (names lower-cased, values trimmed)", () => {
    expect(parseHead(["GET /en?x=1 HTTP/1.1", "Host: a", "Accept-Encoding:  gzip ", "Connection: Keep-Alive"].join(CRLF))).toEqual({
      method: "GET",
      url: "/en?x=1",
      headers: { host: "a", "accept-encoding": "gzip", connection: "Keep-Alive" },
    });
    expect(parseHead("HEAD / HTTP/1.1\r\nHost: a")?.method).toBe("HEAD");
  });

  it("hands over everything else", () => {
    const cases: Record<string, string> = {
      post: "POST / HTTP/1.1\r\nHost: a",
      "HTTP/1.0": "GET / HTTP/1.0\r\nHost: a",
      "absolute form": "GET http://a/ HTTP/1.1\r\nHost: a",
      "no Host": "GET / HTTP/1.1\r\nAccept: */*",
      "repeated header": "GET / HTTP/1.1\r\nHost: a\r\nAccept-Encoding: gzip\r\naccept-encoding: br",
      "folded line": "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n  2",
      "space before colon": "GET / HTTP/1.1\r\nHost : a",
      "a body": "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 3",
      chunked: "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked",
      expect: "GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue",
      upgrade: "GET / HTTP/1.1\r\nHost: a\r\nUpgrade: websocket",
      "connection close": "GET / HTTP/1.1\r\nHost: a\r\nConnection: close",
      "control character": "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u0001b",
      "non-ASCII": "GET / HTTP/1.1\r\nHost: a\r\nX-A: \u00e9",
      "space in target": "GET /a b HTTP/1.1\r\nHost: a",
    };
    for (const [name, head] of Object.entries(cases)) expect(parseHead(head), name).toBeNull();
  });
});

// A fake Next behind the real front and fast path, on real sockets.
const PAGE = Buffer.from("<!doctype html><title>Trang công khai</title>".repeat(50));
let generation = "g1";
let nextCalls = 0;
function fakeNext(req: IncomingMessage, res: ServerResponse) {
  nextCalls += 1;
  const path = (req.url ?? "/").split("?")[0];
  if (req.method === "GET" && (path === "/" || path === "/en")) {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'");
    res.setHeader("ETag", '"page-1"');
    res.setHeader("Vary", "Accept-Encoding");
    res.end(PAGE);
    return;
  }
  let body = "";
  req.on("data", (c: Buffer) => (body += c));
  req.on("end", () => {
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.end(`next: ${req.method} ${req.url} ${body}`);
  });
}

let http: HttpServer;
let server: NetServer;
let port = 0;
let fastPath: ReturnType<typeof createFastPath>;
let handedOver = 0;

beforeAll(async () => {
  const front = createFront(fakeNext, { generation: () => generation });
  http = createServer(front);
  fastPath = createFastPath(http, { cache: front.cache, generation: () => generation, idleMs: 300 });
  http.on("connection", () => (handedOver += 1));
  server = createNetServer(fastPath);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  fastPath.closeAll();
  http.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  generation = `g${Math.random()}`; // every test starts with an empty front
  nextCalls = 0;
});

interface Parsed {
  status: number;
  head: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Splits a byte stream of responses (Content-Length framed; HEAD and 304 without a body). */
function parseResponses(data: Buffer, methods: string[]): Parsed[] {
  const out: Parsed[] = [];
  let rest = data;
  for (const method of methods) {
    const end = rest.indexOf("\r\n\r\n");
    if (end < 0) throw new Error(`incomplete response: ${rest.toString()}`);
    const head = rest.subarray(0, end).toString("latin1");
    const [statusLine, ...lines] = head.split(CRLF);
    const headers: Record<string, string> = {};
    for (const l of lines) headers[l.slice(0, l.indexOf(":")).toLowerCase()] = l.slice(l.indexOf(":") + 1).trim();
    const status = Number(statusLine!.split(" ")[1]);
    const length = method === "HEAD" || status === 304 ? 0 : Number(headers["content-length"] ?? 0);
    out.push({ status, head, headers, body: rest.subarray(end + 4, end + 4 + length) });
    rest = rest.subarray(end + 4 + length);
  }
  if (rest.length > 0) throw new Error(`unexpected bytes after the responses: ${rest.toString()}`);
  return out;
}

/** Writes `writes` on one connection (pausing between them) and returns the responses to `methods`. */
async function exchange(writes: string[], methods: string[], pauseMs = 20): Promise<Parsed[]> {
  const socket = connect(port, "127.0.0.1");
  const chunks: Buffer[] = [];
  socket.on("data", (c: Buffer) => chunks.push(c));
  await new Promise((resolve) => socket.once("connect", resolve));
  for (const w of writes) {
    socket.write(w);
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  const deadline = Date.now() + 3000;
  for (;;) {
    try {
      const parsed = parseResponses(Buffer.concat(chunks), methods);
      socket.destroy();
      return parsed;
    } catch (error) {
      if (Date.now() > deadline) {
        socket.destroy();
        throw error;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

const withoutDate = (head: string) => head.replace(/\r\nDate: [^\r]*/, "").replace(`\r\n${FRONT_CACHE_HEADER}: MISS`, "").replace(`\r\n${FRONT_CACHE_HEADER}: HIT`, "");

describe("the fast path on real sockets", () => {
  it("answers a kept page with the same bytes the HTTP server sent, headers in the same order, and Next is not called", async () => {
    const [miss] = await exchange([get("/")], ["GET"]);
    expect(miss!.headers[FRONT_CACHE_HEADER.toLowerCase()]).toBe("MISS");
    expect(nextCalls).toBe(1);
    const [hit] = await exchange([get("/")], ["GET"]);
    expect(nextCalls).toBe(1);
    expect(hit!.headers[FRONT_CACHE_HEADER.toLowerCase()]).toBe("HIT");
    expect(hit!.body.equals(PAGE)).toBe(true);
    expect(hit!.headers.date).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    // The same headers as Next's answer (Node put its own Content-Length last there)…
    const sorted = (head: string) => withoutDate(head).split(CRLF).sort();
    expect(sorted(hit!.head)).toEqual(sorted(miss!.head));
    // …and byte for byte what the HTTP server's front listener writes for the same kept page (a repeated header hands the request over).
    const [listenerHit] = await exchange([get("/", ["X-A: 1", "X-A: 2"])], ["GET"]);
    expect(listenerHit!.headers[FRONT_CACHE_HEADER.toLowerCase()]).toBe("HIT");
    expect(withoutDate(hit!.head)).toBe(withoutDate(listenerHit!.head));
    expect(nextCalls).toBe(1);
  });

  it("answers pipelined requests in order, HEAD without a body and If-None-Match with a 304", async () => {
    await exchange([get("/")], ["GET"]);
    const [a, b, c] = await exchange([get("/") + `HEAD / HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}` + get("/", ['If-None-Match: "page-1"'])], ["GET", "HEAD", "GET"]);
    expect([a!.status, b!.status, c!.status]).toEqual([200, 200, 304]);
    expect(a!.body.equals(PAGE)).toBe(true);
    expect(b!.headers["content-length"]).toBe(String(PAGE.length));
    expect(c!.headers["content-type"]).toBeUndefined();
    expect(nextCalls).toBe(1);
  });

  it("hands a connection over to the HTTP server for anything else, with the bytes already read, and keeps the order", async () => {
    await exchange([get("/")], ["GET"]);
    nextCalls = 0;
    const post = `POST /duyet HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: 5${CRLF}${CRLF}hello`;
    const [kept, posted, again] = await exchange([get("/") + post + get("/")], ["GET", "POST", "GET"]);
    expect(kept!.headers[FRONT_CACHE_HEADER.toLowerCase()]).toBe("HIT");
    expect(posted!.body.toString()).toBe("next: POST /duyet hello");
    // After the hand-over the HTTP server answers the rest — from the same front cache.
    expect(again!.headers[FRONT_CACHE_HEADER.toLowerCase()]).toBe("HIT");
    expect(nextCalls).toBe(1);
  });

  it("a head split across writes, a page not kept, and a new generation all reach the HTTP server", async () => {
    const split = get("/");
    const [first] = await exchange([split.slice(0, 10), split.slice(10)], ["GET"]);
    expect(first!.headers[FRONT_CACHE_HEADER.toLowerCase()]).toBe("MISS");
    const [other] = await exchange([get("/nhap-lieu")], ["GET"]);
    expect(other!.body.toString()).toBe("next: GET /nhap-lieu ");
    generation = "after-an-approval";
    const before = nextCalls;
    const [fresh] = await exchange([get("/")], ["GET"]);
    expect(fresh!.headers[FRONT_CACHE_HEADER.toLowerCase()]).toBe("MISS");
    expect(nextCalls).toBe(before + 1);
  });

  it("an idle connection is handed over (the HTTP server's timeouts then apply), and still answered", async () => {
    await exchange([get("/")], ["GET"]);
    const before = handedOver;
    const [late] = await exchange(["", get("/")], ["GET"], 1_200);
    expect(handedOver).toBe(before + 1);
    expect(late!.headers[FRONT_CACHE_HEADER.toLowerCase()]).toBe("HIT");
    // A busy connection is not: ten requests 50 ms apart stay on the fast path.
    const busy = before + 1;
    await exchange(Array.from({ length: 10 }, () => get("/")), Array.from({ length: 10 }, () => "GET"), 50);
    expect(handedOver).toBe(busy);
  });

  it("many pipelined requests in one write are all answered, in order, to a reader that is slow to start", async () => {
    await exchange([get("/")], ["GET"]);
    const n = 800; // ~2 MB of answers: more than the fast path queues before waiting for the socket to drain
    const socket = connect(port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.pause();
    socket.write(get("/").repeat(n));
    await new Promise((r) => setTimeout(r, 300));
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.resume();
    const deadline = Date.now() + 5000;
    let parsed: Parsed[] | null = null;
    while (!parsed) {
      try {
        parsed = parseResponses(Buffer.concat(chunks), Array.from({ length: n }, () => "GET"));
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    socket.destroy();
    expect(parsed.every((r) => r.status === 200 && r.body.equals(PAGE))).toBe(true);
    expect(nextCalls).toBe(1);
  });

  it("a head longer than the limit is the HTTP server's (which refuses it)", async () => {
    await exchange([get("/")], ["GET"]);
    const [big] = await exchange([get("/", [`X-Big: ${"a".repeat(MAX_HEAD_BYTES)}`])], ["GET"]);
    expect(big!.status).toBe(431);
  });
});

describe("answer", () => {
  it("writes the kept status line and headers, then Date, Connection and Keep-Alive as Node does", () => {
    const entry = { body: Buffer.from("x"), headers: ["Content-Type", "text/html", "Content-Length", "1"], notModified: [], etag: null, bytes: 1 };
    const parts = answer({ method: "GET", url: "/", headers: { host: "a" } }, entry, Date.UTC(2026, 11, 1, 8, 0, 0));
    expect(Buffer.concat(parts).toString()).toBe(
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1\r\nDate: Tue, 01 Dec 2026 08:00:00 GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\nx",
    );
  });
});

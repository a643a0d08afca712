import { describe, expect, it } from "vitest";
import { BackendMessageTracker, listenCommand, NotificationSplitter, notificationChannel, SessionQueue, type PgliteSession } from "./pglite-session-queue";

function message(type: string, payload: Uint8Array | string = new Uint8Array()): Uint8Array {
  const body = typeof payload === "string" ? Buffer.from(`${payload}\0`) : payload;
  const out = new Uint8Array(5 + body.length);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, 4 + body.length);
  out.set(body, 5);
  return out;
}

const text = (m: Uint8Array) => Buffer.from(m.subarray(5, m.length - 1)).toString();

/**
 * One backend session with PostgreSQL's statefulness: a single unnamed statement
 * (Parse replaces it, Bind uses it) and a transaction flag. It answers asynchronously,
 * as PGlite does, so a queue that interleaves connections gets the wrong statement.
 */
class FakeSession implements PgliteSession {
  unnamed: string | null = null;
  inTx = false;
  executed: string[] = [];
  throwOn: string | null = null;

  async runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  isInTransaction(): boolean {
    return this.inTx;
  }

  async execProtocolRawStream(m: Uint8Array, { onRawData }: { onRawData: (data: Uint8Array) => void }): Promise<void> {
    await new Promise((r) => setTimeout(r, 1));
    const type = String.fromCharCode(m[0]!);
    if (this.throwOn !== null && type === "P" && text(m) === this.throwOn) throw new Error("internal error");
    const ready = () => message("Z", new Uint8Array([(this.inTx ? "T" : "I").charCodeAt(0)]));
    switch (type) {
      case "P":
        this.unnamed = text(m);
        return onRawData(message("1"));
      case "B":
        return onRawData(message("2"));
      case "E":
        this.executed.push(this.unnamed ?? "?");
        return onRawData(message("D", this.unnamed ?? "?"));
      case "S":
        return onRawData(ready());
      case "Q": {
        const sql = text(m);
        if (sql === "BEGIN") this.inTx = true;
        if (sql === "COMMIT" || sql === "ROLLBACK") this.inTx = false;
        this.executed.push(sql);
        // Split the answer across chunks, as a stream may.
        const answer = Buffer.concat([message("C", sql), ready()]);
        onRawData(answer.subarray(0, 3));
        return onRawData(answer.subarray(3));
      }
    }
  }
}

/** A client: sends its messages one after the other, like pglite-socket's handler does. */
async function client(queue: SessionQueue, id: number, messages: Uint8Array[]): Promise<string[]> {
  const rows: string[] = [];
  for (const m of messages) {
    await queue.enqueue(id, m, (data) => {
      if (data[0] === "D".charCodeAt(0)) rows.push(text(data));
    });
  }
  return rows;
}

const extendedQuery = (sql: string) => [message("P", sql), message("B"), message("E"), message("S")];

describe("BackendMessageTracker", () => {
  it("finds a final ReadyForQuery 'idle' across chunk boundaries, and nothing else", () => {
    const bytes = Buffer.concat([message("C", "SELECT 1"), message("Z", new Uint8Array([0x49]))]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const t = new BackendMessageTracker();
      t.feed(bytes.subarray(0, cut));
      t.feed(bytes.subarray(cut));
      expect(t.readyAndIdle).toBe(true);
    }
    const inTx = new BackendMessageTracker();
    inTx.feed(message("Z", new Uint8Array([0x54])));
    expect(inTx.readyAndIdle).toBe(false);
    const parseOnly = new BackendMessageTracker();
    parseOnly.feed(message("1"));
    expect(parseOnly.readyAndIdle).toBe(false);
    // A data row whose bytes happen to look like ReadyForQuery is not one.
    const lookalike = new BackendMessageTracker();
    lookalike.feed(message("D", new Uint8Array([0x5a, 0, 0, 0, 5, 0x49])));
    expect(lookalike.readyAndIdle).toBe(false);
  });
});

describe("SessionQueue", () => {
  it("keeps each connection's Parse/Bind/Execute/Sync together, so nobody runs another's statement", async () => {
    const session = new FakeSession();
    const queue = new SessionQueue(session);
    const results = await Promise.all(Array.from({ length: 8 }, (_, id) => client(queue, id, [...extendedQuery(`q${id}a`), ...extendedQuery(`q${id}b`)])));
    results.forEach((rows, id) => expect(rows).toEqual([`q${id}a`, `q${id}b`]));
  });

  it("keeps a transaction together, then lets the others in", async () => {
    const session = new FakeSession();
    const queue = new SessionQueue(session);
    const tx = client(queue, 1, [message("Q", "BEGIN"), ...extendedQuery("tx1"), ...extendedQuery("tx2"), message("Q", "COMMIT")]);
    const other = client(queue, 2, extendedQuery("other"));
    await Promise.all([tx, other]);
    const order = session.executed;
    const begin = order.indexOf("BEGIN");
    const commit = order.indexOf("COMMIT");
    expect(order.slice(begin, commit + 1)).toEqual(["BEGIN", "tx1", "tx2", "COMMIT"]);
    expect(order).toContain("other");
  });

  it("goes on after a message fails", async () => {
    const session = new FakeSession();
    session.throwOn = "boom";
    const queue = new SessionQueue(session);
    await expect(client(queue, 1, extendedQuery("boom"))).rejects.toThrow("internal error");
    expect(await client(queue, 2, extendedQuery("after"))).toEqual(["after"]);
  });

  it("frees the session when its owner disconnects mid-transaction, rolling back", async () => {
    const session = new FakeSession();
    const queue = new SessionQueue(session);
    await client(queue, 1, [message("Q", "BEGIN"), message("P", "half")]);
    const waiting = client(queue, 2, extendedQuery("next"));
    await new Promise((r) => setTimeout(r, 10));
    expect(queue.getQueueLength()).toBe(1); // held back while 1 owns the session
    queue.clearQueueForHandler(1);
    await queue.clearTransactionIfNeeded(1);
    expect(await waiting).toEqual(["next"]);
    expect(session.executed).toContain("ROLLBACK");
    expect(session.inTx).toBe(false);
  });
});

describe("LISTEN/NOTIFY on the shared session", () => {
  const notification = (channel: string, payload: string) => {
    const body = Buffer.concat([Buffer.from([0, 0, 0, 7]), Buffer.from(`${channel}\0${payload}\0`)]);
    return message("A", body);
  };

  it("takes NotificationResponse messages out of a stream split anywhere, and passes the rest in order", () => {
    const stream = Buffer.concat([message("C", "COMMIT"), notification("dx_cache", "42"), message("Z", new Uint8Array([0x49]))]);
    for (let cut = 1; cut < stream.length; cut++) {
      const passed: Uint8Array[] = [];
      const notified: Uint8Array[] = [];
      const splitter = new NotificationSplitter((d) => passed.push(d), (n) => notified.push(n));
      splitter.feed(stream.subarray(0, cut));
      splitter.feed(stream.subarray(cut));
      expect(Buffer.concat(passed)).toEqual(Buffer.concat([message("C", "COMMIT"), message("Z", new Uint8Array([0x49]))]));
      expect(notified).toHaveLength(1);
      expect(notificationChannel(notified[0]!)).toBe("dx_cache");
    }
  });

  it("recognises LISTEN and UNLISTEN in simple and extended queries, as PostgreSQL folds their names", () => {
    expect(listenCommand(message("Q", "LISTEN dx_cache"))).toEqual({ listen: true, channel: "dx_cache" });
    expect(listenCommand(message("Q", ' listen "Mixed" ;'))).toEqual({ listen: true, channel: "Mixed" });
    expect(listenCommand(message("Q", "LISTEN DX_Cache"))).toEqual({ listen: true, channel: "dx_cache" });
    expect(listenCommand(message("Q", "UNLISTEN *"))).toEqual({ listen: false, channel: "*" });
    expect(listenCommand(message("P", Buffer.from("\0LISTEN dx_cache\0\0\0")))).toEqual({ listen: true, channel: "dx_cache" });
    expect(listenCommand(message("Q", "SELECT 'LISTEN x'"))).toBeNull();
    expect(listenCommand(message("B", "LISTEN x"))).toBeNull();
  });

  it("writes a notification that a writer's COMMIT produced to the connections listening on its channel only", async () => {
    const session: PgliteSession = {
      runExclusive: (fn) => fn(),
      isInTransaction: () => false,
      async execProtocolRawStream(m, { onRawData }) {
        if (text(m) === "COMMIT") onRawData(Buffer.concat([message("C", "COMMIT"), notification("dx_cache", "7")]));
        onRawData(message("Z", new Uint8Array([0x49])));
      },
    };
    const queue = new SessionQueue(session);
    const got = { listener: [] as Uint8Array[], other: [] as Uint8Array[], writer: [] as Uint8Array[] };
    await queue.enqueue(1, message("Q", "LISTEN dx_cache"), (d) => got.listener.push(d));
    await queue.enqueue(2, message("Q", "LISTEN elsewhere"), (d) => got.other.push(d));
    got.listener.length = 0;
    got.other.length = 0;
    await queue.enqueue(3, message("Q", "COMMIT"), (d) => got.writer.push(d));
    expect(got.listener.map((d) => String.fromCharCode(d[0]!))).toEqual(["A"]);
    expect(got.other).toEqual([]);
    expect(Buffer.concat(got.writer).includes(Buffer.from("dx_cache"))).toBe(false);
    queue.clearQueueForHandler(1); // the listener's connection closed
    await queue.enqueue(3, message("Q", "COMMIT"), () => {});
    expect(got.listener).toHaveLength(1);
  });
});

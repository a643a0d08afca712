/**
 * The order in which the embedded server feeds its connections' protocol
 * messages to PGlite's one session.
 *
 * pglite-socket 0.2.17's own queue pins a connection only while an explicit
 * transaction is open (electric-sql/pglite#1046, PR #977 still open). Outside
 * one, the messages of an extended-protocol query (Parse, Bind, Execute, Sync)
 * from two connections interleave, so B's Parse replaces A's unnamed statement
 * before A's Bind: A gets B's rows, no rows, or "unnamed prepared statement does
 * not exist". Here a connection owns the session from its first message until
 * PGlite answers ReadyForQuery with status idle (after Sync or a simple query,
 * outside a transaction); and a failing message does not stall the queue (the
 * library's returns without clearing its "processing" flag).
 *
 * LISTEN/NOTIFY: the connections share one session, so PGlite writes a
 * NotificationResponse into the output of whichever connection's query ran the
 * COMMIT. The queue takes those messages out of that stream and writes each to
 * the connections that said LISTEN on its channel (lib/cache/epoch.ts relies on
 * it), as PostgreSQL would.
 */

/** What the queue needs of PGlite. */
export interface PgliteSession {
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
  execProtocolRawStream(message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }): Promise<void>;
  isInTransaction(): boolean;
}

interface Item {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

const READY_FOR_QUERY = 0x5a; // 'Z'
const NOTIFICATION_RESPONSE = 0x41; // 'A'
const QUERY = 0x51; // 'Q'
const PARSE = 0x50; // 'P'
const IDLE = 0x49; // 'I'
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
const ROLLBACK = new Uint8Array([0x51, 0, 0, 0, 13, ...Buffer.from("ROLLBACK"), 0]);

/**
 * Follows the backend's messages (type byte, int32 length that counts itself,
 * payload) across chunks, remembering the last message's type and first payload byte.
 */
export class BackendMessageTracker {
  private header: number[] = [];
  private remaining = 0;
  private wantFirstByte = false;
  lastType: number | null = null;
  lastFirstByte: number | null = null;

  feed(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.remaining > 0) {
        if (this.wantFirstByte) {
          this.lastFirstByte = chunk[i]!;
          this.wantFirstByte = false;
        }
        const take = Math.min(this.remaining, chunk.length - i);
        this.remaining -= take;
        i += take;
        continue;
      }
      this.header.push(chunk[i]!);
      i++;
      if (this.header.length === 5) {
        const [type, a, b, c, d] = this.header as [number, number, number, number, number];
        this.lastType = type;
        this.lastFirstByte = null;
        this.remaining = ((a << 24) | (b << 16) | (c << 8) | d) - 4;
        this.wantFirstByte = this.remaining > 0;
        this.header = [];
      }
    }
  }

  /** The output ended with ReadyForQuery "idle": the session is free for another connection. */
  get readyAndIdle(): boolean {
    return this.remaining === 0 && this.header.length === 0 && this.lastType === READY_FOR_QUERY && this.lastFirstByte === IDLE;
  }
}

const concat = (parts: Uint8Array[]): Uint8Array => (parts.length === 1 ? parts[0]! : Buffer.concat(parts));

/**
 * Splits a backend byte stream into NotificationResponse messages, handed to
 * `notify` whole, and everything else, handed to `pass` in order.
 */
export class NotificationSplitter {
  private header: number[] = [];
  private remaining = 0;
  private notification: Uint8Array[] | null = null;

  constructor(
    private readonly pass: (data: Uint8Array) => void,
    private readonly notify: (message: Uint8Array) => void,
  ) {}

  feed(chunk: Uint8Array): void {
    const out: Uint8Array[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - i);
        const part = chunk.subarray(i, i + take);
        if (this.notification) this.notification.push(part);
        else out.push(part);
        this.remaining -= take;
        i += take;
        if (this.remaining === 0) this.endMessage();
        continue;
      }
      this.header.push(chunk[i]!);
      i++;
      if (this.header.length === 5) {
        const header = Uint8Array.from(this.header);
        this.header = [];
        this.remaining = new DataView(header.buffer).getInt32(1) - 4;
        if (header[0] === NOTIFICATION_RESPONSE) this.notification = [header];
        else out.push(header);
        if (this.remaining === 0) this.endMessage();
      }
    }
    if (out.length > 0) this.pass(concat(out));
  }

  private endMessage(): void {
    if (!this.notification) return;
    const message = concat(this.notification);
    this.notification = null;
    this.notify(message);
  }
}

/** The channel of a NotificationResponse (type, length, process id, then the channel as a C string). */
export function notificationChannel(message: Uint8Array): string {
  const end = message.indexOf(0, 9);
  return Buffer.from(message.subarray(9, end < 0 ? message.length : end)).toString("utf8");
}

const LISTEN = /^\s*(UN)?LISTEN\s+(?:"([^"]+)"|([A-Za-z_][\w$]*)|(\*))\s*;?\s*$/i;

/** A simple Query or Parse message that is LISTEN/UNLISTEN: the channel (case-folded unless quoted) and which. */
export function listenCommand(message: Uint8Array): { listen: boolean; channel: string } | null {
  let text: string;
  if (message[0] === QUERY) {
    text = Buffer.from(message.subarray(5, message.length - 1)).toString("utf8");
  } else if (message[0] === PARSE) {
    const nameEnd = message.indexOf(0, 5);
    const queryEnd = message.indexOf(0, nameEnd + 1);
    if (nameEnd < 0 || queryEnd < 0) return null;
    text = Buffer.from(message.subarray(nameEnd + 1, queryEnd)).toString("utf8");
  } else {
    return null;
  }
  const match = LISTEN.exec(text);
  if (!match) return null;
  return { listen: !match[1], channel: match[2] ?? match[3]?.toLowerCase() ?? "*" };
}

/** Drop-in replacement for pglite-socket's QueryQueueManager (same four methods). */
export class SessionQueue {
  private queue: Item[] = [];
  private processing = false;
  /** The connection whose query or transaction is in progress; null when the session is idle. */
  private owner: number | null = null;
  /** Per connection that said LISTEN: its channels, and how to write to its socket. */
  private listeners = new Map<number, { channels: Set<string>; write: (data: Uint8Array) => void }>();

  constructor(private readonly db: PgliteSession) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    const command = listenCommand(message);
    if (command) {
      const entry = this.listeners.get(handlerId) ?? { channels: new Set<string>(), write: onData };
      if (command.listen) entry.channels.add(command.channel);
      else if (command.channel === "*") entry.channels.clear();
      else entry.channels.delete(command.channel);
      this.listeners.set(handlerId, entry);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.listeners.delete(handlerId);
    this.queue = this.queue.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** A connection went away while it owned the session: end what it left open, then free the session. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    await this.db.runExclusive(async () => {
      // Sync ends a half-sent extended query (and an error's "skip until Sync"); ROLLBACK an open transaction.
      await this.db.execProtocolRawStream(SYNC, { onRawData: () => {} });
      if (this.db.isInTransaction()) await this.db.execProtocolRawStream(ROLLBACK, { onRawData: () => {} });
    });
    if (this.owner === handlerId) this.owner = null;
    await this.process();
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        const index = this.owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === this.owner);
        if (index < 0 || index >= this.queue.length) break;
        const item = this.queue.splice(index, 1)[0]!;
        const tracker = new BackendMessageTracker();
        let bytes = 0;
        const splitter = new NotificationSplitter(
          (data) => {
            bytes += data.length;
            tracker.feed(data);
            item.onData(data);
          },
          (notification) => this.deliver(notification),
        );
        try {
          await this.db.runExclusive(() => this.db.execProtocolRawStream(item.message, { onRawData: (data) => splitter.feed(data) }));
        } catch (error) {
          this.owner = this.db.isInTransaction() ? item.handlerId : null;
          item.reject(error);
          continue;
        }
        this.owner = tracker.readyAndIdle ? null : item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  /** A notification goes to every connection that listens on its channel (the session itself listens for all of them). */
  private deliver(notification: Uint8Array): void {
    const channel = notificationChannel(notification);
    for (const { channels, write } of this.listeners.values()) {
      if (channels.has(channel)) write(notification);
    }
  }
}

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

/** Drop-in replacement for pglite-socket's QueryQueueManager (same four methods). */
export class SessionQueue {
  private queue: Item[] = [];
  private processing = false;
  /** The connection whose query or transaction is in progress; null when the session is idle. */
  private owner: number | null = null;

  constructor(private readonly db: PgliteSession) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
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
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                tracker.feed(data);
                item.onData(data);
              },
            }),
          );
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
}

/**
 * A token bucket per client address for the open-data API: a steady client
 * never notices it, a scraper in a loop gets 429 with Retry-After. In memory,
 * per server process (one process serves the app, ADR 003); the map is
 * bounded so a flood of addresses cannot grow it without limit.
 */
export interface RateLimitOptions {
  /** Requests a client may make at once. */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
  /** Addresses remembered at most; the least recently seen are forgotten first. */
  maxClients: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 120, refillPerSecond: 2, maxClients: 10_000 };

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  take(client: string): RateDecision {
    const now = this.clock();
    const { capacity, refillPerSecond, maxClients } = this.options;
    const held = this.buckets.get(client);
    let tokens = held ? Math.min(capacity, held.tokens + ((now - held.at) / 1000) * refillPerSecond) : capacity;
    // Re-insert: Map order is then least-recently-seen first.
    this.buckets.delete(client);
    if (tokens < 1) {
      this.buckets.set(client, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerSecond)) };
    }
    tokens -= 1;
    this.buckets.set(client, { tokens, at: now });
    while (this.buckets.size > maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    return { allowed: true, remaining: Math.floor(tokens) };
  }

  get size(): number {
    return this.buckets.size;
  }
}

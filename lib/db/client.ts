/**
 * Creates Prisma clients on the one driver path the app uses for every
 * database: node-postgres through @prisma/adapter-pg (a real PostgreSQL, or the
 * embedded PGlite served over the Postgres protocol).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export interface ClientOptions {
  /** Upper bound of the connection pool; keep the sum of all pools under the server's limit. */
  maxConnections?: number;
}

/** Where a client keeps its pool (a symbol property, so lib/db/index.ts's lazy proxy forwards it too). */
const POOL = Symbol.for("dx-tracker.pool");

export function createPrismaClient(connectionString: string, options: ClientOptions = {}): PrismaClient {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 5,
    // The embedded server drops connections beyond its limit instead of queueing
    // them, so idle ones are released instead of hoarded.
    idleTimeoutMillis: 10_000,
  });
  // The client owns the pool: $disconnect ends it.
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  Object.defineProperty(client, POOL, { value: pool, enumerable: false });
  return client;
}

/**
 * The client's own node-postgres pool (the same connections, the same limit),
 * for the few hot read paths that send one statement and read one JSON document
 * back, where Prisma's per-query overhead dominates (ADR 009). Everything else
 * goes through Prisma.
 */
export function poolOf(client: PrismaClient): pg.Pool | undefined {
  return (client as unknown as Record<symbol, pg.Pool | undefined>)[POOL];
}

export type { PrismaClient };

/**
 * Creates Prisma clients on the one driver path the app uses for every
 * database: node-postgres through @prisma/adapter-pg (a real PostgreSQL, or the
 * embedded PGlite served over the Postgres protocol).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export interface ClientOptions {
  /** Upper bound of the connection pool; keep the sum of all pools under the server's limit. */
  maxConnections?: number;
}

export function createPrismaClient(connectionString: string, options: ClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: options.maxConnections ?? 5,
    // The embedded server drops connections beyond its limit instead of queueing
    // them, so idle ones are released instead of hoarded.
    idleTimeoutMillis: 10_000,
  });
  return new PrismaClient({ adapter });
}

export type { PrismaClient };

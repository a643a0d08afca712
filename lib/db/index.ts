/**
 * The one Prisma client of the Next.js server process.
 */
// No "server-only" marker: the cached public pages read through this module in
// getStaticProps (Pages Router, ADR 012), where Next refuses that marker. Never
// import it from a client component.
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function makeClient(): PrismaClient {
  const env = getEnv();
  return createPrismaClient(env.DATABASE_URL, { maxConnections: env.DATABASE_POOL_MAX });
}

function getClient(): PrismaClient {
  // One client per process, also across hot reloads in development.
  globalForPrisma.prisma ??= makeClient();
  return globalForPrisma.prisma;
}

/**
 * Created on first use, not at import: `next build` imports every route to
 * analyse it and must not need a database.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

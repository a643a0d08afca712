/** The open-data API's context in the server process: the one Prisma client and one rate limiter. */
import "server-only";
import { prisma } from "@/lib/db";
import type { OpenDataContext } from "./handler";
import { TokenBucketLimiter } from "./rate-limit";

const globalForApi = globalThis as unknown as { openDataLimiter?: TokenBucketLimiter };

export function openDataContext(): OpenDataContext {
  globalForApi.openDataLimiter ??= new TokenBucketLimiter();
  return { db: prisma, limiter: globalForApi.openDataLimiter };
}

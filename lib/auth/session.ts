/**
 * Guards for server components, server actions and route handlers. Each one
 * checks the session itself; the proxy only redirects for convenience.
 */
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { prisma } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { assertCan, loadActor, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";

/** The current actor, or null; memoised per request. */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return loadActor(prisma, session.user.id, session.user.issuedAt);
});

export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await getCurrentActor();
  assertCan(actor, permission);
  return actor;
}

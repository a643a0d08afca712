/**
 * Guards for server components, server actions and route handlers. Each one
 * checks the session itself; the proxy only redirects for convenience.
 */
// No "server-only" marker: the dashboard pages read through this module in getServerSideProps
// (Pages Router, ADR 035), where Next refuses that marker. Never import it from a client component.
import type { IncomingMessage, ServerResponse } from "node:http";
import { cache } from "react";
import { getServerSession, type Session } from "next-auth";
import { prisma } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { assertCan, loadActor, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";

function actorOfSession(session: Session | null): Promise<Actor | null> {
  if (!session?.user?.id) return Promise.resolve(null);
  return loadActor(prisma, session.user.id, session.user.issuedAt);
}

/** The current actor, or null; memoised per request. */
export const getCurrentActor = cache(async (): Promise<Actor | null> => actorOfSession(await getServerSession(authOptions)));

/** The same for a Pages Router page's getServerSideProps (the dashboard pages, ADR 035); next-auth may refresh the cookie on `res`. */
export async function getRequestActor(req: IncomingMessage & { cookies: Partial<Record<string, string>> }, res: ServerResponse): Promise<Actor | null> {
  return actorOfSession(await getServerSession(req, res, authOptions));
}

export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await getCurrentActor();
  assertCan(actor, permission);
  return actor;
}

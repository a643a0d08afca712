/**
 * The only way to write a server action: the signed-in actor → the service →
 * a result the form can show. Revalidation is the caller's last step, on success.
 *
 * One pass (issue #17): the service is where a write is authorised (assertCan:
 * the role's permission, no pending password change) and validated (parseInput:
 * the form's zod schema, Vietnamese messages per field), because tests, the
 * spreadsheet import and scripts call it too. The wrapper adds only what a
 * browser call needs: the session's actor (none: UNAUTHENTICATED, before any
 * parsing) and every failure turned into an ActionResult (toActionError) —
 * one error shape, whoever calls.
 */
import "server-only";
import { prisma } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/client";
import { getCurrentActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import { AuthError } from "@/lib/auth/errors";
import { toActionError, type ActionResult } from "@/lib/actions/result";

export type Service<R> = (db: PrismaClient, actor: Actor, input: unknown) => Promise<R>;

export function authorizedAction<R>(service: Service<R>): (input: unknown) => Promise<ActionResult<R>> {
  return async (input: unknown) => {
    try {
      const actor = await getCurrentActor();
      if (!actor) throw new AuthError("UNAUTHENTICATED");
      return { ok: true, data: await service(prisma, actor, input) };
    } catch (error) {
      return toActionError(error);
    }
  };
}

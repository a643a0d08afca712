/**
 * The only way to write a server action: the signed-in actor → the service →
 * a result the form can show → on success, the caller's revalidation (`refresh`).
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
import { getCurrentActor } from "@/lib/auth/session";
import type { Service } from "@/lib/services/write";
import { AuthError } from "@/lib/auth/errors";
import { toActionError, type ActionResult } from "@/lib/actions/result";

/**
 * `refresh` runs after a successful write, outside the error mapping (as it did at each
 * caller before): the write has committed, so its failure must not read "nothing was saved".
 */
export function authorizedAction<R>(service: Service<R>, refresh?: (data: R) => void | Promise<void>): (input: unknown) => Promise<ActionResult<R>> {
  return async (input: unknown) => {
    let result: ActionResult<R>;
    try {
      const actor = await getCurrentActor();
      if (!actor) throw new AuthError("UNAUTHENTICATED");
      result = { ok: true, data: await service(prisma, actor, input) };
    } catch (error) {
      return toActionError(error);
    }
    await refresh?.(result.data);
    return result;
  };
}

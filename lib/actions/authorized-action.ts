/**
 * The only way to write a server action: authorise → validate (zod) → run the
 * service (which writes in a transaction with its audit row) → return a result
 * the form can show. Revalidation is the caller's last step, on success.
 */
import "server-only";
import type { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { toActionError, type ActionResult } from "@/lib/actions/result";

export function authorizedAction<S extends z.ZodType, R>(
  permission: Permission,
  schema: S,
  handler: (input: z.output<S>, actor: Actor) => Promise<R>,
): (input: unknown) => Promise<ActionResult<R>> {
  return async (input: unknown) => {
    try {
      const actor = await requirePermission(permission);
      const parsed = schema.safeParse(input);
      if (!parsed.success) return toActionError(parsed.error);
      return { ok: true, data: await handler(parsed.data, actor) };
    } catch (error) {
      return toActionError(error);
    }
  };
}

/**
 * The signed-in person as the server knows them, re-read from the database on
 * every request (a disabled account or a changed password ends old sessions).
 * Services take an Actor, so they can be tested and authorised without HTTP.
 */
import type { PrismaClient } from "@/lib/db/client";
import { AuthError } from "@/lib/auth/errors";
import { can, type Permission, type Role } from "@/lib/auth/permissions";

export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  departmentId: number | null;
  /** Units the actor is limited to (with everything below them); empty = no unit limit. */
  unitScopeIds: number[];
  /**
   * Set by an admin (new account, forced reset): until the user picks a new
   * password, the only thing they may do is change it (assertCan refuses
   * everything else; the proxy and the staff layout send them to the form).
   */
  mustChangePassword?: boolean;
}

export async function loadActor(prisma: PrismaClient, userId: string, sessionIssuedAt?: number): Promise<Actor | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      departmentId: true,
      disabledAt: true,
      passwordChangedAt: true,
      sessionsRevokedAt: true,
      mustChangePassword: true,
      unitScopes: { select: { unitId: true } },
    },
  });
  if (!user || user.disabledAt) return null;
  // A session from before the latest password change is over (1 s slack for clock granularity).
  if (sessionIssuedAt !== undefined && user.passwordChangedAt.getTime() > sessionIssuedAt + 1000) return null;
  // A session issued before the account was last disabled is over for good, even once it is enabled again.
  if (sessionIssuedAt !== undefined && user.sessionsRevokedAt && user.sessionsRevokedAt.getTime() >= sessionIssuedAt) return null;
  return { ...identityOf(user), unitScopeIds: user.unitScopes.map((s) => s.unitId) };
}

/** Who a user row says the person is: what the sign-in puts in the session and every Actor carries. */
export function identityOf(user: { id: string; name: string; email: string; role: string; departmentId: number | null; mustChangePassword: boolean }) {
  return { id: user.id, name: user.name, email: user.email, role: user.role as Role, departmentId: user.departmentId, mustChangePassword: user.mustChangePassword };
}

export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AuthError("UNAUTHENTICATED");
  if (!can(actor.role, permission)) throw new AuthError("FORBIDDEN");
  if (actor.mustChangePassword && permission !== "account.changePassword") throw new AuthError("PASSWORD_CHANGE_REQUIRED");
}

/**
 * For route handlers, which answer with a status instead of throwing: assertCan's rules (a
 * session, the permission, no password change the admin asked for), as the actor to go on with
 * or the refusal with its HTTP status (401 without a session, 403 otherwise).
 */
export function authorizeRoute(actor: Actor | null, permission: Permission): { actor: Actor; refused?: undefined } | { refused: AuthError; status: 401 | 403 } {
  try {
    assertCan(actor, permission);
    return { actor };
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { refused: error, status: error.code === "UNAUTHENTICATED" ? 401 : 403 };
  }
}

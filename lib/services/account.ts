/**
 * The signed-in person's own account. Changing the password ends every
 * session issued before it (loadActor compares passwordChangedAt with the
 * session's issuedAt), including the one used to change it.
 */
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { refusalMessage, reserveAttempt, settleAttempt } from "@/lib/auth/throttle";
import { DomainError, fieldError } from "@/lib/errors";
import { authorizeInput, commitWrite } from "@/lib/services/write";
import { writeAudit } from "@/lib/audit";
import { ACCOUNT_MESSAGES, changePasswordSchema } from "@/lib/validations/account";

export interface PasswordChanged {
  passwordChangedAt: Date;
}

export interface ChangePasswordOptions {
  /** The client's address (lib/security/client-address.ts), for the guessing throttle. */
  ip?: string;
}

/**
 * Changes the signed-in user's password. The current password is checked under the same
 * throttle as sign-in (ADR 016), on the same account and address counts: a stolen session
 * cannot be used to guess it faster than the sign-in form allows.
 */
export async function changePassword(db: PrismaClient, actor: Actor, input: unknown, options: ChangePasswordOptions = {}): Promise<PasswordChanged> {
  const { current, next } = authorizeInput(actor, "account.changePassword", changePasswordSchema, input);
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { passwordHash: true, passwordChangedAt: true, mustChangePassword: true, disabledAt: true },
  });
  if (!user || user.disabledAt) throw new DomainError("NOT_FOUND", "Không tìm thấy tài khoản hoặc tài khoản đã bị khoá.");
  const reservation = await reserveAttempt(db, actor.email.toLowerCase(), options.ip ?? "unknown");
  if (!reservation.allowed) throw new DomainError("THROTTLED", refusalMessage(reservation), undefined, { current: [refusalMessage(reservation)] });
  // argon2 takes tens of milliseconds: verify and hash outside the transaction.
  const verified = await verifyPassword(user.passwordHash, current);
  await settleAttempt(db, reservation.attemptId, verified);
  if (!verified) {
    throw fieldError("WRONG_PASSWORD", "current", ACCOUNT_MESSAGES.currentWrong);
  }
  const passwordHash = await hashPassword(next);
  // The app's clock, like the session's issuedAt it is compared with.
  const passwordChangedAt = new Date();
  return commitWrite(db, async (tx) => {
    // Only if the hash is still the one verified: two changes at once cannot both win.
    const { count } = await tx.user.updateMany({
      where: { id: actor.id, passwordHash: user.passwordHash },
      data: { passwordHash, passwordChangedAt, mustChangePassword: false },
    });
    if (count !== 1) throw new DomainError("CONFLICT", "Mật khẩu vừa được thay đổi ở nơi khác. Vui lòng đăng nhập lại.");
    await writeAudit(tx, {
      actor,
      action: "PASSWORD_CHANGED",
      entityType: "User",
      entityId: actor.id,
      // Never the hashes: the audit is readable by more people than the users table.
      before: { passwordChangedAt: user.passwordChangedAt, mustChangePassword: user.mustChangePassword },
      after: { passwordChangedAt, mustChangePassword: false },
    });
    return { passwordChangedAt };
  });
}

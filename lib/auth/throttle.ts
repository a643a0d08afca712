/**
 * Password guessing throttle, for sign-in and for the current password of a password change
 * (ADR 016, issue #13 items 3–4). Three limits over the last 15 minutes:
 *
 * - **account × address**: 5 failures → that address may not try that account again until the
 *   oldest of those failures is 15 minutes old;
 * - **address**: 20 failures, whatever the accounts (one address spraying many accounts) → the
 *   address waits likewise;
 * - **account**, from any addresses: from the 10th failure on, each new attempt waits
 *   2^(failures − 9) seconds after the latest failure (2 s, 4 s, … at most 15 minutes) — except
 *   from an address that signed in to this account in the last 30 days. So a stranger can neither
 *   guess more than a few passwords per account per quarter-hour from many addresses, nor lock an
 *   official out: from their usual machine they are never made to wait by someone else's failures.
 *
 * Check and record are one step: under transaction-scoped advisory locks on the account and on
 * the address, the failures are counted and, if the attempt may go ahead, it is recorded at once
 * as a failure; a right password turns that row into a success afterwards (settleAttempt). So
 * concurrent attempts cannot all pass the check before any is recorded. Unknown accounts are
 * counted and answered exactly like known ones: the throttle tells nothing about which exist.
 */
import type { PrismaClient } from "@/lib/db/client";

export const THROTTLE = {
  windowMinutes: 15,
  pairFailures: 5,
  addressFailures: 20,
  accountFailuresBeforeDelay: 10,
  maxDelaySeconds: 15 * 60,
  knownAddressDays: 30,
} as const;

/** Kept for the messages and tests that speak of "5 failures in 15 minutes". */
export const SIGN_IN_THROTTLE = { maxFailures: THROTTLE.pairFailures, windowMinutes: THROTTLE.windowMinutes } as const;

/** Advisory lock classes (pg_advisory_xact_lock(int, int)): account first, then address, always in that order. */
const LOCK_ACCOUNT = 16_001;
const LOCK_ADDRESS = 16_002;

/** A burst of attempts queues on the locks: give it time rather than fail the sign-in. */
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

export type ThrottleLimit = "pair" | "address" | "account";

export type Reservation = { allowed: true; attemptId: bigint } | { allowed: false; limit: ThrottleLimit; retryAt: Date };

/** Seconds an attempt waits after the account's latest failure, when it has `failures` in the window (0: none). */
export function accountDelaySeconds(failures: number): number {
  if (failures < THROTTLE.accountFailuresBeforeDelay) return 0;
  return Math.min(THROTTLE.maxDelaySeconds, 2 ** (failures - THROTTLE.accountFailuresBeforeDelay + 1));
}

/**
 * Decides whether `email` may be tried from `ip` now and, if so, records the attempt (as a
 * failure until settleAttempt says otherwise), atomically. `email` is lower-cased by the caller.
 */
export async function reserveAttempt(prisma: PrismaClient, email: string, ip: string, now = new Date()): Promise<Reservation> {
  const windowMs = THROTTLE.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_ACCOUNT}::int, hashtext(${email}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_ADDRESS}::int, hashtext(${ip}))`;
    const failures = (where: { email?: string; ip?: string }, take: number) =>
      tx.loginAttempt.findMany({ where: { ...where, success: false, at: { gte: since } }, orderBy: { at: "desc" }, take, select: { at: true } });

    const pair = await failures({ email, ip }, THROTTLE.pairFailures);
    if (pair.length >= THROTTLE.pairFailures) return { allowed: false, limit: "pair", retryAt: new Date(pair.at(-1)!.at.getTime() + windowMs) };
    const address = await failures({ ip }, THROTTLE.addressFailures);
    if (address.length >= THROTTLE.addressFailures) return { allowed: false, limit: "address", retryAt: new Date(address.at(-1)!.at.getTime() + windowMs) };

    const account = await tx.loginAttempt.aggregate({ where: { email, success: false, at: { gte: since } }, _count: true, _max: { at: true } });
    const delay = accountDelaySeconds(account._count);
    if (delay > 0) {
      const known = await tx.loginAttempt.findFirst({
        where: { email, ip, success: true, at: { gte: new Date(now.getTime() - THROTTLE.knownAddressDays * 86_400_000) } },
        select: { id: true },
      });
      if (!known) {
        const retryAt = new Date(account._max.at!.getTime() + delay * 1000);
        if (retryAt > now) return { allowed: false, limit: "account", retryAt };
      }
    }
    const attempt = await tx.loginAttempt.create({ data: { email, ip, success: false, at: now }, select: { id: true } });
    return { allowed: true, attemptId: attempt.id };
  }, TX_OPTIONS);
}

/** The reserved attempt's outcome: a right password makes it a success (it stops counting as a failure). */
export async function settleAttempt(prisma: PrismaClient, attemptId: bigint, success: boolean): Promise<void> {
  if (success) await prisma.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}

export function throttledMessage(retryAt: Date | null, now = new Date()): string {
  const minutes = retryAt ? Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000)) : THROTTLE.windowMinutes;
  return `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`;
}

/** The refusal of an account-wide delay: seconds, and where it does not apply. */
export function accountDelayMessage(retryAt: Date, now = new Date()): string {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} phút` : `${seconds} giây`;
  return `Tài khoản này vừa bị nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${wait}; từ máy bạn đã đăng nhập tài khoản này gần đây thì không phải chờ.`;
}

/** The Vietnamese refusal of a reservation. */
export function refusalMessage(reservation: Extract<Reservation, { allowed: false }>, now = new Date()): string {
  return reservation.limit === "account" ? accountDelayMessage(reservation.retryAt, now) : throttledMessage(reservation.retryAt, now);
}

export const INVALID_CREDENTIALS_MESSAGE = "Email hoặc mật khẩu không đúng.";

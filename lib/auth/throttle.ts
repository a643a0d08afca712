/**
 * Sign-in throttling: at most MAX_FAILURES failed attempts per account and per
 * address within WINDOW. Counted for unknown accounts too, and the message is
 * the same either way, so the throttle reveals nothing about which accounts exist.
 */
import type { PrismaClient } from "@/lib/db/client";

export const SIGN_IN_THROTTLE = { maxFailures: 5, windowMinutes: 15 } as const;

export interface ThrottleState {
  blocked: boolean;
  /** When the oldest counted failure leaves the window. */
  retryAt: Date | null;
}

export async function getThrottleState(prisma: PrismaClient, email: string, ip: string, now = new Date()): Promise<ThrottleState> {
  const since = new Date(now.getTime() - SIGN_IN_THROTTLE.windowMinutes * 60_000);
  const [byEmail, byIp] = await Promise.all([
    prisma.loginAttempt.findMany({
      where: { email, success: false, at: { gte: since } },
      orderBy: { at: "desc" },
      take: SIGN_IN_THROTTLE.maxFailures,
      select: { at: true },
    }),
    prisma.loginAttempt.findMany({
      where: { ip, success: false, at: { gte: since } },
      orderBy: { at: "desc" },
      take: SIGN_IN_THROTTLE.maxFailures,
      select: { at: true },
    }),
  ]);
  const full = [byEmail, byIp].filter((list) => list.length >= SIGN_IN_THROTTLE.maxFailures);
  if (full.length === 0) return { blocked: false, retryAt: null };
  // The block lifts when the oldest of the last maxFailures failures ages out.
  const retryAt = Math.max(...full.map((list) => list[list.length - 1]!.at.getTime())) + SIGN_IN_THROTTLE.windowMinutes * 60_000;
  return { blocked: true, retryAt: new Date(retryAt) };
}

export async function recordAttempt(prisma: PrismaClient, email: string, ip: string, success: boolean): Promise<void> {
  await prisma.loginAttempt.create({ data: { email, ip, success } });
}

export function throttledMessage(retryAt: Date | null, now = new Date()): string {
  const minutes = retryAt ? Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000)) : SIGN_IN_THROTTLE.windowMinutes;
  return `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`;
}

export const INVALID_CREDENTIALS_MESSAGE = "Email hoặc mật khẩu không đúng.";

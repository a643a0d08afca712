/**
 * Sign-in through next-auth's credentials authorize(), against the database:
 * at most 5 failures per account and per address in 15 minutes, identical
 * answers whether or not the account exists. Rows are this file's own (unique
 * emails and addresses), so the shared database is otherwise untouched.
 */
import { randomBytes } from "node:crypto";
import type { User } from "next-auth";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<User | null>;

const INVALID = "Email hoặc mật khẩu không đúng.";
const THROTTLED = "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.";
const PASSWORD = "Mat-khau-dung-2026";
const run = randomBytes(3).toString("hex");
let seq = 0;
const newAddress = () => `2001:db8:${run}::${++seq}`;
const newEmail = (label: string) => `${label}-${run}-${++seq}@throttle.test`;

let db: PrismaClient;
let authorize: Authorize;
const savedUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  // lib/db (used by authorize) reads DATABASE_URL once, on first use.
  process.env.DATABASE_URL = inject("databaseUrl");
  const { authOptions } = await import("@/lib/auth/options");
  authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
  db = createPrismaClient(inject("databaseUrl"), { maxConnections: 2 });
});
afterAll(async () => {
  process.env.DATABASE_URL = savedUrl;
  await db?.$disconnect();
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
});

async function createUser(options: { disabled?: boolean } = {}) {
  const email = newEmail("user");
  const user = await db.user.create({
    data: { email, name: `Thử ${email}`, role: "EDITOR", passwordHash: await hashPassword(PASSWORD), disabledAt: options.disabled ? new Date() : null },
    select: { id: true, email: true },
  });
  return user;
}

/** The message authorize() refuses with, or "OK" when it signs in. */
async function attempt(email: string, password: string, address: string): Promise<string> {
  try {
    const user = await authorize({ email, password }, { headers: { "x-forwarded-for": address } });
    return user ? "OK" : "NULL";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("sign-in throttling", () => {
  it("blocks an account after 5 failures in 15 minutes, then refuses even the right password", async () => {
    const user = await createUser();
    // Each failure from a different address: only the account's own count can block.
    for (let i = 0; i < 5; i++) {
      // Typed any case: it is the same account.
      const typed = i % 2 ? user.email.toUpperCase() : user.email;
      expect(await attempt(typed, "sai-mat-khau", newAddress())).toBe(INVALID);
    }
    expect(await attempt(user.email, PASSWORD, newAddress())).toBe(THROTTLED);
    // The refused attempt was not even checked, let alone recorded as a success.
    expect(await db.loginAttempt.count({ where: { email: user.email, success: true } })).toBe(0);
    expect(await db.loginAttempt.count({ where: { email: user.email, success: false } })).toBe(5);
  });

  it("blocks an address after 5 failures, for every account, while others sign in from elsewhere", async () => {
    const office = newAddress();
    for (let i = 0; i < 5; i++) expect(await attempt(newEmail("nobody"), "doan-bua", office)).toBe(INVALID);
    const user = await createUser();
    expect(await attempt(user.email, PASSWORD, office)).toBe(THROTTLED);
    expect(await attempt(user.email, PASSWORD, newAddress())).toBe("OK");
  });

  it("answers unknown accounts exactly like known ones, and throttles them the same", async () => {
    const known = await createUser();
    const unknown = newEmail("ghost");
    for (let i = 0; i < 5; i++) {
      const forKnown = await attempt(known.email, "sai-mat-khau", newAddress());
      const forUnknown = await attempt(unknown, "sai-mat-khau", newAddress());
      expect(forUnknown).toBe(forKnown);
      expect(forUnknown).toBe(INVALID);
    }
    const knownBlocked = await attempt(known.email, PASSWORD, newAddress());
    const unknownBlocked = await attempt(unknown, PASSWORD, newAddress());
    expect(knownBlocked).toBe(THROTTLED);
    expect(unknownBlocked).toBe(knownBlocked);
    expect(await db.loginAttempt.count({ where: { email: unknown, success: false } })).toBe(5);
  });

  it("does not count failures older than 15 minutes", async () => {
    const user = await createUser();
    const address = newAddress();
    const sixteenMinutesAgo = new Date(Date.now() - 16 * 60_000);
    await db.loginAttempt.createMany({
      data: Array.from({ length: 5 }, () => ({ email: user.email, ip: address, success: false, at: sixteenMinutesAgo })),
    });
    expect(await attempt(user.email, PASSWORD, address)).toBe("OK");
    // Four recent failures (plus five old ones) still let the right password in; the fifth recent one blocks.
    for (let i = 0; i < 4; i++) expect(await attempt(user.email, "sai-mat-khau", newAddress())).toBe(INVALID);
    expect(await attempt(user.email, PASSWORD, newAddress())).toBe("OK");
    expect(await attempt(user.email, "sai-mat-khau", newAddress())).toBe(INVALID);
    expect(await attempt(user.email, PASSWORD, newAddress())).toBe(THROTTLED);
  });

  it("refuses a disabled account with the ordinary message, and counts it as a failure", async () => {
    const user = await createUser({ disabled: true });
    const address = newAddress();
    expect(await attempt(user.email, PASSWORD, address)).toBe(INVALID);
    const rows = await db.loginAttempt.findMany({ where: { email: user.email }, select: { ip: true, success: true } });
    expect(rows).toEqual([{ ip: address, success: false }]);
  });

  it("signs in with the right password, returns role and department, and records the success", async () => {
    const user = await createUser();
    const address = newAddress();
    const signedIn = await authorize({ email: ` ${user.email.toUpperCase()} `, password: PASSWORD }, { headers: { "x-forwarded-for": `6.6.6.6, ${address}` } });
    expect(signedIn).toMatchObject({ id: user.id, email: user.email, role: "EDITOR", departmentId: null });
    const rows = await db.loginAttempt.findMany({ where: { email: user.email }, select: { ip: true, success: true } });
    // The last X-Forwarded-For hop is the address: the one the app's proxy (or Next.js) wrote.
    expect(rows).toEqual([{ ip: address, success: true }]);
  });
});

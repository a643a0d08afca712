/**
 * Sign-in through next-auth's credentials authorize(), against the database (ADR 016):
 * 5 failures per account × address, 20 per address, and from the 10th failure of an
 * account a growing wait for addresses that have not signed in to it lately — checked and
 * recorded in one step, so concurrent guesses cannot pass together; identical answers
 * whether or not the account exists. The current password of a password change counts alike. Rows are this file's own (unique
 * emails and addresses), so the shared database is otherwise untouched.
 */
import { randomBytes } from "node:crypto";
import type { User } from "next-auth";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { loadActor } from "@/lib/auth/actor";
import type { DomainError } from "@/lib/actions/result";
import { changePassword } from "@/lib/services/account";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<User | null>;

const INVALID = "Email hoặc mật khẩu không đúng.";
const THROTTLED = "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.";
const ACCOUNT_WAIT = /^Tài khoản này vừa bị nhập sai mật khẩu nhiều lần\. Vui lòng thử lại sau \d+ giây; từ máy bạn đã đăng nhập tài khoản này gần đây thì không phải chờ\.$/;
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
  it("blocks an account from an address after 5 failures there in 15 minutes, even with the right password; elsewhere it signs in", async () => {
    const user = await createUser();
    const address = newAddress();
    for (let i = 0; i < 5; i++) {
      // Typed any case: it is the same account.
      const typed = i % 2 ? user.email.toUpperCase() : user.email;
      expect(await attempt(typed, "sai-mat-khau", address)).toBe(INVALID);
    }
    expect(await attempt(user.email, PASSWORD, address)).toBe(THROTTLED);
    // The refused attempt was not even checked, let alone recorded as a success.
    expect(await db.loginAttempt.count({ where: { email: user.email, success: true } })).toBe(0);
    expect(await db.loginAttempt.count({ where: { email: user.email, success: false } })).toBe(5);
    // A stranger's failures do not lock the official out: from another address the right password works.
    expect(await attempt(user.email, PASSWORD, newAddress())).toBe("OK");
  });

  it("blocks an address after 20 failures across accounts, for every account, while others sign in from elsewhere", async () => {
    const office = newAddress();
    for (let i = 0; i < 20; i++) expect(await attempt(newEmail("nobody"), "doan-bua", office)).toBe(INVALID);
    const user = await createUser();
    expect(await attempt(user.email, PASSWORD, office)).toBe(THROTTLED);
    expect(await attempt(user.email, PASSWORD, newAddress())).toBe("OK");
  });

  it("from an account's 10th failure, new addresses wait (2 s, then 4 s …); an address it signed in from lately does not", async () => {
    const user = await createUser();
    const usual = newAddress();
    expect(await attempt(user.email, PASSWORD, usual)).toBe("OK");
    for (let i = 0; i < 10; i++) expect(await attempt(user.email, "sai-mat-khau", newAddress())).toBe(INVALID);
    expect(await attempt(user.email, PASSWORD, newAddress())).toMatch(ACCOUNT_WAIT);
    // The official's usual machine is not made to wait by someone else's guesses.
    expect(await attempt(user.email, PASSWORD, usual)).toBe("OK");
    // After the wait, one more try from anywhere; a failure doubles the next wait.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await attempt(user.email, "sai-mat-khau", newAddress())).toBe(INVALID);
    expect(await attempt(user.email, PASSWORD, newAddress())).toMatch(ACCOUNT_WAIT);
    expect(await db.loginAttempt.count({ where: { email: user.email, success: false } })).toBe(11);
  });

  it("answers unknown accounts exactly like known ones, and throttles them the same", async () => {
    const known = await createUser();
    const unknown = newEmail("ghost");
    const [a, b] = [newAddress(), newAddress()];
    for (let i = 0; i < 5; i++) {
      const forKnown = await attempt(known.email, "sai-mat-khau", a);
      const forUnknown = await attempt(unknown, "sai-mat-khau", b);
      expect(forUnknown).toBe(forKnown);
      expect(forUnknown).toBe(INVALID);
    }
    const knownBlocked = await attempt(known.email, PASSWORD, a);
    const unknownBlocked = await attempt(unknown, PASSWORD, b);
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
    for (let i = 0; i < 4; i++) expect(await attempt(user.email, "sai-mat-khau", address)).toBe(INVALID);
    expect(await attempt(user.email, PASSWORD, address)).toBe("OK");
    expect(await attempt(user.email, "sai-mat-khau", address)).toBe(INVALID);
    expect(await attempt(user.email, PASSWORD, address)).toBe(THROTTLED);
  });

  it("checks and records in one step: 30 wrong passwords at once verify 5; 100 at once from one address, 20", async () => {
    const user = await createUser();
    const address = newAddress();
    const answers = await Promise.all(Array.from({ length: 30 }, () => attempt(user.email, "sai-mat-khau", address)));
    expect(answers.filter((a) => a === INVALID)).toHaveLength(5);
    expect(answers.filter((a) => a === THROTTLED)).toHaveLength(25);
    expect(await db.loginAttempt.count({ where: { email: user.email } })).toBe(5);

    const fresh = newAddress();
    const spray = await Promise.all(Array.from({ length: 100 }, () => attempt(newEmail("spray"), "doan-bua", fresh)));
    expect(spray.filter((a) => a === INVALID)).toHaveLength(20);
    expect(await db.loginAttempt.count({ where: { ip: fresh } })).toBe(20);
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

describe("password change throttling", () => {
  it("counts wrong current passwords like sign-in failures: the 6th try from that address is refused, even the right one", async () => {
    const user = await createUser();
    const actor = (await loadActor(db, user.id))!;
    const address = newAddress();
    const change = (current: string) =>
      changePassword(db, actor, { current, next: "MatKhauMoi@2026", confirm: "MatKhauMoi@2026" }, { ip: address }).then(
        () => "OK",
        (error: unknown) => `${(error as DomainError).code}: ${(error as DomainError).message}`,
      );
    for (let i = 0; i < 5; i++) expect(await change("sai-mat-khau")).toBe("WRONG_PASSWORD: Mật khẩu hiện tại không đúng.");
    expect(await change(PASSWORD)).toBe(`THROTTLED: ${THROTTLED}`);
    // Twenty-five at once from a fresh address are not verified either: at most 5 are.
    const other = newAddress();
    const burst = await Promise.all(
      Array.from({ length: 25 }, () => changePassword(db, actor, { current: "sai", next: "MatKhauMoi@2026", confirm: "MatKhauMoi@2026" }, { ip: other }).catch((e: DomainError) => e.code)),
    );
    expect(burst.filter((c) => c === "WRONG_PASSWORD")).toHaveLength(5);
    // And the same counts stop sign-in from that address.
    expect(await attempt(user.email, PASSWORD, address)).toBe(THROTTLED);
  });
});

/**
 * The session next-auth issues: it records when it was issued (so a later
 * password change ends it) and ends 8 hours after sign-in however active it
 * is. Drives the jwt and session callbacks of lib/auth/options.ts.
 */
import { randomBytes } from "node:crypto";
import type { Account, Session, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";

let db: PrismaClient;
let options: typeof import("@/lib/auth/options");
const savedUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  options = await import("@/lib/auth/options");
  db = createPrismaClient(inject("databaseUrl"), { maxConnections: 2 });
});
afterAll(async () => {
  process.env.DATABASE_URL = savedUrl;
  await db?.$disconnect();
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
});

type JwtCallback = (params: { token: JWT; user?: User; account?: Account | null; trigger?: "signIn" | "update" }) => Promise<JWT>;
type SessionCallback = (params: { session: Session; token: JWT }) => Promise<Session>;

const jwt = (params: Parameters<JwtCallback>[0]) => (options.authOptions.callbacks!.jwt as unknown as JwtCallback)(params);
const session = (token: JWT) =>
  (options.authOptions.callbacks!.session as unknown as SessionCallback)({ session: { expires: "" } as Session, token });

describe("sessions", () => {
  it("last 8 hours", () => {
    expect(options.SESSION_MAX_AGE_SECONDS).toBe(8 * 3600);
    expect(options.authOptions.session?.maxAge).toBe(8 * 3600);
    expect(options.authOptions.jwt?.maxAge).toBe(8 * 3600);
    expect(options.authOptions.session?.strategy).toBe("jwt");
  });

  it("are stamped with their sign-in time, which a later password change outdates", async () => {
    const email = `phien-${randomBytes(3).toString("hex")}@session.test`;
    const password = "Mat-khau-phien-2026";
    const created = await db.user.create({
      data: { email, name: "Phiên thử", role: "APPROVER", passwordHash: await hashPassword(password), passwordChangedAt: new Date(Date.now() - 60_000) },
      select: { id: true },
    });
    const authorize = (options.authOptions.providers[0] as unknown as {
      options: { authorize: (c: Record<string, string>, r: { headers: Record<string, string> }) => Promise<User> };
    }).options.authorize;
    const user = await authorize({ email, password }, { headers: { "x-forwarded-for": "2001:db8:5e55::1" } });

    const before = Date.now();
    const token = await jwt({ token: { name: user.name, email: user.email } as JWT, user, account: null, trigger: "signIn" });
    expect(token.issuedAt).toBeGreaterThanOrEqual(before);
    expect(token.issuedAt).toBeLessThanOrEqual(Date.now());
    expect(token).toMatchObject({ sub: created.id, role: "APPROVER", departmentId: null });
    // Later requests keep the stamp: it is not renewed by use.
    expect((await jwt({ token })).issuedAt).toBe(token.issuedAt);

    const { user: sessionUser } = await session(token);
    expect(sessionUser).toMatchObject({ id: created.id, role: "APPROVER", issuedAt: token.issuedAt });
    expect(await loadActor(db, sessionUser.id, sessionUser.issuedAt)).not.toBeNull();

    await db.user.update({ where: { id: created.id }, data: { passwordChangedAt: new Date(Date.now() + 2_000) } });
    expect(await loadActor(db, sessionUser.id, sessionUser.issuedAt)).toBeNull();
  });

  it("end 8 hours after sign-in even when used all along", async () => {
    const base = { sub: "00000000-0000-0000-0000-000000000000", role: "VIEWER", departmentId: null } as const;
    const fresh = { ...base, issuedAt: Date.now() - (8 * 3600 - 60) * 1000 } as JWT;
    await expect(jwt({ token: fresh })).resolves.toMatchObject({ issuedAt: fresh.issuedAt });
    const stale = { ...base, issuedAt: Date.now() - (8 * 3600 + 60) * 1000 } as JWT;
    await expect(jwt({ token: stale })).rejects.toThrow(/hết hạn/);
    // A token without a stamp (older code, forged claims) is no session either.
    await expect(jwt({ token: { ...base } as unknown as JWT })).rejects.toThrow(/hết hạn/);
  });
});

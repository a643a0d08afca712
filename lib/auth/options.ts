/**
 * next-auth configuration: email + password (argon2id), JWT sessions that
 * carry role and scope and expire, throttled failures. No message says
 * whether an account exists.
 */
// No "server-only" marker: the dashboard pages read through this module in getServerSideProps
// (Pages Router, ADR 035), where Next refuses that marker. Never import it from a client component.
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { INVALID_CREDENTIALS_MESSAGE, refusalMessage, reserveAttempt, settleAttempt } from "@/lib/auth/throttle";
import { clientAddress } from "@/lib/security/client-address";
import { identityOf } from "@/lib/auth/actor";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/dang-nhap" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req): Promise<User | null> {
        const parsed = credentialsSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(INVALID_CREDENTIALS_MESSAGE);
        const { email, password } = parsed.data;
        const ip = clientAddress(req?.headers as Record<string, unknown> | undefined);
        // Checked and recorded in one step (ADR 016): concurrent guesses cannot all pass the check.
        const reservation = await reserveAttempt(prisma, email, ip);
        if (!reservation.allowed) throw new Error(refusalMessage(reservation));
        const user = await prisma.user.findUnique({
          where: { email },
          select: { id: true, name: true, email: true, role: true, passwordHash: true, disabledAt: true, departmentId: true, mustChangePassword: true },
        });
        const ok = await verifyPassword(user && !user.disabledAt ? user.passwordHash : null, password);
        await settleAttempt(prisma, reservation.attemptId, ok);
        if (!ok || !user) throw new Error(INVALID_CREDENTIALS_MESSAGE);
        return identityOf(user);
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.departmentId = user.departmentId;
        // Lets the proxy send the user to the change-password form. It can only
        // turn true together with a password reset, which ends older sessions.
        token.mustChangePassword = user.mustChangePassword === true;
        token.issuedAt = Date.now();
      }
      // next-auth slides the cookie's expiry on every use; the session itself
      // ends SESSION_MAX_AGE after sign-in however active it is. Throwing
      // makes next-auth clear the cookie and report no session.
      if (!token.issuedAt || Date.now() - token.issuedAt > SESSION_MAX_AGE_SECONDS * 1000) {
        throw new Error("Phiên đăng nhập đã hết hạn.");
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        id: token.sub!,
        name: token.name ?? "",
        email: token.email ?? "",
        role: token.role,
        departmentId: token.departmentId ?? null,
        issuedAt: token.issuedAt,
      };
      return session;
    },
  },
};

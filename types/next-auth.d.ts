import type { Role } from "@/lib/auth/permissions";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    departmentId: number | null;
    mustChangePassword?: boolean;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role; departmentId: number | null; issuedAt: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role: Role;
    departmentId: number | null;
    /** Set at sign-in when an admin requires a new password (proxy.ts redirects). */
    mustChangePassword?: boolean;
    /** ms since epoch; sessions issued before a password change are refused. */
    issuedAt: number;
  }
}

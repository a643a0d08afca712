/**
 * Issue #13, item 8: the route handlers that answer files (the dashboard's Excel export, the
 * import template) apply assertCan's rules like every other entry point — a user whose password
 * the admin asked to change gets nothing but the change form, even when the proxy's redirect is
 * bypassed (the handler is called directly here). Without the fix they checked only the role.
 */
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";

let current: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentActor: async () => current }));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));
vi.mock("@/lib/db", () => ({ prisma: new Proxy({}, { get: () => { throw new Error("the database must not be read for a refused request"); } }) }));

const actor = (role: Actor["role"], mustChangePassword: boolean): Actor => ({
  id: "u1",
  name: "Người dùng",
  email: "u1@example.vn",
  role,
  departmentId: 1,
  unitScopeIds: [],
  mustChangePassword,
});

const PASSWORD_CHANGE = "Bạn cần đổi mật khẩu trước khi tiếp tục";

describe("route handlers refuse what assertCan refuses", () => {
  beforeEach(() => {
    current = null;
  });

  it("GET /theo-doi/xuat: 401 without a session, 403 without the permission or with a password change pending", async () => {
    const { GET } = await import("@/app/(app)/theo-doi/xuat/route");
    const call = async () => {
      const response = await GET(new NextRequest("http://127.0.0.1/theo-doi/xuat?bang=tong-quan"));
      return { status: response.status, body: (await response.json()) as { error: string } };
    };
    expect((await call()).status).toBe(401);
    current = actor("VIEWER", true);
    const pending = await call();
    expect(pending.status).toBe(403);
    expect(pending.body.error).toContain(PASSWORD_CHANGE);
  });

  it("GET /nhap-lieu/nhap-tep/mau: 403 with a password change pending", async () => {
    const { GET } = await import("@/app/(app)/nhap-lieu/nhap-tep/mau/route");
    const call = async () => {
      const response = await GET(new Request("http://127.0.0.1/nhap-lieu/nhap-tep/mau?ky=2026-Q4"));
      return { status: response.status, body: (await response.json()) as { error: string } };
    };
    expect((await call()).status).toBe(401);
    current = actor("VIEWER", false);
    expect((await call()).status).toBe(403);
    current = actor("EDITOR", true);
    const pending = await call();
    expect(pending.status).toBe(403);
    expect(pending.body.error).toContain(PASSWORD_CHANGE);
  });
});

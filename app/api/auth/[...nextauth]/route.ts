import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { AUTH_BODY_LIMIT, CALLBACK_URL_COOKIES, refuseAuthRequest } from "@/lib/auth/auth-route-guard";
import { readBodyAtMost } from "@/lib/security/request-body";

const handler = NextAuth(authOptions);

interface Context {
  params: Promise<{ nextauth: string[] }>;
}

/** next-auth, behind a check of what it would otherwise answer with 500 (lib/auth/auth-route-guard.ts). */
async function guarded(request: NextRequest, context: Context): Promise<Response> {
  const refusal = await refuseAuthRequest({
    method: request.method,
    segments: (await context.params).nextauth ?? [],
    query: request.nextUrl.searchParams,
    contentType: request.headers.get("content-type"),
    cookies: new Map(request.cookies.getAll().map((c) => [c.name, c.value])),
    body: request.body
      ? async () => {
          const bytes = await readBodyAtMost(request.clone().body, AUTH_BODY_LIMIT);
          if (bytes === null) return null;
          if (bytes.byteLength > AUTH_BODY_LIMIT) return "too-large";
          try {
            return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
          } catch {
            return null;
          }
        }
      : null,
  });
  if (!refusal) return handler(request, context);
  const response = Response.json({ error: refusal.message }, { status: refusal.status, headers: { "Cache-Control": "no-store" } });
  if (refusal.clearCallbackCookie) for (const name of CALLBACK_URL_COOKIES) response.headers.append("Set-Cookie", `${name}=; Path=/; Max-Age=0`);
  return response;
}

export { guarded as GET, guarded as POST };

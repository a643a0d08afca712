/**
 * Runs before every request but the public pages' and the build's files (Next 16's "proxy",
 * formerly middleware):
 * - public pages (ADR 015): not here — next.config.ts rewrites them to their cached HTML and sets
 *   their headers (lib/public-pages/public-routes.ts); the matcher below leaves out exactly those
 *   URLs, except requests that carry a body (content-type) or a server action, which the gate
 *   checks. A public URL that still gets here (a body, a URL written another way) gets the same
 *   static headers and goes on to the same rewrites;
 * - unknown URLs: the public 404 (Vietnamese and English) instead of Next's own;
 * - server actions: the envelope checked before Next sees it (lib/security/server-action-gate.ts),
 *   so a malformed call is a 4xx with a Vietnamese message, never Next's 500;
 * - everything else (staff pages, sign-in): security headers with a
 *   per-request CSP nonce, and — as a convenience only — a redirect to the
 *   sign-in page for staff pages without a session. Every staff page, server
 *   action and route handler checks the session itself.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { isAppPath, NOT_FOUND_PAGE, publicPagePath } from "@/lib/public-pages/paths";
import { NOT_FOUND_HEADER, publicPageHeaderValues } from "@/lib/public-pages/public-routes";
import { contentSecurityPolicy, createNonce, isHttpsRequest, securityHeaders } from "@/lib/security/headers";
import { PATHNAME_HEADER } from "@/lib/security/request-headers";
import { readBodyAtMost } from "@/lib/security/request-body";
import { checkActionRequest, GATE_MESSAGES, loadActionDirectory, type ActionDirectory, type GateDecision } from "@/lib/security/server-action-gate";

/** The build's actions and route handlers, read once per process (a new build means a new process). */
let directory: ActionDirectory | null | undefined;
function actionDirectory(): ActionDirectory | null {
  if (directory === undefined || (directory === null && process.env.NODE_ENV === "development")) directory = loadActionDirectory();
  return directory;
}

/** The signed-in sections, the folders of app/(app) as the build lists them; before a build (next dev), the folders themselves. */
function staffSections(): readonly string[] {
  const built = actionDirectory()?.staffSections;
  if (built && built.length > 0) return built;
  return readdirSync(path.join(/* turbopackIgnore: true */ process.cwd(), "app", "(app)"), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !/^[([_@]/.test(d.name))
    .map((d) => `/${d.name}`);
}

function isStaffPath(pathname: string): boolean {
  return staffSections().some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

const CHANGE_PASSWORD_PATH = "/tai-khoan/mat-khau";
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/** A page (not the sign-in page or an API) asked for by a browser that holds a session cookie. */
function mayNeedPasswordChange(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/api/") || pathname === "/dang-nhap") return false;
  return SESSION_COOKIES.some((name) => request.cookies.has(name));
}

export async function proxy(request: NextRequest) {
  const { pathname, search, searchParams } = request.nextUrl;
  const https = isHttpsRequest(request.nextUrl, request.headers);

  if (request.method === "POST") {
    const known = actionDirectory();
    if (request.headers.has("next-action")) {
      const decision = await checkActionRequest({ pathname, headers: request.headers }, known, (limit) => readBodyAtMost(request.clone().body, limit));
      if (!decision.ok) return refuse(decision, https);
    } else if (known && !known.isRouteHandler(pathname)) {
      // No page of the product takes a form POST (forms call actions from the browser);
      // Next would try a POST to a page, or to no page at all, as a no-JavaScript action and fail with 500.
      return refuse(known.isPage(pathname) ? { ok: false, status: 405, message: GATE_MESSAGES.pagePost } : { ok: false, status: 404, message: GATE_MESSAGES.notFound }, https);
    }
  }

  const publicPage = publicPagePath(pathname, searchParams) ?? (isAppPath(pathname, staffSections()) ? null : NOT_FOUND_PAGE);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(NOT_FOUND_HEADER);
  if (publicPage !== null) {
    // The page is rendered once for everyone: nothing a client sends may shape it
    // (Next would copy a nonce from a request CSP header into the cached HTML).
    requestHeaders.delete("Content-Security-Policy");
    // next.config.ts rewrites this to the public 404 (lib/public-pages/public-routes.ts); a public
    // page goes on to its own rewrite.
    if (publicPage === NOT_FOUND_PAGE) requestHeaders.set(NOT_FOUND_HEADER, "1");
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    // The public page's own headers (the 404 page says no-store itself).
    for (const [name, value] of Object.entries(publicPageHeaderValues(https))) {
      if (name !== "Cache-Control" || publicPage !== NOT_FOUND_PAGE) response.headers.set(name, value);
    }
    return response;
  }

  // Only staff pages, and other pages asked for with a session cookie, pay for decoding it
  // (public pages above are the same for everyone and never need it).
  const staff = isStaffPath(pathname);
  if (staff || mayNeedPasswordChange(request)) {
    // Behind https the session cookie has the __Secure- name (lib/auth/public-url.ts): look for that one.
    const token = await getToken({ req: request, secureCookie: https });
    if (staff && !token) {
      const signIn = new URL("/dang-nhap", request.url);
      signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
      return withSecurityHeaders(NextResponse.redirect(signIn), https);
    }
    // An admin asked for a new password: nothing else until it is chosen (assertCan refuses the rest).
    if (token?.mustChangePassword && pathname !== CHANGE_PASSWORD_PATH) {
      return withSecurityHeaders(NextResponse.redirect(new URL(CHANGE_PASSWORD_PATH, request.url)), https);
    }
  }

  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development", https });
  // Next.js takes the nonce for its own scripts from the request's CSP header.
  requestHeaders.set("Content-Security-Policy", policy);
  requestHeaders.set(PATHNAME_HEADER, `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return withSecurityHeaders(response, https);
}

function refuse(decision: Extract<GateDecision, { ok: false }>, https: boolean): NextResponse {
  const response = new NextResponse(decision.message, { status: decision.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  // Next's client reads this header as "the action is not in this deployment" and says so.
  if (decision.actionNotFound) response.headers.set("x-nextjs-action-not-found", "1");
  if (decision.status === 405) response.headers.set("Allow", "GET, HEAD");
  return withSecurityHeaders(response, https);
}

function withSecurityHeaders(response: NextResponse, https: boolean): NextResponse {
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

/**
 * Every path but the build's files, the health probe and the public pages (the rules of
 * public-routes.ts, the same patterns: public-routes.test.ts checks the two agree) — and those
 * too when a request carries a body or a server action, for the gate above.
 */
export const config = {
  matcher: [
    "/((?!$|en$|phuong-phap$|du-lieu$|du-lieu/api$|chi-tieu/[A-Za-z0-9_]+$|chuong-trinh/[A-Za-z0-9-]+$|en/methodology$|en/data$|en/data/api$|en/indicators/[A-Za-z0-9_]+$|en/programmes/[A-Za-z0-9-]+$|_next/static|_next/image|api/health$|favicon\\.ico|.*\\.(?:png|jpg|jpeg|gif|svg|webp|avif|ico|txt|xml)$).*)",
    { source: "/:path*", has: [{ type: "header", key: "content-type" }] },
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};

/**
 * What /api/auth/* accepts before next-auth sees it. next-auth (v4) answers
 * several client mistakes with 500 "server configuration" errors: an action
 * path it does not know, GET on the credentials callback, an invalid
 * callbackUrl (query, body or cookie), a JSON body that does not parse (found
 * by the fuzz suite, tests/e2e/fuzz.spec.ts). Those are refused here with a
 * 4xx and a Vietnamese message; anything that passes is exactly what the
 * sign-in page and next-auth's client send. Pure, for unit tests.
 */

export const AUTH_BODY_LIMIT = 16 * 1024;
export const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

export const AUTH_ROUTE_MESSAGES = {
  notFound: "Không có chức năng đăng nhập nào ở địa chỉ này.",
  method: "Chức năng đăng nhập này không nhận phương thức yêu cầu đó.",
  callbackUrl: "Địa chỉ quay lại sau khi đăng nhập không hợp lệ.",
  contentType: "Dữ liệu đăng nhập phải được gửi từ biểu mẫu đăng nhập của hệ thống.",
  body: "Không đọc được dữ liệu đăng nhập gửi lên.",
  tooLarge: "Dữ liệu đăng nhập gửi lên quá lớn.",
} as const;

/** next-auth's actions with the credentials provider only: path → methods. */
const ROUTES: Record<string, readonly string[]> = {
  providers: ["GET"],
  session: ["GET", "POST"],
  csrf: ["GET"],
  signin: ["GET"],
  "signin/credentials": ["POST"],
  "callback/credentials": ["POST"],
  signout: ["GET", "POST"],
  error: ["GET"],
  _log: ["POST"],
};

export type AuthRouteRefusal = { status: 400 | 404 | 405 | 413 | 415; message: string; clearCallbackCookie?: boolean };

/** next-auth's own test of a callback URL: a path of this site or an http(s) URL (which it then keeps to this site). */
export function isAcceptableCallbackUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? "http://x.invalid" : undefined).protocol);
  } catch {
    return false;
  }
}

export interface AuthRequest {
  method: string;
  segments: readonly string[];
  query: URLSearchParams;
  contentType: string | null;
  cookies: ReadonlyMap<string, string>;
  /** The body as UTF-8 text, "too-large" past AUTH_BODY_LIMIT bytes, null if unreadable. */
  body: (() => Promise<string | "too-large" | null>) | null;
}

export async function refuseAuthRequest(request: AuthRequest): Promise<AuthRouteRefusal | null> {
  const path = request.segments.join("/");
  const methods = ROUTES[path];
  if (!methods) return { status: 404, message: AUTH_ROUTE_MESSAGES.notFound };
  const method = request.method === "HEAD" ? "GET" : request.method;
  if (!methods.includes(method)) return { status: 405, message: AUTH_ROUTE_MESSAGES.method };

  const callbackUrl = request.query.get("callbackUrl");
  if (callbackUrl !== null && !isAcceptableCallbackUrl(callbackUrl)) return { status: 400, message: AUTH_ROUTE_MESSAGES.callbackUrl };
  if (CALLBACK_URL_COOKIES.some((name) => request.cookies.has(name) && !isAcceptableCallbackUrl(request.cookies.get(name)!))) {
    return { status: 400, message: AUTH_ROUTE_MESSAGES.callbackUrl, clearCallbackCookie: true };
  }

  if (method !== "POST" || !request.body) return null;
  const type = (request.contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded" && type !== "application/json") return { status: 415, message: AUTH_ROUTE_MESSAGES.contentType };
  const text = await request.body();
  if (text === null) return { status: 400, message: AUTH_ROUTE_MESSAGES.body };
  if (text === "too-large") return { status: 413, message: AUTH_ROUTE_MESSAGES.tooLarge };
  let fields: Record<string, unknown>;
  if (type === "application/json") {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return { status: 400, message: AUTH_ROUTE_MESSAGES.body };
      fields = parsed as Record<string, unknown>;
    } catch {
      return { status: 400, message: AUTH_ROUTE_MESSAGES.body };
    }
  } else {
    fields = Object.fromEntries(new URLSearchParams(text));
  }
  const bodyCallback = fields.callbackUrl;
  if (bodyCallback !== undefined && (typeof bodyCallback !== "string" || !isAcceptableCallbackUrl(bodyCallback))) {
    return { status: 400, message: AUTH_ROUTE_MESSAGES.callbackUrl };
  }
  return null;
}

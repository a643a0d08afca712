/**
 * Where to go after signing in. Only a path of this site is accepted, so a
 * link like /dang-nhap?callbackUrl=https://evil.example cannot send a user
 * who just typed their password somewhere else (no open redirect).
 */
const BASE = "http://dx-tracker.invalid";

export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  // Relative paths only: "//host" and "/\host" are protocol-relative in browsers.
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // Browsers drop tabs and newlines inside URLs ("/\t/evil.example" → "//evil.example").
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // Never back to the sign-in page itself (a loop after signing in).
  if (url.pathname === "/dang-nhap" || url.pathname.startsWith("/api/auth")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

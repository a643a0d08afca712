/**
 * Cross-site request forgery guard for route handlers that write with the
 * session cookie (server actions get Next's own Origin check; route handlers
 * do not). A browser always sends Origin on a cross-site POST; it must name
 * this host. The forwarding headers are believed only behind our proxy
 * (lib/security/client-address.ts strips them otherwise), so X-Forwarded-Host
 * is the host the browser used.
 */
export function isSameOrigin(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = headers.get("origin");
  if (!origin) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const expected = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return expected !== null && expected !== undefined && host === expected;
}

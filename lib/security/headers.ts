/**
 * The security headers of every page: a Content-Security-Policy with a fresh
 * nonce per request, and the headers that forbid framing, sniffing and leaky
 * referrers. Pure, so the policy is unit-tested; proxy.ts applies it.
 *
 * Scripts: only those carrying the request's nonce run ('strict-dynamic' lets
 * them load Next's chunks); no 'unsafe-inline'. Next.js reads the nonce from
 * the request's CSP header and puts it on its own scripts, which it can only
 * do for pages rendered per request: a statically prerendered page would be
 * served without nonces and not hydrate.
 *
 * The public pages (ADR 012) are cached HTML without a single inline script
 * and without the React runtime, so they need no nonce: their policy,
 * staticPagePolicy, allows scripts from this origin only ('self', no
 * 'unsafe-inline', no 'strict-dynamic'), which is what lets the same bytes be
 * served to everyone.
 *
 * Styles keep 'unsafe-inline' for now: Next.js and React inject <style> and
 * style="" attributes (charts, layout) that carry no nonce. A nonce in
 * style-src would make browsers ignore 'unsafe-inline' and block them.
 */

/** 128 random bits, base64: unguessable and valid in a 'nonce-…' source. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export interface PolicyOptions {
  /** `next dev` needs eval for React's debugging aids; production never does. */
  development?: boolean;
  /** Over HTTPS, ask the browser to upgrade any stray http:// subresource. */
  https?: boolean;
}

export function contentSecurityPolicy(nonce: string, options: PolicyOptions = {}): string {
  return policyWith(`'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`, options);
}

/**
 * The policy of the cached public pages (ADR 012): the same directives, but
 * scripts only from this origin's files. Those pages contain no inline script
 * at all (Pages Router with the runtime turned off), so there is nothing for a
 * nonce or a hash to allow, and an injected inline script is refused as it is
 * under the nonce policy.
 */
export function staticPagePolicy(options: PolicyOptions = {}): string {
  return policyWith("'self'", options);
}

function policyWith(scriptSources: string, options: PolicyOptions): string {
  const directives: string[] = [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  // Not over plain http: on an intranet address it would break every asset.
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Headers of every matched response besides the CSP. */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
  // Only over HTTPS: browsers ignore it over http, and sending it there would
  // claim a transport the site does not have. No includeSubDomains: other
  // services of the province's domain may still be served over http.
  if (options.https) headers["Strict-Transport-Security"] = "max-age=31536000";
  return headers;
}

/** The request came over HTTPS, directly or through the (trusted) reverse proxy. */
export function isHttpsRequest(url: URL, headers: Headers): boolean {
  if (url.protocol === "https:") return true;
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https";
}

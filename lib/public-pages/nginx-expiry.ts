/**
 * nginx's expiry of a public page (deploy/nginx.conf's micro-cache, ADR 015):
 * `X-Accel-Expires: @<current second>`. nginx counts cache lifetimes in whole seconds from the
 * second it stores a page, so `s-maxage=1` alone would let it serve a page up to two seconds
 * after a publication; an absolute expiry at the current second bounds that to one. nginx obeys
 * this header before Cache-Control and never passes it on; a CDN ignores it and follows s-maxage.
 *
 * A public page runs no proxy and Next's header rules are fixed at build time, so the header is
 * set at the HTTP server's own request-start event (node:diagnostics_channel, the hook
 * lib/security/client-address.ts uses too), before Next sees the request — only for a GET or HEAD
 * of a public page's URL (public-routes.ts): on any other response it would make nginx keep what
 * must not be kept (X-Accel-Expires outranks `private, no-store`).
 */
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isPublicPageUrl } from "./public-routes";

/** The header's value: the second `nowMs` falls in, absolute. */
export function proxyExpiresHeader(nowMs: number): string {
  return `@${Math.floor(nowMs / 1000)}`;
}

/** Sets the header on the response of a request for a public page (exported for tests). */
export function markPublicPageExpiry(request: Pick<IncomingMessage, "method" | "url">, response: Pick<ServerResponse, "setHeader">, nowMs = Date.now()): void {
  if ((request.method === "GET" || request.method === "HEAD") && isPublicPageUrl(request.url ?? "")) {
    response.setHeader("X-Accel-Expires", proxyExpiresHeader(nowMs));
  }
}

const installed = Symbol.for("dx-tracker.public-page-expiry");

/** Once per process (instrumentation.ts). */
export function expirePublicPagesForNginx(): void {
  const g = globalThis as { [installed]?: true };
  if (g[installed]) return;
  g[installed] = true;
  subscribe("http.server.request.start", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    markPublicPageExpiry(request, response);
  });
}

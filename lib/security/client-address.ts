/**
 * The address a request came from, for the per-address sign-in throttle.
 *
 * Next.js gives the app no socket: it exposes the TCP peer only by writing it
 * into X-Forwarded-For — and only when the request does not carry that header
 * already, so a client could name any address it likes. Hence:
 *
 * - TRUST_PROXY unset (the app is reached directly): the forwarding headers a
 *   client sends are dropped before Next.js sees the request
 *   (`dropUntrustedForwardingHeaders`, installed by instrumentation.ts), so
 *   X-Forwarded-For is always the real peer and X-Forwarded-Proto the real
 *   transport.
 * - TRUST_PROXY=1 (behind exactly one reverse proxy that appends the client's
 *   address, e.g. nginx `proxy_add_x_forwarded_for`): the headers are kept and
 *   the LAST address counts — the one our proxy saw; earlier ones are whatever
 *   the client claimed.
 */
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";

const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-real-ip"];

/** The client's address from the request headers as the app receives them. */
export function clientAddress(headers: Record<string, unknown> | Headers | undefined): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  if (typeof value !== "string") return "unknown";
  const hops = value
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  // An address, not a novel: the row is stored and compared.
  return hops.at(-1)?.slice(0, 100) ?? "unknown";
}

/** Removes client-sent forwarding headers from a raw Node request (exported for tests). */
export function stripForwardingHeaders(request: Pick<IncomingMessage, "headers">): void {
  for (const name of FORWARDING_HEADERS) delete request.headers[name];
}

const installed = Symbol.for("dx-tracker.forwarding-headers-guard");

/**
 * Unless TRUST_PROXY=1, drops forwarding headers from every incoming request
 * before Next.js handles it; Next.js then fills X-Forwarded-For and
 * X-Forwarded-Proto in from the socket. Node publishes
 * `http.server.request.start` synchronously, before the server's handler.
 */
export function dropUntrustedForwardingHeaders(trustProxy: boolean): void {
  const g = globalThis as { [installed]?: true };
  if (trustProxy || g[installed]) return;
  g[installed] = true;
  subscribe("http.server.request.start", (message) => {
    stripForwardingHeaders((message as { request: IncomingMessage }).request);
  });
}

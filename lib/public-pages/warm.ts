/**
 * Renders the public pages asked for lately again as soon as a new cache epoch arrives (ADR 015),
 * instead of on their next request: after a publication the first visitor — or nginx's once-a-
 * second refresh — finds the new page already in Next's page cache, so a publication is through
 * nginx after the rest of nginx's second, not that plus a render.
 *
 * Each instance warms its own page cache by asking itself for the pages over loopback, as a
 * visitor would (what Next's own on-demand revalidation does too); a page is rendered once per
 * generation and instance either way, this only moves the render before the first request. At
 * most RECENT_LIMIT pages, one at a time; a failure only means the page renders on its next
 * request, as it would without this.
 */
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { onEpochChange } from "@/lib/cache/epoch";
import { isPublicPageUrl } from "./public-routes";

export const RECENT_LIMIT = 16;

/** The distinct public page URLs (path and query) asked for lately, most recent first. */
export class RecentPages {
  private urls: string[] = [];

  note(url: string): void {
    if (this.urls[0] === url) return;
    this.urls = [url, ...this.urls.filter((u) => u !== url)].slice(0, RECENT_LIMIT);
  }

  list(): readonly string[] {
    return this.urls;
  }
}

/** Asks for one page and reads it whole; never throws. */
export type FetchPage = (url: string) => Promise<void>;

function loopbackFetch(port: number): FetchPage {
  return async (url) => {
    try {
      const response = await fetch(`http://127.0.0.1:${port}${url}`, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
    } catch {
      // The page renders on its next request instead.
    }
  };
}

/**
 * Warms `recent` on every epoch change; a change during a warm-up starts one more after it, so the
 * last generation is always the one warmed. Returns a function that stops it, and a promise of the
 * current warm-up (for tests).
 */
export function warmOnEpochChange(recent: RecentPages, fetchPage: FetchPage): { stop(): void; idle(): Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  const stop = onEpochChange(() => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        for (const url of recent.list()) await fetchPage(url);
      } while (again);
    })().finally(() => {
      running = null;
    });
  });
  return { stop, idle: () => running ?? Promise.resolve() };
}

const installed = Symbol.for("dx-tracker.public-page-warming");

/** Once per process (instrumentation.ts): notes the public pages asked for, warms them on every new epoch. */
export function startWarmingPublicPages(port: number): void {
  const g = globalThis as { [installed]?: true };
  if (g[installed]) return;
  g[installed] = true;
  const recent = new RecentPages();
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    if (request.method === "GET" && request.url && isPublicPageUrl(request.url)) recent.note(request.url);
  });
  warmOnEpochChange(recent, loopbackFetch(port));
}

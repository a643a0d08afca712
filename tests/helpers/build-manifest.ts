/**
 * What the production build contains, read from Next's manifests in .next/:
 * every server action (with the page whose bundle serves it), every route
 * handler and every page. The authorisation matrix and the fuzz suite walk
 * these lists, so a new entry point is covered without a line of test code.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { isProductPagesRouterPage } from "@/lib/security/server-action-gate";

export interface BuiltAction {
  /** The action id the browser sends in the Next-Action header. */
  id: string;
  /** The exported function's name. */
  name: string;
  file: string;
  /** A page whose server bundle holds the action: the URL to POST it to. */
  page: string;
}

interface ManifestAction {
  exportedName?: string;
  filename?: string;
  workers: Record<string, unknown>;
}

/** 'app/(app)/duyet/page' → '/duyet': the URL of an app-router entry. */
export function entryPath(worker: string): string {
  const route = worker
    .replace(/^app/, "")
    .replace(/\/(page|route)$/, "")
    .replace(/\/\([^)]+\)/g, "");
  return route === "" ? "/" : route;
}

export function builtActions(root = "."): BuiltAction[] {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestAction>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: entry.exportedName ?? "?",
    file: entry.filename ?? Object.keys(entry.workers).join(","),
    page: entryPath(Object.keys(entry.workers).find((w) => !w.includes("[")) ?? Object.keys(entry.workers)[0]!),
  }));
}

/**
 * Entries of the build, route handlers and pages apart ('/api/v1/figures', '/theo-doi/[ma]' …): the
 * App Router's, and the Pages Router's pages (the dashboard, ADR 035) but not Next's own nor the
 * public pages' internal '/_p/…' (reached through next.config.ts's rewrites only, ADR 015).
 */
export function builtEntries(root = "."): { routes: string[]; pages: string[] } {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next", "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  const pagesRouter = JSON.parse(readFileSync(path.join(root, ".next", "server", "pages-manifest.json"), "utf8")) as Record<string, string>;
  const keys = Object.keys(manifest);
  const routes = keys.filter((k) => k.endsWith("/route")).map(entryPath);
  // Next's own entries (_not-found, _global-error) are not the product's pages.
  const pages = [
    ...keys.filter((k) => k.endsWith("/page") && !/\/_[a-z-]+\/page$/.test(k)).map(entryPath),
    ...Object.keys(pagesRouter).filter(isProductPagesRouterPage),
  ];
  return { routes: [...new Set(routes)].sort(), pages: [...new Set(pages)].sort() };
}

/**
 * The files of superseded generations (ADR 015): Next's page cache writes each
 * rendered public page under .next/server/route-cache/PAGES/<route hash>/$/_p/<generation>/…
 * (Next 16), and nothing of Next's deletes them. When a new cache epoch arrives, every instance
 * removes the folders of generations other than the current one, so the disk
 * holds one generation's pages (plus any rendered while the epoch changed,
 * removed at the next change).
 */
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { onEpochChange } from "@/lib/cache/epoch";
import { currentGeneration } from "./generation";

export const PAGE_CACHE_DIR = path.join(process.cwd(), ".next", "server", "route-cache", "PAGES");

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return []; // nothing rendered yet
  }
}

/**
 * Removes every generation folder of this database but the current one's, in every route's cache;
 * returns how many it removed. Generations of another database ("<database>." differs) are left:
 * they belong to another server sharing this build folder (a test run, a staging copy), which
 * removes its own.
 */
export function removeOtherGenerations(dir: string, keep: string): number {
  const database = keep.slice(0, keep.indexOf(".") + 1);
  let removed = 0;
  for (const route of list(dir)) {
    const generations = path.join(dir, route, "$", "_p");
    for (const name of list(generations)) {
      if (name === keep || !database || !name.startsWith(database)) continue;
      rmSync(path.join(generations, name), { recursive: true, force: true });
      removed += 1;
    }
  }
  return removed;
}

let subscribed = false;

/** At start, and on every new epoch: the page files of other generations go. */
export function removeSupersededPages(dir: string = PAGE_CACHE_DIR): void {
  removeOtherGenerations(dir, currentGeneration());
  if (subscribed) return;
  subscribed = true;
  onEpochChange(() => removeOtherGenerations(dir, currentGeneration()));
}

/**
 * Which rows of the entry grid are shown: the filter of the URL (`?loc=`:
 * not entered yet, with an error or a conflict, last entered by me) and the
 * search by unit name (`?tim=`), without accents or case — "phu" finds
 * "Phường Phú Mỹ", "duc xuan" finds "Phường Đức Xuân". A row the user has
 * touched since the filter was set stays in view until it changes, so entering
 * a missing figure does not make the row vanish under the cursor.
 */
import type { EntryFilter } from "@/lib/validations/figure";
import { foldVietnamese } from "@/lib/format/fold";

export const ENTRY_FILTER_LABELS: Record<EntryFilter | "tat-ca", string> = {
  "tat-ca": "Tất cả",
  thieu: "Chưa nhập",
  loi: "Có lỗi hoặc xung đột",
  "cua-toi": "Tôi nhập",
};

export interface RowFacts {
  /** The label searched: the unit's name (and sector's). */
  label: string;
  /** No stored figure yet. */
  missing: boolean;
  /** A message on one of its cells, a refused save, or a conflict. */
  problem: boolean;
  /** Its figure was last changed by the signed-in user. */
  mine: boolean;
  /** Edited since the filter was set: kept in view. */
  touched: boolean;
}

export function rowShown(facts: RowFacts, filter: EntryFilter | undefined, search: string | undefined): boolean {
  const q = search ? foldVietnamese(search) : "";
  if (q !== "" && !foldVietnamese(facts.label).includes(q)) return false;
  if (facts.touched || filter === undefined) return true;
  if (filter === "thieu") return facts.missing;
  if (filter === "loi") return facts.problem;
  return facts.mine;
}

/** The page's URL with the filter and search set (empty ones removed), other parameters kept. */
export function withFilter(href: string, filter: EntryFilter | undefined, search: string): string {
  const url = new URL(href);
  if (filter) url.searchParams.set("loc", filter);
  else url.searchParams.delete("loc");
  if (search.trim()) url.searchParams.set("tim", search.trim());
  else url.searchParams.delete("tim");
  return `${url.pathname}${url.search}${url.hash}`;
}

"use client";
/**
 * The entry grid's filter and search: which rows to show (all, not entered,
 * with an error or conflict, entered by me) and a unit name to look for,
 * accents optional. Both live in the URL (?loc=…&tim=…) beside the quarter, so
 * a reload or a shared link shows the same rows.
 */
import { ENTRY_FILTERS, MAX_ENTRY_SEARCH, type EntryFilter } from "@/lib/validations/figure";
import { ENTRY_FILTER_LABELS } from "./grid-filter";

export function EntryFilters({
  filter,
  search,
  onFilter,
  onSearch,
}: {
  filter: EntryFilter | undefined;
  search: string;
  onFilter: (f: EntryFilter | undefined) => void;
  onSearch: (s: string) => void;
}) {
  return (
    <div className="flex flex-wrap items-end gap-4 rounded border border-slate-200 bg-slate-50 p-3" role="search" aria-label="Lọc bảng nhập liệu">
      <fieldset className="flex flex-wrap items-center gap-3">
        <legend className="mb-1 text-sm font-medium">Hiện các dòng</legend>
        {(["tat-ca", ...ENTRY_FILTERS] as const).map((f) => (
          <label key={f} className="flex items-center gap-1 text-sm">
            <input
              type="radio"
              name="entry-filter"
              value={f}
              checked={(filter ?? "tat-ca") === f}
              onChange={() => onFilter(f === "tat-ca" ? undefined : f)}
            />
            {ENTRY_FILTER_LABELS[f]}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-col">
        <label htmlFor="entry-search" className="text-sm font-medium">
          Tìm đơn vị
        </label>
        <input
          id="entry-search"
          type="search"
          value={search}
          maxLength={MAX_ENTRY_SEARCH}
          onChange={(e) => onSearch(e.target.value)}
          autoComplete="off"
          className="mt-1 w-56 rounded border border-slate-300 bg-white px-2 py-1"
        />
      </div>
    </div>
  );
}

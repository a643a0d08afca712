"use client";
/**
 * Which rows the entry grid shows (grid-filter.ts has the rule): the filter and
 * search, kept in the page's URL without a navigation, and the rows touched
 * since they were set, which stay in view.
 */
import { useCallback, useState } from "react";
import type { EntryRow } from "@/lib/data/entry";
import type { EntryFilter } from "@/lib/validations/figure";
import { rowShown, withFilter, type RowFacts } from "./grid-filter";

interface View {
  filter: EntryFilter | undefined;
  search: string;
  touched: ReadonlySet<string>;
}

export function useGridView(initialFilter: EntryFilter | undefined, initialSearch: string) {
  const [view, setView] = useState<View>({ filter: initialFilter, search: initialSearch, touched: new Set() });

  /** Rows the user just edited: kept in view until the filter changes. */
  const touch = useCallback((keys: readonly string[]) => {
    setView((prev) => (keys.every((k) => prev.touched.has(k)) ? prev : { ...prev, touched: new Set([...prev.touched, ...keys]) }));
  }, []);

  const setFilter = useCallback((filter: EntryFilter | undefined, search: string) => {
    setView({ filter, search, touched: new Set() });
    window.history.replaceState(window.history.state, "", withFilter(window.location.href, filter, search));
  }, []);

  const shows = useCallback(
    (row: EntryRow, facts: Omit<RowFacts, "label" | "touched">) =>
      rowShown(
        { ...facts, label: row.sectorName ? `${row.unitName} ${row.sectorName}` : row.unitName, touched: view.touched.has(row.key) },
        view.filter,
        view.search,
      ),
    [view],
  );

  return { filter: view.filter, search: view.search, touch, setFilter, shows };
}

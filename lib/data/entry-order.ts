/**
 * The order of the entry grid's rows: units by name in Vietnamese collation
 * (Intl.Collator "vi": "Phường Ân Phú" before "Phường Bình Minh", "Xã Đắk Mar"
 * after "Xã Dục Nội"), within their parent — the district before the reform of
 * 1 July 2025, the province after it — the province's own row first, parents
 * by name too; a unit's sectors stay together, in the order given.
 */
const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Groups ordered by parent name (no parent first), rows by unit name; both stable otherwise. */
export function sortEntryGroups<R extends { unitName: string; unitId: number }, G extends { parentName: string | null; rows: R[] }>(groups: G[]): G[] {
  const byParent = [...groups].sort((a, b) => {
    if (a.parentName === null || b.parentName === null) return a.parentName === b.parentName ? 0 : a.parentName === null ? -1 : 1;
    return compareVietnamese(a.parentName, b.parentName);
  });
  return byParent.map((g) => ({
    ...g,
    // Array.prototype.sort is stable: a unit's sector rows keep their order.
    rows: [...g.rows].sort((a, b) => compareVietnamese(a.unitName, b.unitName) || a.unitId - b.unitId),
  }));
}

/**
 * One programme's part of an overview (issue #15, item 5): its targets, and
 * only the indicators it sets a target for — plus, where asked (the public
 * home), the indicators no programme sets one for, which are tracked all the
 * same (a row with its series and no goal). Pure: the public pages
 * (lib/data/targets.ts) and the dashboard (lib/data/dashboard.ts) both apply it.
 */
export interface ProgrammeScope {
  programmeId: number;
  alsoUntargeted: boolean;
}

export function scopeToProgramme<I extends { id: number }, T extends { indicatorId: number; programmeId: number }>(
  indicators: readonly I[],
  /** Every judged target (of every programme of the province). */
  targets: readonly T[],
  scope: ProgrammeScope | null,
): { indicators: I[]; targets: T[] } {
  if (scope === null) return { indicators: [...indicators], targets: [...targets] };
  const kept = targets.filter((t) => t.programmeId === scope.programmeId);
  const inProgramme = new Set(kept.map((t) => t.indicatorId));
  const targeted = new Set(targets.map((t) => t.indicatorId));
  return { indicators: indicators.filter((i) => inProgramme.has(i.id) || (scope.alsoUntargeted && !targeted.has(i.id))), targets: kept };
}

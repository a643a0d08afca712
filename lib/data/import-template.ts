/**
 * The rows of an editor's import template: exactly the cells of their entry
 * grid for the quarter (getEntryGrid: their indicators × the units in scope
 * that exist at the quarter's end, × sectors), with current values and versions.
 */
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getEntryGrid } from "@/lib/data/entry";
import { FIGURE_STATUS_LABELS } from "@/lib/review/figure-status";
import { OBSERVATION_STATUS_LABELS } from "@/lib/validations/figure";
import type { TemplateData, TemplateRow } from "@/lib/import/template";

const LEVEL_NAMES = { PROVINCE: "Tỉnh", DISTRICT: "Huyện", COMMUNE: "Xã" } as const;

/** null when the key names no reporting period. */
export async function getImportTemplate(actor: Actor, periodKey: string | undefined, now: Date = new Date()): Promise<(TemplateData & { periodId: number; periodStatus: "OPEN" | "LOCKED" }) | null> {
  const grid = await getEntryGrid(actor, periodKey, now);
  if (!grid) return null;
  const rows: TemplateRow[] = [];
  for (const indicator of grid.indicators) {
    for (const group of indicator.groups) {
      for (const row of group.rows) {
        const f = row.figure;
        rows.push({
          indicatorCode: indicator.code,
          indicatorName: indicator.nameVi,
          unitCode: row.unitCode,
          unitName: row.sectorName ? `${row.unitName} — ${row.sectorName}` : row.unitName,
          level: LEVEL_NAMES[row.unitLevel],
          sectorCode: row.sectorCode,
          period: grid.period.key,
          numerator: f?.numerator ?? null,
          denominator: f?.denominator ?? null,
          value: f?.value ?? null,
          measure: indicator.kind === "RATIO" ? "%" : indicator.unitVi,
          comment: f?.comment ?? null,
          observationStatus: f ? OBSERVATION_STATUS_LABELS[f.observationStatus].vi : null,
          sourceDocument: f?.sourceDocument ?? null,
          version: f?.version ?? null,
          status: f ? FIGURE_STATUS_LABELS[f.status] : "Chưa nhập",
        });
      }
    }
  }
  return {
    periodId: grid.period.id,
    periodKey: grid.period.key,
    periodLabel: grid.period.label,
    periodStatus: grid.period.status,
    generatedAt: now,
    actorName: actor.name,
    rows,
  };
}

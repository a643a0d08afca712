/** A target as the admin pages word it: "trên 90%", "tối thiểu 1.000 doanh nghiệp", or its description when qualitative. */
import { formatTargetText, type Comparator } from "@/lib/targets/comparator";

export function targetText(t: { comparator: Comparator; value: number | null; descriptionVi: string | null }, unitVi: string): string {
  return t.value === null ? (t.descriptionVi ?? "—") : formatTargetText(t.comparator, t.value, unitVi, "vi");
}

/** The levels as the admin pages name them. */
export const LEVEL_LABELS = { PROVINCE: "Cấp tỉnh", DISTRICT: "Cấp huyện", COMMUNE: "Cấp xã" } as const;

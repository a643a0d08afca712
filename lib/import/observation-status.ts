/**
 * The "Tình trạng số liệu" cell of an import (issue #14, item 11): written as
 * the template does ("Sơ bộ"), without diacritics ("so bo"), as the code
 * (PROVISIONAL) or as SDMX's (P), in any case. Blank is null (the row schema
 * makes it NORMAL); anything else is passed on unchanged, for the row schema
 * to refuse with its Vietnamese message naming the three choices.
 */
import { OBSERVATION_STATUSES, OBSERVATION_STATUS_LABELS } from "@/lib/validations/figure";
import type { CellValue } from "./parse-file";

const plain = (t: string) => t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase().replace(/\s+/g, " ").trim();

const NAMES = new Map<string, string>(
  OBSERVATION_STATUSES.flatMap((s) => {
    const l = OBSERVATION_STATUS_LABELS[s];
    return [s, l.sdmx, l.en, l.vi].map((name) => [plain(name), s] as const);
  }),
);

/** "Sơ bộ", "so bo", "PROVISIONAL", "P" → PROVISIONAL; anything else is passed on for the row schema to refuse, in Vietnamese. */
export function readObservationStatus(cell: CellValue | undefined): string | null {
  const t = cell === null || cell === undefined ? "" : String(cell).normalize("NFC").trim();
  if (t === "") return null;
  return NAMES.get(plain(t)) ?? t;
}

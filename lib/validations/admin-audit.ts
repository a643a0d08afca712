/**
 * The audit log viewer's URL (/quan-tri/nhat-ky?nguoi=…&hanh-dong=…&doi-tuong=…&tu=…&den=…&trang=2),
 * shared by the page and the CSV export. A malformed filter is dropped, not an error.
 */
import { z } from "@/lib/validations/zod";

const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));

/** "he-thong" = rows written by the system (seed, migrations), which have no actor. */
export const SYSTEM_ACTOR = "he-thong";

export const auditParamsSchema = z.object({
  nguoi: z.preprocess(firstOf, z.union([z.uuid(), z.literal(SYSTEM_ACTOR)]).optional().catch(undefined)),
  "hanh-dong": z.preprocess(firstOf, z.string().regex(/^[A-Z_]{2,64}$/).optional().catch(undefined)),
  "doi-tuong": z.preprocess(firstOf, z.string().regex(/^[A-Za-z]{2,64}$/).optional().catch(undefined)),
  "ma-doi-tuong": z.preprocess(firstOf, z.string().trim().min(1).max(64).optional().catch(undefined)),
  /** Days in Vietnam, inclusive. */
  tu: z.preprocess(firstOf, day.optional().catch(undefined)),
  den: z.preprocess(firstOf, day.optional().catch(undefined)),
  trang: z.preprocess(firstOf, z.coerce.number().int().min(1).max(100_000).optional().catch(undefined)),
});

export type AuditParams = z.output<typeof auditParamsSchema>;

/** The search string of a filter set (page left out unless asked), for links and the export. */
export function auditSearch(params: Partial<AuditParams>, page?: number): string {
  const q = new URLSearchParams();
  for (const key of ["nguoi", "hanh-dong", "doi-tuong", "ma-doi-tuong", "tu", "den"] as const) {
    const v = params[key];
    if (v) q.set(key, v);
  }
  if (page && page > 1) q.set("trang", String(page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

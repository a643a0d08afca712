/**
 * The dashboard's context in the URL — quarter, group, status, boundaries, the
 * unit drilled into, search and sort — parsed by one schema, so every link can
 * be shared and the back button works. A malformed value is dropped (the page
 * shows its default) rather than failing the page.
 */
import { z } from "@/lib/validations/zod";
import { REFORM_DATE } from "@/lib/geography";
import { parseQuarter, quarterKey } from "@/lib/period/quarter";
import { PROGRESS_STATUSES } from "@/lib/progress/progress";
import { GROUP_ORDER } from "@/lib/progress/target-overview";
import { PROGRAMME_SLUG } from "@/lib/i18n/routes";

/** The 2025 reform: units before it (province → district → commune) end on 30 June 2025. */
export { REFORM_DATE };
export const BOUNDARIES = {
  /** Before 1 July 2025: the last day of the old three-tier structure. */
  truoc: "2025-06-30",
  /** From 1 July 2025: the two-tier structure. */
  sau: REFORM_DATE,
} as const;
export type BoundaryKey = keyof typeof BOUNDARIES;

export const BOUNDARY_LABELS: Record<BoundaryKey, string> = {
  truoc: "Trước 01/07/2025 (tỉnh – huyện – xã)",
  sau: "Từ 01/07/2025 (tỉnh – xã)",
};

/** The status filter offers every status lib/progress can give, NO_LONGER_ASSESSABLE included. */
export const DASHBOARD_STATUSES = PROGRESS_STATUSES;

export const SORT_KEYS = ["ten", "gia-tri", "thay-doi", "bao-cao", "trang-thai"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * One or more statuses, repeated (?trang-thai=A&trang-thai=B) or comma-separated: kept as
 * "A,B" in the statuses' own order, unknown ones dropped; nothing valid is no filter.
 */
const statusesParam = z.preprocess(
  (v) => {
    const parts = (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === "string" ? x.split(",") : [])).map((x) => x.trim());
    const kept = DASHBOARD_STATUSES.filter((s) => parts.includes(s));
    return kept.length > 0 ? kept.join(",") : undefined;
  },
  z.string().optional().catch(undefined),
);

/** The statuses of a "trang-thai" value, as a list. */
export function statusList(value: string | undefined): string[] {
  return value ? value.split(",") : [];
}
const quarterParam = z.preprocess(
  firstOf,
  z
    .string()
    .transform((s, ctx) => {
      const q = parseQuarter(s);
      if (!q) {
        ctx.addIssue({ code: "custom", message: "Quý không hợp lệ." });
        return z.NEVER;
      }
      return quarterKey(q);
    })
    .optional()
    .catch(undefined),
);

export const dashboardParamsSchema = z.object({
  /** "2026-Q3" */
  ky: quarterParam,
  nhom: z.preprocess(firstOf, z.enum(GROUP_ORDER as unknown as [string, ...string[]]).optional().catch(undefined)),
  "trang-thai": statusesParam,
  /** Only the indicators of one responsible department (its id). */
  "co-quan": z.preprocess(firstOf, z.coerce.number().int().positive().optional().catch(undefined)),
  /** Only one of the province's programmes (its slug, programmeSlug: "01-nq-tu"); absent: every one. */
  "chuong-trinh": z.preprocess(firstOf, z.string().trim().toLowerCase().max(80).regex(PROGRAMME_SLUG).optional().catch(undefined)),
  /** "co-quan": the overview in one group per responsible department. */
  "nhom-theo": z.preprocess(firstOf, z.enum(["co-quan"]).optional().catch(undefined)),
  "ranh-gioi": z.preprocess(firstOf, z.enum(["truoc", "sau"]).optional().catch(undefined)),
  /** The unit drilled into (a district before the reform). */
  "don-vi": z.preprocess(firstOf, z.coerce.number().int().positive().optional().catch(undefined)),
  "linh-vuc": z.preprocess(firstOf, z.coerce.number().int().positive().optional().catch(undefined)),
  tim: z.preprocess(firstOf, z.string().trim().max(100).optional().catch(undefined)),
  "sap-xep": z.preprocess(firstOf, z.enum(SORT_KEYS).optional().catch(undefined)),
  chieu: z.preprocess(firstOf, z.enum(["tang", "giam"]).optional().catch(undefined)),
  /** A page of a long list of units (the completeness page, ADR 031), from 1. */
  trang: z.preprocess(firstOf, z.coerce.number().int().positive().max(100_000).optional().catch(undefined)),
  /** The print view (A4): no controls, every row. */
  "ban-in": z.preprocess(firstOf, z.enum(["1"]).optional().catch(undefined)),
});

export type DashboardParams = z.output<typeof dashboardParamsSchema>;

/** Units per page of the completeness page's unit lists (ADR 031): its HTML stays small whatever the province. */
export const UNITS_PER_PAGE = 20;

/** The page shown (1 … pages) and its slice of `items`; the print view (`all`) takes every item. */
export function pageOf<T>(items: readonly T[], requested: number | undefined, all = false): { page: number; pages: number; items: T[]; from: number } {
  const pages = Math.max(1, Math.ceil(items.length / UNITS_PER_PAGE));
  if (all) return { page: 1, pages: 1, items: [...items], from: 0 };
  const page = Math.min(Math.max(1, requested ?? 1), pages);
  const from = (page - 1) * UNITS_PER_PAGE;
  return { page, pages, items: items.slice(from, from + UNITS_PER_PAGE), from };
}

/** The query string of a dashboard link: the current params with some changed (undefined removes one). */
export function dashboardQuery(params: DashboardParams, changes: Partial<Record<keyof DashboardParams | "bang" | "chi-tieu", string | number | undefined>> = {}): string {
  const merged: Record<string, string | number | undefined> = { ...params, ...changes };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export const EXPORT_TABLES = ["tong-quan", "phan-to", "day-du"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** `/theo-doi/xuat?bang=phan-to&chi-tieu=…&ky=…`: which table to export, with the dashboard's own params. */
export const exportParamsSchema = dashboardParamsSchema.extend({
  bang: z.preprocess(firstOf, z.enum(EXPORT_TABLES, { error: "Bảng cần xuất không hợp lệ." })),
  "chi-tieu": z.preprocess(firstOf, z.string().trim().regex(/^[A-Z0-9_]{1,64}$/, "Mã chỉ tiêu không hợp lệ.").optional()),
});

/** `so-sanh`: the units compared on /theo-doi/chi-tieu/<code>/so-sanh, repeated or comma-separated (issue #16, item 9). */
export const COMPARE_PARAM = "so-sanh";

/**
 * The unit ids of a comparison, in the order given, each once: 2 to `max`; a
 * refusal in Vietnamese otherwise (the page says it instead of a chart).
 */
export function parseCompareUnits(raw: string | string[] | undefined, min: number, max: number): { ids: number[] } | { error: string } {
  const parts = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  if (parts.some((p) => !/^\d{1,9}$/.test(p))) return { error: "Có đơn vị không hợp lệ trong địa chỉ; hãy chọn lại các đơn vị từ bảng phân tổ." };
  const ids = [...new Set(parts.map(Number))];
  if (ids.length < min || ids.length > max) return { error: `Chọn từ ${min} đến ${max} đơn vị để so sánh (đã chọn ${ids.length}).` };
  return { ids };
}

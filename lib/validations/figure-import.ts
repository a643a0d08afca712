/**
 * The import endpoint's form fields (app/(app)/nhap-lieu/nhap-tep/xu-ly) and
 * the NDJSON events it streams back, shared by the route and the page.
 */
import { z } from "@/lib/validations/zod";
import type { ImportCommitResult, ImportPreview, ImportProgress } from "@/lib/services/figure-import";

export const importRequestSchema = z.object({
  periodId: z.coerce.number({ error: "Mã kỳ báo cáo không hợp lệ." }).int({ error: "Mã kỳ báo cáo không hợp lệ." }).positive({ error: "Mã kỳ báo cáo không hợp lệ." }).max(2_147_483_647),
  mode: z.enum(["preview", "commit"], { error: "Thao tác không hợp lệ (xem trước hoặc ghi)." }),
  reason: z
    .string()
    .max(1000, { error: "Lý do tối đa 1000 ký tự." })
    .nullish()
    .transform((s) => (s && s.trim() ? s.trim() : null)),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: "Mã kiểm tra của tệp không hợp lệ." })
    .nullish()
    .transform((s) => s ?? null),
});

export type ImportStreamEvent =
  | ({ type: "progress" } & ImportProgress)
  | { type: "preview"; preview: ImportPreview }
  | { type: "committed"; result: ImportCommitResult }
  | { type: "error"; code: string; error: string; details?: unknown };

/**
 * The programme-file import endpoint's form fields (app/(app)/quan-tri/chuong-trinh/nhap-tep/xu-ly)
 * and the JSON it answers with, shared by the route and the page (ADR 033).
 */
import { z } from "@/lib/validations/zod";
import type { ProgrammeImportPreview, ProgrammeImportResult } from "@/lib/services/programme-import";

export const programmeImportRequestSchema = z.object({
  mode: z.enum(["preview", "commit"], { error: "Thao tác không hợp lệ (xem trước hoặc ghi)." }),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: "Mã kiểm tra của tệp không hợp lệ." })
    .nullish()
    .transform((s) => s ?? null),
});

export type ProgrammeImportReply =
  | { type: "preview"; preview: ProgrammeImportPreview }
  | { type: "committed"; result: ProgrammeImportResult }
  | { type: "error"; code: string; error: string; details?: unknown };

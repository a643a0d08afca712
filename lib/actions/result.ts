/**
 * What every server action returns: data, or a message in the user's language
 * with per-field errors. Server actions never throw at the browser.
 */
import { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { DomainError } from "@/lib/errors";

// Where DomainError was defined before lib/errors.ts; its importers may keep this path.
export { DomainError };

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: string; fieldErrors?: Record<string, string[]>; details?: unknown };

export const GENERIC_ERROR = "Đã có lỗi xảy ra; không có thay đổi nào được lưu. Vui lòng thử lại.";

export function toActionError(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof AuthError) return { ok: false, code: error.code, error: error.message };
  if (error instanceof DomainError)
    return { ok: false, code: error.code, error: error.message, details: error.details, fieldErrors: error.fieldErrors };
  if (error instanceof z.ZodError) {
    const flat = z.flattenError(error);
    return {
      ok: false,
      code: "INVALID_INPUT",
      error: flat.formErrors[0] ?? "Dữ liệu nhập không hợp lệ.",
      fieldErrors: flat.fieldErrors as Record<string, string[]>,
    };
  }
  console.error(error);
  return { ok: false, code: "INTERNAL", error: GENERIC_ERROR };
}

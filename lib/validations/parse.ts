/**
 * Services validate their own input with the form's schema (they are called
 * by tests and scripts, not only by actions): a refusal is a DomainError with
 * the schema's Vietnamese messages per field.
 */
import { z } from "@/lib/validations/zod";
import { DomainError } from "@/lib/errors";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const flat = z.flattenError(parsed.error);
  const fieldErrors = flat.fieldErrors as Record<string, string[]>;
  const first = flat.formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? "Dữ liệu nhập không hợp lệ.";
  throw new DomainError("INVALID_INPUT", first, undefined, fieldErrors);
}

"use client";
/**
 * One way for the administration forms to call their server action: build the
 * input from the form, call, and turn the result into what FormResult shows.
 */
import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { FormState } from "./form-controls";

/** Thrown by a form's toInput when the input cannot even be sent (e.g. a file too large): shown as the refusal. */
export class FormInputError extends Error {}

export function toFormState<T>(result: ActionResult<T>, success: (data: T) => string): FormState {
  if (result.ok) return { ok: true, message: success(result.data) };
  const details = (result.details as { errors?: unknown } | undefined)?.errors;
  // The wrapper's summary of a refused schema is generic; the first field's own message says more.
  const first = result.code === "INVALID_INPUT" ? Object.values(result.fieldErrors ?? {}).flat()[0] : undefined;
  return {
    ok: false,
    message: first ? `${first} Vui lòng sửa các ô được đánh dấu.` : result.error,
    fieldErrors: result.fieldErrors,
    details: Array.isArray(details) ? details.map(String) : undefined,
  };
}

/**
 * Returns the state, an onSubmit handler and whether it is pending. Submitted
 * through onSubmit rather than <form action>, so a refused form keeps what
 * the user typed (React resets a form after its action).
 */
export function useAdminForm<T>(
  action: (input: unknown) => Promise<ActionResult<T>>,
  toInput: (form: FormData) => unknown | Promise<unknown>,
  success: (data: T, form: FormData) => string,
  options: { resetOnSuccess?: boolean } = {},
): [FormState | null, (event: FormEvent<HTMLFormElement>) => void, boolean] {
  const [state, dispatch, pending] = useActionState<FormState | null, { form: FormData; element: HTMLFormElement }>(async (_prev, { form, element }) => {
    try {
      const result = await action(await toInput(form));
      if (result.ok && options.resetOnSuccess) element.reset();
      return toFormState(result, (data) => success(data, form));
    } catch (error) {
      if (error instanceof FormInputError) return { ok: false, message: error.message };
      return { ok: false, message: "Không kết nối được máy chủ; chưa có thay đổi nào được lưu. Vui lòng thử lại." };
    }
  }, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch({ form, element }));
  };
  return [state, onSubmit, pending];
}

/** FormData → a plain object; repeated names (check boxes) become arrays. */
export function formObject(form: FormData, lists: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = lists.includes(key) ? all : all[0];
  }
  for (const key of lists) out[key] ??= [];
  return out;
}

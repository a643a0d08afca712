"use client";
/**
 * The two actions on a current row of a versioned record (a target, a baseline: ADR 032): "Thay đổi"
 * prefills the form below (the caller's `onEdit`, then the page scrolls to `formAnchor`), and
 * "Rút …" withdraws it with a reason; the row stays in the history either way.
 */
import { useId } from "react";
import { Field } from "@/components/auth/field";
import type { ActionResult } from "@/lib/actions/result";
import { BUTTON_DANGER, BUTTON_SECONDARY, FormResult } from "./form-controls";
import { useAdminForm } from "./use-admin-form";
import { useHydrated } from "./use-hydrated";

export function CurrentRowActions<T>({
  noun,
  label,
  formAnchor,
  onEdit,
  withdraw,
  withdrawInput,
}: {
  /** "mục tiêu", "mức gốc". */
  noun: string;
  /** Names the row for screen readers: "2030 (01-NQ/TU, Cấp tỉnh)". */
  label: string;
  formAnchor: string;
  onEdit: () => void;
  withdraw: (input: unknown) => Promise<ActionResult<T>>;
  withdrawInput: (reason: FormDataEntryValue | null) => unknown;
}) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(withdraw, (form) => withdrawInput(form.get("reason")), () => `Đã rút ${noun} ${label}.`);
  return (
    <>
      <button
        type="button"
        className={BUTTON_SECONDARY}
        aria-label={`Thay đổi ${noun} ${label}`}
        onClick={() => {
          onEdit();
          document.getElementById(formAnchor)?.scrollIntoView();
        }}
      >
        Thay đổi
      </button>
      <details className="mt-1">
        <summary className="cursor-pointer text-sm text-red-900 underline">Rút {noun}</summary>
        <form method="post" onSubmit={onSubmit} noValidate className="mt-2 space-y-2" aria-label={`Rút ${noun} ${label}`}>
          <Field id={`${id}-ly-do`} name="reason" label="Lý do rút (ít nhất 10 ký tự)" required errors={state?.fieldErrors?.reason} />
          <FormResult state={state} />
          <button type="submit" disabled={!ready || pending} className={BUTTON_DANGER}>
            Rút {noun}
          </button>
        </form>
      </details>
    </>
  );
}

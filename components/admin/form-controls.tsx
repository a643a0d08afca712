/**
 * The administration forms' controls beside components/auth/field.tsx: a
 * labelled select, textarea and result line, each tying its hint and errors
 * to the control for screen readers.
 */
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const CONTROL =
  "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 focus:border-brand-700 focus:outline-none focus:ring-2 focus:ring-brand-700 aria-[invalid=true]:border-red-700";

function describedBy(id: string, hint?: string, errors?: string[]) {
  return [hint ? `${id}-goi-y` : null, errors && errors.length > 0 ? `${id}-loi` : null].filter(Boolean).join(" ") || undefined;
}

function HintAndErrors({ id, hint, errors }: { id: string; hint?: string; errors?: string[] }) {
  return (
    <>
      {hint && (
        <p id={`${id}-goi-y`} className="mt-0.5 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errors && errors.length > 0 && (
        <ul id={`${id}-loi`} className="mt-1 text-sm text-red-800">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> & {
  id: string;
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
  children: ReactNode;
};

export function SelectField({ id, name, label, errors, hint, className, children, ...select }: SelectProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} className={CONTROL} {...select}>
        {children}
      </select>
      <HintAndErrors id={id} hint={hint} errors={errors} />
    </div>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> & {
  id: string;
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
};

export function TextAreaField({ id, name, label, errors, hint, className, ...area }: TextAreaProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} className={CONTROL} {...area} />
      <HintAndErrors id={id} hint={hint} errors={errors} />
    </div>
  );
}

export interface FormState {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** Further lines (e.g. the import's errors, one per line of the file). */
  details?: string[];
}

/** The outcome of a form: a polite status on success, an alert on refusal. */
export function FormResult({ state }: { state: FormState | null }) {
  return (
    <>
      <div role="status" aria-live="polite">
        {state?.ok && (
          <p className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-result="success">
            {state.message}
          </p>
        )}
      </div>
      <div role="alert" aria-live="assertive">
        {state && !state.ok && (
          <div className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-result="error">
            <p>{state.message}</p>
            {state.details && state.details.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {state.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </>
  );
}

export const BUTTON = "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700 focus-visible:ring-offset-2 disabled:opacity-60";
export const BUTTON_SECONDARY = "rounded border border-brand-700 px-3 py-1.5 font-medium text-brand-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700 disabled:opacity-60";
export const BUTTON_DANGER = "rounded border border-red-800 px-3 py-1.5 font-medium text-red-900 hover:bg-red-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-800 disabled:opacity-60";

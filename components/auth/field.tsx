import type { InputHTMLAttributes, Ref } from "react";

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  id: string;
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
  ref?: Ref<HTMLInputElement>;
};

/** A labelled input with its hint and errors tied to it for screen readers. */
export function Field({ id, name, label, errors, hint, className, ...input }: FieldProps) {
  const errorId = `${id}-loi`;
  const hintId = `${id}-goi-y`;
  const hasErrors = Boolean(errors && errors.length > 0);
  const describedBy = [hint ? hintId : null, hasErrors ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="mt-0.5 text-xs text-slate-600">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 focus:border-brand-700 focus:outline-none focus:ring-2 focus:ring-brand-700 aria-[invalid=true]:border-red-700"
        {...input}
      />
      {hasErrors && (
        <ul id={errorId} className="mt-1 text-sm text-red-800">
          {errors!.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

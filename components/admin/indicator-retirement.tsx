"use client";
/**
 * Retiring an indicator from a quarter on, and tracking it again (issue #15, item 2;
 * lib/targets/retirement.ts). The service refuses a quarter that already has figures or that a
 * current target still needs, with the reason on the year field.
 */
import { useId } from "react";
import { Field } from "@/components/auth/field";
import { reinstateIndicator, retireIndicator } from "@/lib/actions/admin-indicators";
import { addQuarters, formatQuarter, parseQuarter } from "@/lib/period/quarter";
import { BUTTON, BUTTON_SECONDARY, FormResult, SelectField } from "./form-controls";
import { formObject, useAdminForm } from "./use-admin-form";
import { useHydrated } from "./use-hydrated";

const QUARTERS = [
  { value: 1, label: "Quý I" },
  { value: 2, label: "Quý II" },
  { value: 3, label: "Quý III" },
  { value: 4, label: "Quý IV" },
] as const;

export function IndicatorRetirement({
  indicator,
}: {
  indicator: { id: number; code: string; retiredFrom: string | null; lastFigureQuarter: string | null };
}) {
  const id = useId();
  const retired = indicator.retiredFrom === null ? null : parseQuarter(indicator.retiredFrom);
  const last = indicator.lastFigureQuarter === null ? null : parseQuarter(indicator.lastFigureQuarter);
  // The earliest quarter the service can take: the one after the last figure.
  const suggested = retired ?? (last ? addQuarters(last, 1) : null);
  return (
    <section aria-labelledby={`${id}-tieu-de`} className="mt-8 max-w-3xl" data-retirement>
      <h2 id={`${id}-tieu-de`} className="text-lg font-semibold text-brand-800">
        Theo dõi chỉ tiêu
      </h2>
      {retired ? (
        <p className="mt-1 text-sm" data-retired-from={indicator.retiredFrom}>
          <strong>Đã thôi theo dõi từ {formatQuarter(retired, "vi")}.</strong> Từ quý này không ai phải nhập số liệu của chỉ tiêu; số liệu đã công bố
          vẫn hiển thị trên trang công khai.
        </p>
      ) : (
        <p className="mt-1 text-sm">
          Đang theo dõi: các đơn vị nhập số liệu hằng quý.{" "}
          {last ? `Quý cuối cùng có số liệu: ${formatQuarter(last, "vi")}.` : "Chưa có số liệu nào."} Thôi theo dõi từ một quý nghĩa là từ quý đó không
          còn phải nhập, nhắc hạn hay tính vào mức độ đầy đủ; lịch sử vẫn được giữ và công bố.
        </p>
      )}
      <RetireForm indicatorId={indicator.id} code={indicator.code} suggested={suggested} again={retired !== null} />
      {retired && <ReinstateForm indicatorId={indicator.id} code={indicator.code} />}
    </section>
  );
}

function RetireForm({ indicatorId, code, suggested, again }: { indicatorId: number; code: string; suggested: ReturnType<typeof parseQuarter>; again: boolean }) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(
    retireIndicator,
    (form) => ({ ...formObject(form), indicatorId }),
    (r) => `Đã thôi theo dõi chỉ tiêu ${code} từ ${formatQuarter(parseQuarter(r.retiredFrom!)!, "vi")}.`,
  );
  const e = state?.fieldErrors;
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm text-red-900 underline">{again ? "Đổi quý thôi theo dõi" : "Thôi theo dõi chỉ tiêu"}</summary>
      <form method="post" onSubmit={onSubmit} noValidate className="mt-2 space-y-3" aria-label={`Thôi theo dõi chỉ tiêu ${code}`}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${id}-nam`} name="year" label="Từ năm" type="number" inputMode="numeric" defaultValue={suggested?.year ?? ""} required errors={e?.year} />
          <SelectField id={`${id}-quy`} name="quarter" label="Từ quý" defaultValue={suggested?.quarter ?? 1} errors={e?.quarter}>
            {QUARTERS.map((q) => (
              <option key={q.value} value={q.value}>
                {q.label}
              </option>
            ))}
          </SelectField>
        </div>
        <Field id={`${id}-ly-do`} name="reason" label="Lý do (ít nhất 10 ký tự, ghi vào nhật ký)" required errors={e?.reason} />
        <FormResult state={state} />
        <button type="submit" disabled={!ready || pending} className={BUTTON}>
          {again ? "Đổi quý thôi theo dõi" : "Thôi theo dõi"}
        </button>
      </form>
    </details>
  );
}

function ReinstateForm({ indicatorId, code }: { indicatorId: number; code: string }) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(reinstateIndicator, (form) => ({ ...formObject(form), indicatorId }), () => `Đã theo dõi lại chỉ tiêu ${code}.`);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="mt-3 space-y-3" aria-label={`Theo dõi lại chỉ tiêu ${code}`}>
      <Field id={`${id}-ly-do`} name="reason" label="Lý do theo dõi lại (không bắt buộc)" errors={state?.fieldErrors?.reason} />
      <FormResult state={state} />
      <button type="submit" disabled={!ready || pending} className={BUTTON_SECONDARY}>
        Theo dõi lại
      </button>
    </form>
  );
}

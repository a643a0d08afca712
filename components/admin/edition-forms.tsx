"use client";
/** Forms of /quan-tri/an-ban: record an edition of a yearly index, remove one recorded by mistake. */
import { useId } from "react";
import { Field } from "@/components/auth/field";
import { createEdition, removeEdition } from "@/lib/actions/admin-editions";
import { BUTTON, BUTTON_DANGER, FormResult, SelectField } from "./form-controls";
import { formObject, useAdminForm } from "./use-admin-form";
import { useHydrated } from "./use-hydrated";

export function CreateEditionForm({ indicators, defaultIndicatorId }: { indicators: { id: number; code: string; nameVi: string }[]; defaultIndicatorId: number | null }) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(createEdition, (form) => formObject(form), (e) => `Đã ghi ấn bản năm ${e.referenceYear} của ${e.indicatorCode}.`, {
    resetOnSuccess: true,
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-xl space-y-4" aria-labelledby={`${id}-tieu-de`}>
      <h2 id={`${id}-tieu-de`} className="text-lg font-semibold text-brand-800">
        Ghi một ấn bản
      </h2>
      <SelectField id={`${id}-chi-tieu`} name="indicatorId" label="Chỉ tiêu" defaultValue={defaultIndicatorId ?? undefined} required errors={state?.fieldErrors?.indicatorId}>
        {indicators.map((i) => (
          <option key={i.id} value={i.id}>
            {i.nameVi} ({i.code})
          </option>
        ))}
      </SelectField>
      <Field id={`${id}-nam`} name="referenceYear" label="Năm tham chiếu" hint="Năm mà ấn bản đánh giá, ví dụ 2025 với DTI 2025." inputMode="numeric" required errors={state?.fieldErrors?.referenceYear} />
      <Field id={`${id}-ngay`} name="publishedOn" label="Ngày công bố" type="date" required errors={state?.fieldErrors?.publishedOn} />
      <Field
        id={`${id}-xep-hang`}
        name="rankedUnits"
        label="Số đơn vị được xếp hạng (không bắt buộc)"
        hint="Với chỉ tiêu xếp hạng: ví dụ 63 tỉnh, thành phố đến DTI 2024, 34 từ DTI 2025."
        inputMode="numeric"
        errors={state?.fieldErrors?.rankedUnits}
      />
      <Field id={`${id}-nguon`} name="sourceVi" label="Nguồn" hint="Văn bản công bố: số, ngày, cơ quan." required errors={state?.fieldErrors?.sourceVi} />
      <FormResult state={state} />
      <button type="submit" disabled={!ready || pending} className={BUTTON}>
        Ghi ấn bản
      </button>
    </form>
  );
}

export function RemoveEditionForm({ edition }: { edition: { id: number; indicatorCode: string; referenceYear: number } }) {
  const id = useId();
  const ready = useHydrated();
  const label = `${edition.indicatorCode} năm ${edition.referenceYear}`;
  const [state, onSubmit, pending] = useAdminForm(removeEdition, (form) => ({ editionId: edition.id, reason: form.get("reason") }), () => `Đã xóa ấn bản ${label}.`);
  return (
    <details>
      <summary className="cursor-pointer text-sm text-red-900 underline">Xóa</summary>
      <form method="post" onSubmit={onSubmit} noValidate className="mt-2 space-y-2" aria-label={`Xóa ấn bản ${label}`}>
        <Field id={`${id}-ly-do`} name="reason" label="Lý do (không bắt buộc)" errors={state?.fieldErrors?.reason} />
        <FormResult state={state} />
        <button type="submit" disabled={!ready || pending} className={BUTTON_DANGER}>
          Xóa ấn bản
        </button>
      </form>
    </details>
  );
}

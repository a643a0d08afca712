"use client";
/** Forms of /quan-tri/chuong-trinh: record a programme, change its status (issue #15). */
import { useId } from "react";
import { Field } from "@/components/auth/field";
import { createProgramme, setProgrammeStatus } from "@/lib/actions/admin-programmes";
import { PROGRAMME_SCOPE_LABELS as SCOPE_LABELS, PROGRAMME_STATUS_LABELS as STATUS_LABELS } from "@/lib/validations/admin-programmes";
import { BUTTON, FormResult, SelectField } from "./form-controls";
import { formObject, useAdminForm } from "./use-admin-form";
import { useHydrated } from "./use-hydrated";


export function CreateProgrammeForm() {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(createProgramme, (form) => formObject(form), (p) => `Đã ghi chương trình ${p.code}.`, { resetOnSuccess: true });
  const e = state?.fieldErrors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4" aria-labelledby={`${id}-tieu-de`}>
      <h2 id={`${id}-tieu-de`} className="text-lg font-semibold text-brand-800">
        Ghi một chương trình
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-so-hieu`} name="code" label="Số hiệu văn bản" hint="Như trên văn bản, ví dụ 05-NQ/TU." required errors={e?.code} />
        <SelectField id={`${id}-pham-vi`} name="scope" label="Phạm vi" defaultValue="PROVINCE" errors={e?.scope}>
          {(Object.keys(SCOPE_LABELS) as (keyof typeof SCOPE_LABELS)[]).map((s) => (
            <option key={s} value={s}>
              {SCOPE_LABELS[s]}
            </option>
          ))}
        </SelectField>
      </div>
      <Field id={`${id}-ten-vi`} name="titleVi" label="Tên chương trình (tiếng Việt)" required errors={e?.titleVi} />
      <Field id={`${id}-ten-en`} name="titleEn" label="Tên chương trình (tiếng Anh)" required errors={e?.titleEn} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-co-quan`} name="issuerVi" label="Cơ quan ban hành" required errors={e?.issuerVi} />
        <Field id={`${id}-ngay`} name="issuedOn" label="Ngày ban hành (không bắt buộc)" type="date" errors={e?.issuedOn} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={`${id}-tu-nam`} name="startYear" label="Năm bắt đầu" inputMode="numeric" required errors={e?.startYear} />
        <Field id={`${id}-den-nam`} name="endYear" label="Năm kết thúc" inputMode="numeric" required errors={e?.endYear} />
        <Field id={`${id}-dinh-huong`} name="visionYear" label="Định hướng đến năm (không bắt buộc)" inputMode="numeric" errors={e?.visionYear} />
      </div>
      <Field id={`${id}-nguon`} name="sourceVi" label="Nguồn" hint="Văn bản và nơi trích: số, ngày, cơ quan, đường dẫn." required errors={e?.sourceVi} />
      <FormResult state={state} />
      <button type="submit" disabled={!ready || pending} className={BUTTON}>
        Ghi chương trình
      </button>
    </form>
  );
}

export function ProgrammeStatusForm({ programme, others }: { programme: { id: number; code: string; status: keyof typeof STATUS_LABELS }; others: { id: number; code: string }[] }) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(
    setProgrammeStatus,
    (form) => ({ ...formObject(form), programmeId: programme.id }),
    (p) => `${p.code}: ${STATUS_LABELS[p.status].toLowerCase()}.`,
  );
  const e = state?.fieldErrors;
  return (
    <details>
      <summary className="cursor-pointer text-sm text-brand-700 underline">Đổi tình trạng</summary>
      <form method="post" onSubmit={onSubmit} noValidate className="mt-2 space-y-2" aria-label={`Đổi tình trạng chương trình ${programme.code}`}>
        <SelectField id={`${id}-tinh-trang`} name="status" label="Tình trạng" defaultValue={programme.status} errors={e?.status}>
          {(Object.keys(STATUS_LABELS) as (keyof typeof STATUS_LABELS)[]).map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <SelectField id={`${id}-thay-the`} name="supersededById" label="Được thay thế bởi (khi “được thay thế”)" defaultValue="" errors={e?.supersededById}>
          <option value="">— Không —</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.code}
            </option>
          ))}
        </SelectField>
        <Field id={`${id}-ly-do`} name="reason" label="Lý do (ít nhất 10 ký tự)" required errors={e?.reason} />
        <FormResult state={state} />
        <button type="submit" disabled={!ready || pending} className={BUTTON}>
          Lưu tình trạng
        </button>
      </form>
    </details>
  );
}

"use client";
/**
 * Indicator forms: names, methodology and responsible department; the current
 * targets with "change" and "withdraw"; the target form (adds a target, or
 * supersedes the current one of the same level, sector and year).
 */
import { useId, useState } from "react";
import { Field } from "@/components/auth/field";
import { setTarget, updateIndicator, withdrawTarget } from "@/lib/actions/admin-indicators";
import { COMPARATORS, comparatorWords } from "@/lib/targets/comparator";
import { targetText } from "@/lib/admin/target-text";
import { formatNumber } from "@/lib/format/number";
import { BUTTON, BUTTON_DANGER, BUTTON_SECONDARY, FormResult, SelectField, TextAreaField } from "./form-controls";
import { formObject, useAdminForm } from "./use-admin-form";
import { useHydrated } from "./use-hydrated";
import type { AdminTarget } from "@/lib/data/admin-indicators";

type Level = "PROVINCE" | "DISTRICT" | "COMMUNE";
const LEVEL_LABELS: Record<Level, string> = { PROVINCE: "Cấp tỉnh", DISTRICT: "Cấp huyện", COMMUNE: "Cấp xã" };

export interface Option {
  value: number;
  label: string;
}

/** What the forms show of a target (AdminTarget without its dates). */
export type TargetView = Omit<AdminTarget, "createdAt" | "supersededAt">;


export function EditIndicatorForm({
  indicator,
  departments,
}: {
  indicator: { id: number; nameVi: string; nameEn: string; methodologyVi: string; methodologyEn: string; responsibleDepartmentId: number };
  departments: Option[];
}) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(
    updateIndicator,
    (form) => ({ ...formObject(form), indicatorId: indicator.id }),
    () => "Đã lưu chỉ tiêu. Trang công khai hiển thị nội dung mới ngay.",
  );
  const e = state?.fieldErrors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4" aria-labelledby={`${id}-tieu-de`}>
      <h2 id={`${id}-tieu-de`} className="text-lg font-semibold text-brand-800">
        Tên, phương pháp tính và cơ quan phụ trách
      </h2>
      <Field id={`${id}-ten-vi`} name="nameVi" label="Tên tiếng Việt" defaultValue={indicator.nameVi} required errors={e?.nameVi} />
      <Field id={`${id}-ten-en`} name="nameEn" label="Tên tiếng Anh" defaultValue={indicator.nameEn} required errors={e?.nameEn} />
      <TextAreaField id={`${id}-pp-vi`} name="methodologyVi" label="Phương pháp tính (tiếng Việt)" rows={5} defaultValue={indicator.methodologyVi} required errors={e?.methodologyVi} />
      <TextAreaField id={`${id}-pp-en`} name="methodologyEn" label="Phương pháp tính (tiếng Anh)" rows={5} defaultValue={indicator.methodologyEn} required errors={e?.methodologyEn} />
      <SelectField id={`${id}-co-quan`} name="responsibleDepartmentId" label="Cơ quan phụ trách" defaultValue={indicator.responsibleDepartmentId} errors={e?.responsibleDepartmentId}>
        {departments.map((d) => (
          <option key={d.value} value={d.value}>
            {d.label}
          </option>
        ))}
      </SelectField>
      <Field id={`${id}-ly-do`} name="reason" label="Lý do (không bắt buộc, ghi vào nhật ký)" errors={e?.reason} />
      <FormResult state={state} />
      <button type="submit" disabled={!ready || pending} className={BUTTON}>
        Lưu chỉ tiêu
      </button>
    </form>
  );
}

function WithdrawTarget({ target, label }: { target: TargetView; label: string }) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(withdrawTarget, (form) => ({ targetId: target.id, reason: form.get("reason") }), () => `Đã rút mục tiêu ${label}.`);
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-sm text-red-900 underline">Rút mục tiêu</summary>
      <form method="post" onSubmit={onSubmit} noValidate className="mt-2 space-y-2" aria-label={`Rút mục tiêu ${label}`}>
        <Field id={`${id}-ly-do`} name="reason" label="Lý do rút (ít nhất 10 ký tự)" required errors={state?.fieldErrors?.reason} />
        <FormResult state={state} />
        <button type="submit" disabled={!ready || pending} className={BUTTON_DANGER}>
          Rút mục tiêu
        </button>
      </form>
    </details>
  );
}

export function TargetsEditor({
  indicator,
  current,
  sectors,
}: {
  indicator: { id: number; unitVi: string; levels: Level[]; bySector: boolean; sourceVi: string };
  current: TargetView[];
  sectors: Option[];
}) {
  const [editing, setEditing] = useState<TargetView | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <>
      <section aria-labelledby="muc-tieu-hien-hanh" className="mt-8">
        <h2 id="muc-tieu-hien-hanh" className="text-lg font-semibold text-brand-800">
          Mục tiêu hiện hành
        </h2>
        {current.length === 0 ? (
          <p className="mt-1 text-sm">Chưa có mục tiêu nào.</p>
        ) : (
          <table className="mt-2 w-full border-collapse text-left text-sm">
            <caption className="sr-only">Mục tiêu hiện hành theo năm</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="px-2 py-1">Năm</th>
                <th scope="col" className="px-2 py-1">Chương trình</th>
                <th scope="col" className="px-2 py-1">Cấp</th>
                {indicator.bySector && <th scope="col" className="px-2 py-1">Ngành</th>}
                <th scope="col" className="px-2 py-1">Mục tiêu</th>
                <th scope="col" className="px-2 py-1">Căn cứ</th>
                <th scope="col" className="px-2 py-1">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {current.map((t) => {
                const label = `${t.year} (${t.programmeCode}, ${LEVEL_LABELS[t.level]}${t.sectorName ? `, ${t.sectorName}` : ""})`;
                return (
                  <tr key={t.id} className="border-b border-slate-200 align-top" data-target-year={t.year} data-target-level={t.level}>
                    <th scope="row" className="px-2 py-1">{t.year}</th>
                    <td className="px-2 py-1">{t.programmeCode}</td>
                    <td className="px-2 py-1">{LEVEL_LABELS[t.level]}</td>
                    {indicator.bySector && <td className="px-2 py-1">{t.sectorName ?? "—"}</td>}
                    <td className="px-2 py-1" data-target-text>
                      {targetText(t, indicator.unitVi)}
                    </td>
                    <td className="px-2 py-1 text-xs">
                      “{t.sourceClauseVi}” — {t.sourceVi}
                    </td>
                    <td className="px-2 py-1">
                      <button
                        type="button"
                        className={BUTTON_SECONDARY}
                        aria-label={`Thay đổi mục tiêu ${label}`}
                        onClick={() => {
                          setEditing(t);
                          setFormKey((k) => k + 1);
                          document.getElementById("dat-muc-tieu")?.scrollIntoView();
                        }}
                      >
                        Thay đổi
                      </button>
                      <WithdrawTarget target={t} label={label} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <div className="mt-8" id="dat-muc-tieu">
        <TargetForm key={formKey} indicator={indicator} sectors={sectors} initial={editing} />
      </div>
    </>
  );
}

function TargetForm({
  indicator,
  sectors,
  initial,
}: {
  indicator: { id: number; unitVi: string; levels: Level[]; bySector: boolean; sourceVi: string };
  sectors: Option[];
  initial: TargetView | null;
}) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(
    setTarget,
    // A change stays in the programme of the target it replaces; a new target goes to the province's programme in force.
    (form) => ({ ...formObject(form), indicatorId: indicator.id, programmeId: initial?.programmeId ?? null }),
    (r) => (r.supersededId ? "Đã thay mục tiêu; mục tiêu cũ được giữ trong lịch sử." : "Đã thêm mục tiêu."),
  );
  const e = state?.fieldErrors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4" aria-labelledby={`${id}-tieu-de`}>
      <h2 id={`${id}-tieu-de`} className="text-lg font-semibold text-brand-800">
        {initial ? `Thay đổi mục tiêu năm ${initial.year}` : "Thêm hoặc thay đổi mục tiêu"}
      </h2>
      <p className="text-sm text-slate-700">
        {initial ? `Chương trình: ${initial.programmeCode}. ` : "Mục tiêu mới thuộc chương trình của tỉnh đang có hiệu lực. "}
        Mỗi năm, cấp (và ngành) có một mục tiêu hiện hành. Đặt mục tiêu cho năm, cấp đã có mục tiêu sẽ thay thế mục tiêu đó; mục tiêu cũ vẫn hiện trong
        lịch sử bên dưới.
      </p>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={`${id}-nam`} name="year" label="Năm" type="number" inputMode="numeric" defaultValue={initial?.year ?? ""} required errors={e?.year} />
        <SelectField id={`${id}-cap`} name="level" label="Cấp áp dụng" defaultValue={initial?.level ?? indicator.levels[0]} errors={e?.level}>
          {indicator.levels.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </SelectField>
        {indicator.bySector && (
          <SelectField id={`${id}-nganh`} name="sectorId" label="Ngành, lĩnh vực" defaultValue={initial?.sectorId ?? ""} errors={e?.sectorId}>
            <option value="">— Chọn ngành —</option>
            {sectors.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id={`${id}-so-sanh`} name="comparator" label="So sánh" defaultValue={initial?.comparator ?? "GTE"} errors={e?.comparator}>
          {COMPARATORS.map((c) => (
            <option key={c} value={c}>
              {comparatorWords(c, "vi")}
            </option>
          ))}
        </SelectField>
        <Field
          id={`${id}-gia-tri`}
          name="value"
          label={`Giá trị (${indicator.unitVi})`}
          inputMode="decimal"
          hint="Viết kiểu Việt Nam: 90 hoặc 34,87 hoặc 1.650. Để trống nếu là mục tiêu định tính."
          defaultValue={initial?.value === null || initial === null ? "" : formatNumber(initial.value, "vi", { maximumFractionDigits: 6 })}
          errors={e?.value}
        />
      </div>
      <TextAreaField id={`${id}-mo-ta`} name="descriptionVi" label="Mô tả mục tiêu định tính (không bắt buộc)" rows={2} defaultValue={initial?.descriptionVi ?? ""} errors={e?.descriptionVi} />
      <TextAreaField id={`${id}-trich-dan`} name="sourceClauseVi" label="Trích dẫn căn cứ (nguyên văn điều khoản)" rows={3} defaultValue={initial?.sourceClauseVi ?? ""} required errors={e?.sourceClauseVi} />
      <Field id={`${id}-nguon`} name="sourceVi" label="Văn bản nguồn" defaultValue={initial?.sourceVi ?? indicator.sourceVi} required errors={e?.sourceVi} />
      <Field id={`${id}-ly-do`} name="reason" label="Lý do thay đổi (không bắt buộc, ghi vào nhật ký)" errors={e?.reason} />
      <FormResult state={state} />
      <button type="submit" disabled={!ready || pending} className={BUTTON}>
        Lưu mục tiêu
      </button>
    </form>
  );
}

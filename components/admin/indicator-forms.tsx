"use client";
/**
 * Indicator forms: names, methodology and responsible department; the current
 * targets with "change" and "withdraw"; the target form (adds a target, or
 * supersedes the current one of the same level, sector and year).
 */
import { useId, useState } from "react";
import { Field } from "@/components/auth/field";
import { createIndicator, setTarget, updateIndicator, withdrawTarget } from "@/lib/actions/admin-indicators";
import { COMPARATORS, comparatorWords } from "@/lib/targets/comparator";
import { LEVEL_LABELS, targetText } from "@/lib/admin/target-text";
import { formatNumber } from "@/lib/format/number";
import { BUTTON, FormResult, SelectField, TextAreaField } from "./form-controls";
import { formObject, useAdminForm } from "./use-admin-form";
import { useHydrated } from "./use-hydrated";
import { CurrentRowActions } from "./current-row-actions";
import type { AdminTarget } from "@/lib/data/admin-indicators";

type Level = "PROVINCE" | "DISTRICT" | "COMMUNE";

export interface Option {
  value: number;
  label: string;
}

/** What the forms show of a target (AdminTarget without its dates). */
export type TargetView = Omit<AdminTarget, "createdAt" | "supersededAt">;


const GROUP_LABELS = { DIGITAL_GOVERNMENT: "Chính quyền số", DIGITAL_ECONOMY: "Kinh tế số", DIGITAL_SOCIETY: "Xã hội số", INFRASTRUCTURE: "Hạ tầng số" } as const;
const KIND_LABELS = {
  RATIO: "Tỷ lệ (tử số / mẫu số; cộng dồn Σ tử số / Σ mẫu số)",
  COUNT: "Số lượng (cộng dồn bằng tổng)",
  CHANGE_VS_BASELINE: "Thay đổi so với mức gốc (%)",
  RANK: "Thứ hạng (nhỏ hơn là tốt hơn; không cộng dồn)",
} as const;
const BASIS_LABELS = {
  QUARTER: "Việc xảy ra trong quý (năm = cộng các quý)",
  QUARTER_END: "Tình trạng ngày cuối quý (năm = quý cuối)",
  YEAR_TO_DATE: "Lũy kế từ đầu năm (năm = quý IV)",
} as const;

/** A new indicator of the catalogue (issue #15): what every seeded indicator has. */
export function CreateIndicatorForm({ departments }: { departments: Option[] }) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(createIndicator, (form) => formObject(form, ["levels"]), (i) => `Đã thêm chỉ tiêu ${i.code}.`, { resetOnSuccess: true });
  const e = state?.fieldErrors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4" aria-labelledby={`${id}-tieu-de`}>
      <h2 id={`${id}-tieu-de`} className="text-lg font-semibold text-brand-800">
        Thêm chỉ tiêu
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-ma`} name="code" label="Mã chỉ tiêu" hint="Chữ in hoa không dấu, số và dấu _, ví dụ DVC_TOAN_TRINH." required errors={e?.code} />
        <SelectField id={`${id}-nhom`} name="group" label="Nhóm" defaultValue="DIGITAL_GOVERNMENT" errors={e?.group}>
          {(Object.keys(GROUP_LABELS) as (keyof typeof GROUP_LABELS)[]).map((g) => (
            <option key={g} value={g}>
              {GROUP_LABELS[g]}
            </option>
          ))}
        </SelectField>
      </div>
      <Field id={`${id}-ten-vi`} name="nameVi" label="Tên tiếng Việt" required errors={e?.nameVi} />
      <Field id={`${id}-ten-en`} name="nameEn" label="Tên tiếng Anh" required errors={e?.nameEn} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id={`${id}-loai`} name="kind" label="Loại" defaultValue="RATIO" errors={e?.kind}>
          {(Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <SelectField id={`${id}-chieu`} name="direction" label="Chiều tốt" defaultValue="INCREASE" errors={e?.direction}>
          <option value="INCREASE">Càng cao càng tốt</option>
          <option value="DECREASE">Càng thấp càng tốt</option>
        </SelectField>
        <Field id={`${id}-dvt-vi`} name="unitVi" label="Đơn vị tính (tiếng Việt)" hint="%, doanh nghiệp, hạng …" required errors={e?.unitVi} />
        <Field id={`${id}-dvt-en`} name="unitEn" label="Đơn vị tính (tiếng Anh)" required errors={e?.unitEn} />
        <Field id={`${id}-tu-so`} name="numeratorLabelVi" label="Tên tử số (chỉ tiêu tỷ lệ)" errors={e?.numeratorLabelVi} />
        <Field id={`${id}-mau-so`} name="denominatorLabelVi" label="Tên mẫu số (chỉ tiêu tỷ lệ)" errors={e?.denominatorLabelVi} />
      </div>
      <fieldset aria-describedby={e?.levels ? `${id}-cap-loi` : undefined}>
        <legend className="text-sm font-medium text-slate-800">Cấp nhập số liệu</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          {(Object.keys(LEVEL_LABELS) as Level[]).map((l) => (
            <label key={l} className="flex items-center gap-2">
              <input type="checkbox" name="levels" value={l} defaultChecked={l === "PROVINCE"} />
              {LEVEL_LABELS[l]}
            </label>
          ))}
        </div>
        {e?.levels && (
          <p id={`${id}-cap-loi`} className="mt-1 text-sm text-red-800">
            {e.levels.join(" ")}
          </p>
        )}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id={`${id}-ky`} name="periodBasis" label="Số liệu một quý mô tả" defaultValue="QUARTER_END" errors={e?.periodBasis}>
          {(Object.keys(BASIS_LABELS) as (keyof typeof BASIS_LABELS)[]).map((b) => (
            <option key={b} value={b}>
              {BASIS_LABELS[b]}
            </option>
          ))}
        </SelectField>
        <SelectField id={`${id}-co-quan`} name="responsibleDepartmentId" label="Cơ quan chịu trách nhiệm" errors={e?.responsibleDepartmentId}>
          {departments.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="space-y-1 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="bySector" />
          Theo dõi theo ngành, lĩnh vực
        </label>
        <label className="flex items-center gap-2" aria-describedby={e?.yearlyRate ? `${id}-nam-loi` : undefined}>
          <input type="checkbox" name="yearlyRate" />
          Tỷ lệ năm (mỗi giá trị tính trên 4 quý đến quý đó)
        </label>
        {e?.yearlyRate && (
          <p id={`${id}-nam-loi`} className="text-red-800">
            {e.yearlyRate.join(" ")}
          </p>
        )}
      </div>
      <TextAreaField id={`${id}-pp-vi`} name="methodologyVi" label="Phương pháp tính (tiếng Việt)" rows={3} required errors={e?.methodologyVi} />
      <TextAreaField id={`${id}-pp-en`} name="methodologyEn" label="Phương pháp tính (tiếng Anh)" rows={3} required errors={e?.methodologyEn} />
      <Field id={`${id}-nguon`} name="sourceVi" label="Nguồn" hint="Văn bản đặt ra chỉ tiêu: số, ngày, cơ quan." required errors={e?.sourceVi} />
      <FormResult state={state} />
      <button type="submit" disabled={!ready || pending} className={BUTTON}>
        Thêm chỉ tiêu
      </button>
    </form>
  );
}

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
                      <CurrentRowActions
                        noun="mục tiêu"
                        label={label}
                        formAnchor="dat-muc-tieu"
                        onEdit={() => {
                          setEditing(t);
                          setFormKey((k) => k + 1);
                        }}
                        withdraw={withdrawTarget}
                        withdrawInput={(reason) => ({ targetId: t.id, reason })}
                      />
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
      <Field id={`${id}-nguon`} name="sourceVi" label="Văn bản nguồn" defaultValue={initial?.sourceVi ?? (indicator.sourceVi.length <= 500 ? indicator.sourceVi : "")} required errors={e?.sourceVi} />
      <Field id={`${id}-ly-do`} name="reason" label="Lý do thay đổi (không bắt buộc, ghi vào nhật ký)" errors={e?.reason} />
      <FormResult state={state} />
      <button type="submit" disabled={!ready || pending} className={BUTTON}>
        Lưu mục tiêu
      </button>
    </form>
  );
}

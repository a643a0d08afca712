"use client";
/** Department forms: create, rename (the old name goes into the history), assign responsible indicators. */
import { useId } from "react";
import { Field } from "@/components/auth/field";
import { assignIndicators, createDepartment, renameDepartment } from "@/lib/actions/admin-departments";
import { BUTTON, FormResult } from "./form-controls";
import { formObject, useAdminForm } from "./use-admin-form";
import { useHydrated } from "./use-hydrated";

export function CreateDepartmentForm({ today }: { today: string }) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(createDepartment, (form) => formObject(form), (d) => `Đã thêm cơ quan ${d.nameVi} (${d.code}).`, {
    resetOnSuccess: true,
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-xl space-y-4" aria-labelledby={`${id}-tieu-de`}>
      <h2 id={`${id}-tieu-de`} className="text-lg font-semibold text-brand-800">
        Thêm cơ quan
      </h2>
      <Field id={`${id}-ma`} name="code" label="Mã cơ quan" hint="Chữ in hoa, chữ số, dấu gạch dưới; ví dụ SO_TAI_CHINH. Không đổi được về sau." required errors={state?.fieldErrors?.code} />
      <Field id={`${id}-ten-vi`} name="nameVi" label="Tên tiếng Việt" required errors={state?.fieldErrors?.nameVi} />
      <Field id={`${id}-ten-en`} name="nameEn" label="Tên tiếng Anh" required errors={state?.fieldErrors?.nameEn} />
      <Field id={`${id}-tu-ngay`} name="validFrom" label="Ngày thành lập" type="date" defaultValue={today} required errors={state?.fieldErrors?.validFrom} />
      <FormResult state={state} />
      <button type="submit" disabled={!ready || pending} className={BUTTON}>
        Thêm cơ quan
      </button>
    </form>
  );
}

export function RenameDepartmentForm({ department }: { department: { id: number; nameVi: string; nameEn: string } }) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(
    renameDepartment,
    (form) => ({ ...formObject(form), departmentId: department.id }),
    (d) => `Đã đổi tên thành ${d.nameVi}. Tên cũ được giữ trong lịch sử tên.`,
  );
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-xl space-y-4" aria-labelledby={`${id}-tieu-de`}>
      <h2 id={`${id}-tieu-de`} className="text-lg font-semibold text-brand-800">
        Đổi tên
      </h2>
      <Field id={`${id}-ten-vi`} name="nameVi" label="Tên tiếng Việt" defaultValue={department.nameVi} required errors={state?.fieldErrors?.nameVi} />
      <Field id={`${id}-ten-en`} name="nameEn" label="Tên tiếng Anh" defaultValue={department.nameEn} required errors={state?.fieldErrors?.nameEn} />
      <Field id={`${id}-ly-do`} name="reason" label="Căn cứ hoặc lý do (không bắt buộc)" hint="Ví dụ: số quyết định đổi tên." errors={state?.fieldErrors?.reason} />
      <FormResult state={state} />
      <button type="submit" disabled={!ready || pending} className={BUTTON}>
        Đổi tên
      </button>
    </form>
  );
}

export function AssignIndicatorsForm({
  department,
  indicators,
}: {
  department: { id: number; nameVi: string };
  indicators: { id: number; code: string; nameVi: string; departmentId: number; departmentName: string }[];
}) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(
    assignIndicators,
    (form) => ({ ...formObject(form, ["indicatorIds"]), departmentId: department.id }),
    (r) => `Đã giao ${r.moved.length} chỉ tiêu cho ${department.nameVi}.`,
    { resetOnSuccess: true },
  );
  const others = indicators.filter((i) => i.departmentId !== department.id);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4" aria-labelledby={`${id}-tieu-de`}>
      <h2 id={`${id}-tieu-de`} className="text-lg font-semibold text-brand-800">
        Giao thêm chỉ tiêu phụ trách
      </h2>
      <p className="text-sm text-slate-700">
        Chỉ tiêu được chuyển từ cơ quan đang phụ trách sang {department.nameVi}; cán bộ nhập liệu của cơ quan cũ không nhập được chỉ tiêu đó nữa. Số liệu
        đã nhập vẫn ghi tên cơ quan lúc nhập.
      </p>
      <fieldset aria-describedby={state?.fieldErrors?.indicatorIds ? `${id}-loi` : undefined}>
        <legend className="text-sm font-medium text-slate-800">Chỉ tiêu của cơ quan khác</legend>
        {others.length === 0 ? (
          <p className="text-sm">Cơ quan này đã phụ trách mọi chỉ tiêu.</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm">
            {others.map((i) => (
              <li key={i.id}>
                <label className="flex items-start gap-2">
                  <input type="checkbox" name="indicatorIds" value={i.id} className="mt-1" />
                  <span>
                    {i.nameVi} <span className="text-slate-600">({i.code}; đang do {i.departmentName} phụ trách)</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {state?.fieldErrors?.indicatorIds && (
          <p id={`${id}-loi`} className="mt-1 text-sm text-red-800">
            {state.fieldErrors.indicatorIds[0]}
          </p>
        )}
      </fieldset>
      <Field id={`${id}-ly-do`} name="reason" label="Căn cứ hoặc lý do (không bắt buộc)" errors={state?.fieldErrors?.reason} />
      <FormResult state={state} />
      <button type="submit" disabled={!ready || pending || others.length === 0} className={BUTTON}>
        Giao chỉ tiêu
      </button>
    </form>
  );
}

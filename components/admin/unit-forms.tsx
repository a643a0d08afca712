"use client";
/** Administrative units: import a GSO list (and its successions) from CSV files; close one unit and name its successors. */
import { useId, useState } from "react";
import { Field } from "@/components/auth/field";
import { closeUnit, importAdminUnits, setSuccessionWeight } from "@/lib/actions/admin-units";
import { BUTTON, BUTTON_SECONDARY, FormResult, SelectField } from "./form-controls";
import { IMPORT_MAX_CHARS, UNIT_MESSAGES } from "@/lib/validations/admin-units";
import { FormInputError, formObject, useAdminForm } from "./use-admin-form";
import { useHydrated } from "./use-hydrated";

export interface UnitOption {
  value: number;
  label: string;
}

async function fileText(value: FormDataEntryValue | null): Promise<string | null> {
  return value instanceof File && value.size > 0 ? value.text() : null;
}

export function ImportUnitsForm() {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(
    importAdminUnits,
    async (form) => {
      const unitsCsv = (await fileText(form.get("units"))) ?? "";
      const successionsCsv = await fileText(form.get("successions"));
      // One request carries both files: refuse here what the server would not even read.
      if (unitsCsv.length + (successionsCsv?.length ?? 0) > IMPORT_MAX_CHARS) throw new FormInputError(UNIT_MESSAGES.tooLarge);
      return { effectiveDate: form.get("effectiveDate"), unitsCsv, successionsCsv, reason: form.get("reason") };
    },
    (r) =>
      `Đã nhập danh mục có hiệu lực từ ${r.effectiveDate.split("-").reverse().join("/")}: ${r.created.PROVINCE} tỉnh, ${r.created.DISTRICT} huyện, ${r.created.COMMUNE} xã mới; ${r.successions} quan hệ kế thừa; ${r.closed} đơn vị cũ chấm dứt.`,
    { resetOnSuccess: true },
  );
  const e = state?.fieldErrors;
  return (
    <form method="post" encType="multipart/form-data" onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4" aria-labelledby={`${id}-tieu-de`}>
      <h2 id={`${id}-tieu-de`} className="text-lg font-semibold text-brand-800">
        Nhập danh mục đơn vị hành chính
      </h2>
      <div className="text-sm text-slate-700">
        <p>Tệp CSV (UTF-8) theo mẫu của Tổng cục Thống kê, dòng đầu là tiêu đề:</p>
        <ul className="mt-1 list-disc pl-5">
          <li>
            Danh sách đơn vị: <code>code,name,type,level,parent_code</code> — <code>level</code> là <code>province</code>, <code>district</code> hoặc{" "}
            <code>commune</code>; đơn vị cha nằm trong tệp hoặc là đơn vị đang hiệu lực vào ngày đó.
          </li>
          <li>
            Danh sách kế thừa (không bắt buộc): <code>level,old_code,new_code,kind</code> — <code>kind</code> là <code>full</code> (toàn bộ) hoặc{" "}
            <code>partial</code> (một phần). Đơn vị cũ được ghi trong danh sách (và mọi đơn vị trực thuộc) chấm dứt vào ngày trước ngày hiệu lực.
          </li>
        </ul>
        <p className="mt-1">Có lỗi ở bất kỳ dòng nào thì không đơn vị nào được ghi; danh sách lỗi chỉ rõ tệp và dòng.</p>
      </div>
      <Field id={`${id}-ngay`} name="effectiveDate" label="Ngày có hiệu lực" type="date" required errors={e?.effectiveDate} />
      <Field id={`${id}-don-vi`} name="units" label="Danh sách đơn vị (CSV)" type="file" accept=".csv,text/csv" required errors={e?.unitsCsv} />
      <Field id={`${id}-ke-thua`} name="successions" label="Danh sách kế thừa (CSV, không bắt buộc)" type="file" accept=".csv,text/csv" errors={e?.successionsCsv} />
      <Field id={`${id}-ly-do`} name="reason" label="Căn cứ (không bắt buộc)" hint="Ví dụ: Nghị quyết 1683/NQ-UBTVQH15." errors={e?.reason} />
      <FormResult state={state} />
      <button type="submit" disabled={!ready || pending} className={BUTTON}>
        {pending ? "Đang nhập…" : "Nhập danh mục"}
      </button>
    </form>
  );
}

interface SuccessorRow {
  key: number;
}

export function CloseUnitForm({ units }: { units: UnitOption[] }) {
  const id = useId();
  const ready = useHydrated();
  const [rows, setRows] = useState<SuccessorRow[]>([{ key: 0 }]);
  const [state, onSubmit, pending] = useAdminForm(
    closeUnit,
    (form) => {
      const ids = form.getAll("successorId").map(String);
      const kinds = form.getAll("successorKind").map(String);
      return {
        unitId: form.get("unitId"),
        validTo: form.get("validTo"),
        successors: ids.map((unitId, i) => ({ unitId, kind: kinds[i] })).filter((s) => s.unitId !== ""),
        reason: form.get("reason"),
      };
    },
    (r) => `Đã chấm dứt đơn vị từ sau ngày ${r.validTo.split("-").reverse().join("/")}, với ${r.successors} đơn vị kế thừa.`,
    { resetOnSuccess: true },
  );
  const e = state?.fieldErrors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4" aria-labelledby={`${id}-tieu-de`}>
      <h2 id={`${id}-tieu-de`} className="text-lg font-semibold text-brand-800">
        Chấm dứt một đơn vị
      </h2>
      <SelectField id={`${id}-don-vi`} name="unitId" label="Đơn vị" defaultValue="" errors={e?.unitId}>
        <option value="">— Chọn đơn vị —</option>
        {units.map((u) => (
          <option key={u.value} value={u.value}>
            {u.label}
          </option>
        ))}
      </SelectField>
      <Field id={`${id}-ngay`} name="validTo" label="Ngày cuối cùng còn hiệu lực" type="date" required errors={e?.validTo} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Đơn vị kế thừa (từ ngày hôm sau)</legend>
        {rows.map((row, i) => (
          <div key={row.key} className="flex flex-wrap items-end gap-2">
            <SelectField id={`${id}-ke-thua-${row.key}`} name="successorId" label={`Đơn vị kế thừa ${i + 1}`} defaultValue="" className="min-w-64 flex-1">
              <option value="">— Không —</option>
              {units.map((u) => (
                <option key={u.value} value={u.value}>
                  {u.label}
                </option>
              ))}
            </SelectField>
            <SelectField id={`${id}-kieu-${row.key}`} name="successorKind" label={`Kiểu kế thừa ${i + 1}`} defaultValue="FULL">
              <option value="FULL">Toàn bộ</option>
              <option value="PARTIAL">Một phần</option>
            </SelectField>
          </div>
        ))}
        {e?.successors && <p className="text-sm text-red-800">{e.successors[0]}</p>}
        <button type="button" className={BUTTON_SECONDARY} onClick={() => setRows((r) => [...r, { key: (r.at(-1)?.key ?? 0) + 1 }])}>
          Thêm đơn vị kế thừa
        </button>
      </fieldset>
      <Field id={`${id}-ly-do`} name="reason" label="Căn cứ (không bắt buộc)" errors={e?.reason} />
      <FormResult state={state} />
      <button type="submit" disabled={!ready || pending} className={BUTTON}>
        Chấm dứt đơn vị
      </button>
    </form>
  );
}

/**
 * The share of an old unit that went into one successor (a PARTIAL succession), with its
 * source; empty clears it (issue #14, item 7).
 */
export function SuccessionWeightForm({ succession }: { succession: { id: number; label: string; weightPercent: number | null; weightSourceVi: string | null } }) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(
    setSuccessionWeight,
    (form) => ({ ...formObject(form), successionId: succession.id }),
    (r) => (r.weight === null ? `Đã xóa tỷ lệ phân bổ của ${succession.label}.` : `Đã ghi tỷ lệ phân bổ của ${succession.label}.`),
  );
  return (
    <details>
      <summary className="cursor-pointer text-sm text-brand-800 underline">Sửa tỷ lệ</summary>
      <form method="post" onSubmit={onSubmit} noValidate className="mt-2 max-w-md space-y-2" aria-label={`Tỷ lệ phân bổ ${succession.label}`}>
        <Field
          id={`${id}-ty-le`}
          name="weightPercent"
          label="Tỷ lệ phân bổ (%)"
          hint="Phần của đơn vị cũ nhập vào đơn vị này, ví dụ 35,5; để trống để xóa."
          inputMode="decimal"
          defaultValue={succession.weightPercent === null ? "" : String(succession.weightPercent).replace(".", ",")}
          errors={state?.fieldErrors?.weightPercent}
        />
        <Field id={`${id}-nguon`} name="sourceVi" label="Nguồn" hint="Căn cứ: dân số, diện tích… và văn bản." defaultValue={succession.weightSourceVi ?? ""} errors={state?.fieldErrors?.sourceVi} />
        <FormResult state={state} />
        <button type="submit" disabled={!ready || pending} className={BUTTON_SECONDARY}>
          Ghi tỷ lệ
        </button>
      </form>
    </details>
  );
}

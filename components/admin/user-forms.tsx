"use client";
/**
 * Account forms: create (typed first password or a temporary one shown once),
 * edit role / department / unit scope, disable or re-enable, reset password.
 */
import { useId, useState } from "react";
import { Field } from "@/components/auth/field";
import { createUser, resetUserPassword, setUserDisabled, updateUser } from "@/lib/actions/admin-users";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { PASSWORD_MIN_LENGTH } from "@/lib/validations/account";
import { BUTTON, BUTTON_DANGER, BUTTON_SECONDARY, FormResult, SelectField } from "./form-controls";
import { formObject, useAdminForm } from "./use-admin-form";
import { useHydrated } from "./use-hydrated";

export interface Option {
  value: number;
  label: string;
}

function ProfileFields({
  prefix,
  departments,
  units,
  errors,
  initial,
}: {
  prefix: string;
  departments: Option[];
  units: Option[];
  errors?: Record<string, string[]>;
  initial?: { name: string; role: Role; departmentId: number | null; unitIds: number[] };
}) {
  return (
    <>
      <Field id={`${prefix}-ten`} name="name" label="Họ tên" required autoComplete="off" defaultValue={initial?.name} errors={errors?.name} />
      <SelectField id={`${prefix}-vai-tro`} name="role" label="Vai trò" defaultValue={initial?.role ?? "EDITOR"} errors={errors?.role}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r].vi}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${prefix}-co-quan`}
        name="departmentId"
        label="Cơ quan"
        hint="Bắt buộc với cán bộ nhập liệu: họ nhập số liệu các chỉ tiêu cơ quan này phụ trách."
        defaultValue={initial?.departmentId ?? ""}
        errors={errors?.departmentId}
      >
        <option value="">— Không thuộc cơ quan nào —</option>
        {departments.map((d) => (
          <option key={d.value} value={d.value}>
            {d.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${prefix}-dia-ban`}
        name="unitIds"
        label="Địa bàn được giao"
        hint="Không chọn: mọi đơn vị. Chọn một hay nhiều đơn vị (giữ Ctrl hoặc ⌘ để chọn nhiều): cán bộ chỉ nhập số liệu cho các đơn vị đó."
        multiple
        size={8}
        defaultValue={initial?.unitIds.map(String) ?? []}
        errors={errors?.unitIds}
      >
        {units.map((u) => (
          <option key={u.value} value={u.value}>
            {u.label}
          </option>
        ))}
      </SelectField>
    </>
  );
}

export function CreateUserForm({ departments, units }: { departments: Option[]; units: Option[] }) {
  const id = useId();
  const ready = useHydrated();
  const [mode, setMode] = useState<"temporary" | "typed">("temporary");
  const [state, onSubmit, pending] = useAdminForm(
    createUser,
    (form) => formObject(form, ["unitIds"]),
    (data) =>
      data.temporaryPassword
        ? `Đã tạo tài khoản ${data.email}. Mật khẩu tạm thời (chỉ hiện một lần, hãy chuyển cho người dùng): ${data.temporaryPassword}`
        : `Đã tạo tài khoản ${data.email}.`,
    { resetOnSuccess: true },
  );
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-xl space-y-4" aria-labelledby={`${id}-tieu-de`}>
      <h2 id={`${id}-tieu-de`} className="text-lg font-semibold text-brand-800">
        Tạo tài khoản
      </h2>
      <Field id={`${id}-email`} name="email" label="Email" type="email" required autoComplete="off" errors={state?.fieldErrors?.email} />
      <ProfileFields prefix={id} departments={departments} units={units} errors={state?.fieldErrors} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Mật khẩu ban đầu</legend>
        <div className="mt-1 flex flex-col gap-1">
          <label className="flex items-center gap-2">
            <input type="radio" name="passwordMode" value="temporary" checked={mode === "temporary"} onChange={() => setMode("temporary")} />
            Tạo mật khẩu tạm thời (hiện một lần; người dùng phải đổi khi đăng nhập)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="passwordMode" value="typed" checked={mode === "typed"} onChange={() => setMode("typed")} />
            Tự đặt mật khẩu
          </label>
        </div>
      </fieldset>
      {mode === "typed" && (
        <>
          <Field
            id={`${id}-mat-khau`}
            name="password"
            label="Mật khẩu ban đầu"
            type="password"
            autoComplete="new-password"
            hint={`Ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`}
            errors={state?.fieldErrors?.password}
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="mustChangePassword" defaultChecked />
            Yêu cầu đổi mật khẩu ở lần đăng nhập đầu
          </label>
        </>
      )}
      <FormResult state={state} />
      <button type="submit" disabled={!ready || pending} className={BUTTON}>
        Tạo tài khoản
      </button>
    </form>
  );
}

export function EditUserForm({
  user,
  departments,
  units,
}: {
  user: { id: string; name: string; role: Role; departmentId: number | null; unitIds: number[] };
  departments: Option[];
  units: Option[];
}) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(
    updateUser,
    (form) => ({ ...formObject(form, ["unitIds"]), userId: user.id }),
    () => "Đã lưu thay đổi của tài khoản.",
  );
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-xl space-y-4" aria-labelledby={`${id}-tieu-de`}>
      <h2 id={`${id}-tieu-de`} className="text-lg font-semibold text-brand-800">
        Vai trò, cơ quan và địa bàn
      </h2>
      <ProfileFields prefix={id} departments={departments} units={units} errors={state?.fieldErrors} initial={user} />
      <Field id={`${id}-ly-do`} name="reason" label="Lý do (không bắt buộc, ghi vào nhật ký)" errors={state?.fieldErrors?.reason} />
      <FormResult state={state} />
      <button type="submit" disabled={!ready || pending} className={BUTTON}>
        Lưu thay đổi
      </button>
    </form>
  );
}

export function UserAccessForms({ user }: { user: { id: string; email: string; disabled: boolean } }) {
  const id = useId();
  const ready = useHydrated();
  const [disableState, onDisable, disablePending] = useAdminForm(
    setUserDisabled,
    (form) => ({ userId: user.id, disabled: !user.disabled, reason: form.get("reason") }),
    (data) => (data.disabledAt ? `Đã khóa tài khoản ${user.email}; các phiên đăng nhập của tài khoản đã kết thúc.` : `Đã mở khóa tài khoản ${user.email}.`),
  );
  const [resetState, onReset, resetPending] = useAdminForm(
    resetUserPassword,
    (form) => ({ userId: user.id, reason: form.get("reason") }),
    (data) => `Mật khẩu tạm thời mới của ${user.email} (chỉ hiện một lần; người dùng phải đổi khi đăng nhập): ${data.temporaryPassword}`,
  );
  return (
    <div className="grid max-w-3xl gap-6 md:grid-cols-2">
      <form method="post" onSubmit={onDisable} noValidate className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby={`${id}-khoa`}>
        <h2 id={`${id}-khoa`} className="font-semibold text-brand-800">
          {user.disabled ? "Mở khóa tài khoản" : "Khóa tài khoản"}
        </h2>
        <p className="text-sm text-slate-700">
          {user.disabled
            ? "Người dùng đăng nhập lại được bằng mật khẩu hiện có."
            : "Người dùng không đăng nhập được nữa, các phiên đang mở kết thúc ngay. Tài khoản không bị xóa: tên vẫn giữ trong nhật ký."}
        </p>
        <Field id={`${id}-khoa-ly-do`} name="reason" label="Lý do (không bắt buộc)" errors={disableState?.fieldErrors?.reason} />
        <FormResult state={disableState} />
        <button type="submit" disabled={!ready || disablePending} className={user.disabled ? BUTTON_SECONDARY : BUTTON_DANGER}>
          {user.disabled ? "Mở khóa tài khoản" : "Khóa tài khoản"}
        </button>
      </form>
      {!user.disabled && (
        <form method="post" onSubmit={onReset} noValidate className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby={`${id}-dat-lai`}>
          <h2 id={`${id}-dat-lai`} className="font-semibold text-brand-800">
            Đặt lại mật khẩu
          </h2>
          <p className="text-sm text-slate-700">
            Tạo một mật khẩu tạm thời, hiện một lần. Các phiên đang mở kết thúc; ở lần đăng nhập tới, người dùng phải đặt mật khẩu mới trước khi làm việc khác.
          </p>
          <Field id={`${id}-dat-lai-ly-do`} name="reason" label="Lý do (không bắt buộc)" errors={resetState?.fieldErrors?.reason} />
          <FormResult state={resetState} />
          <button type="submit" disabled={!ready || resetPending} className={BUTTON_SECONDARY}>
            Đặt lại mật khẩu
          </button>
        </form>
      )}
    </div>
  );
}

"use client";
import { useState, type FormEvent } from "react";
import { signOut } from "next-auth/react";
import { z } from "@/lib/validations/zod";
import { changePasswordAction } from "@/lib/actions/account";
import { changePasswordSchema, PASSWORD_MIN_LENGTH } from "@/lib/validations/account";
import { useHydrated } from "@/components/admin/use-hydrated";
import { Field } from "./field";

type FieldErrors = Partial<Record<"current" | "next" | "confirm", string[]>>;

/**
 * Checks the rules as the server will (same schema), then changes the
 * password. The change ends every session issued before it, this one too, so
 * on success the user is signed out and asked to sign in with the new one.
 */
export function ChangePasswordForm() {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState("");
  const [status, setStatus] = useState("");
  const [pending, setPending] = useState(false);
  const ready = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = { current: String(data.get("current") ?? ""), next: String(data.get("next") ?? ""), confirm: String(data.get("confirm") ?? "") };
    setError("");
    setStatus("");
    const parsed = changePasswordSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(z.flattenError(parsed.error).fieldErrors as FieldErrors);
      setError("Vui lòng sửa các lỗi bên dưới.");
      return;
    }
    setFieldErrors({});
    setPending(true);
    const result = await changePasswordAction(input).catch(() => null);
    if (!result) {
      setPending(false);
      setError("Không kết nối được máy chủ; mật khẩu chưa được đổi. Vui lòng thử lại.");
      return;
    }
    if (!result.ok) {
      setPending(false);
      setFieldErrors((result.fieldErrors ?? {}) as FieldErrors);
      setError(result.error);
      return;
    }
    setStatus("Đã đổi mật khẩu. Đang chuyển đến trang đăng nhập…");
    try {
      await signOut({ redirect: false });
    } finally {
      window.location.assign("/dang-nhap?thongBao=doi-mat-khau");
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      <div role="alert" aria-live="assertive">
        {error && <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">{error}</p>}
      </div>
      <div role="status" aria-live="polite">
        {status && <p className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{status}</p>}
      </div>
      <Field
        id="mat-khau-hien-tai"
        name="current"
        label="Mật khẩu hiện tại"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors.current}
      />
      <Field
        id="mat-khau-moi"
        name="next"
        label="Mật khẩu mới"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`Ít nhất ${PASSWORD_MIN_LENGTH} ký tự, khác mật khẩu hiện tại.`}
        errors={fieldErrors.next}
      />
      <Field
        id="xac-nhan-mat-khau"
        name="confirm"
        label="Nhập lại mật khẩu mới"
        type="password"
        autoComplete="new-password"
        required
        errors={fieldErrors.confirm}
      />
      <button
        type="submit"
        disabled={!ready || pending}
        aria-busy={pending || undefined}
        className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700 focus-visible:ring-offset-2 disabled:opacity-60"
      >
        Đổi mật khẩu
      </button>
    </form>
  );
}

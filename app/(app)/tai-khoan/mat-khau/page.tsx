import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Đổi mật khẩu" };

export default async function ChangePasswordPage() {
  const actor = await requirePermission("account.changePassword");
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">Đổi mật khẩu</h1>
      {actor.mustChangePassword && (
        <p role="alert" className="mt-2 max-w-2xl rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          Quản trị viên yêu cầu bạn đặt mật khẩu mới trước khi tiếp tục làm việc.
        </p>
      )}
      <p className="mt-2 max-w-2xl text-slate-700">
        Sau khi đổi, mọi phiên đăng nhập cũ (trên máy này và các máy khác) kết thúc; bạn đăng nhập lại bằng mật khẩu mới.
      </p>
      <div className="mt-6">
        <ChangePasswordForm />
      </div>
    </>
  );
}

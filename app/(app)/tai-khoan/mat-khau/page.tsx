import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Đổi mật khẩu" };

export default async function ChangePasswordPage() {
  await requirePermission("account.changePassword");
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">Đổi mật khẩu</h1>
      <p className="mt-2 max-w-2xl text-slate-700">
        Sau khi đổi, mọi phiên đăng nhập cũ (trên máy này và các máy khác) kết thúc; bạn đăng nhập lại bằng mật khẩu mới.
      </p>
      <div className="mt-6">
        <ChangePasswordForm />
      </div>
    </>
  );
}

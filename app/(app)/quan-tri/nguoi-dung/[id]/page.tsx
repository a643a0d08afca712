import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { NoPermission } from "@/components/app-shell/no-permission";
import { EditUserForm, UserAccessForms } from "@/components/admin/user-forms";
import { adminActor } from "@/lib/admin/guard";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { getOpenDepartmentOptions } from "@/lib/data/admin-departments";
import { getScopeUnitOptions, getUserForAdmin } from "@/lib/data/admin-users";
import { formatVietnamDateTime } from "@/lib/period/vietnam-time";
import { userIdParamSchema } from "@/lib/validations/admin-users";
import { auditSearch } from "@/lib/validations/admin-audit";

export const metadata: Metadata = { title: "Sửa tài khoản — Quản trị" };

export default function UserPage({ params }: { params: Promise<{ id: string }> }) {
  return (
    <Suspense fallback={<p>Đang tải tài khoản…</p>}>
      <User params={params} />
    </Suspense>
  );
}

async function User({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await adminActor("admin.users", `/quan-tri/nguoi-dung/${id}`);
  if (!actor) return <NoPermission what="quản lý tài khoản" />;
  const parsed = userIdParamSchema.safeParse(id);
  if (!parsed.success) notFound();
  const [user, departments, units] = await Promise.all([getUserForAdmin(actor, parsed.data), getOpenDepartmentOptions(actor), getScopeUnitOptions(actor)]);
  if (!user) notFound();
  return (
    <>
      <p className="text-sm">
        <Link href="/quan-tri/nguoi-dung" className="text-brand-800 underline">
          ← Tài khoản
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-brand-800">{user.name}</h1>
      <dl className="mt-2 grid max-w-xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">Email</dt>
        <dd>{user.email}</dd>
        <dt className="text-slate-600">Vai trò</dt>
        <dd>{ROLE_LABELS[user.role].vi}</dd>
        <dt className="text-slate-600">Trạng thái</dt>
        <dd data-user-status={user.disabledAt ? "disabled" : "active"}>
          {user.disabledAt ? `Đã khóa từ ${formatVietnamDateTime(user.disabledAt)}` : "Đang hoạt động"}
          {user.mustChangePassword && " · phải đổi mật khẩu ở lần đăng nhập tới"}
        </dd>
        <dt className="text-slate-600">Tạo lúc</dt>
        <dd>{formatVietnamDateTime(user.createdAt)}</dd>
        <dt className="text-slate-600">Đổi mật khẩu lần cuối</dt>
        <dd>{formatVietnamDateTime(user.passwordChangedAt)}</dd>
      </dl>
      <p className="mt-2 text-sm">
        <Link href={`/quan-tri/nhat-ky${auditSearch({ "doi-tuong": "User", "ma-doi-tuong": user.id })}`} className="text-brand-800 underline">
          Nhật ký của tài khoản này
        </Link>
      </p>
      <div className="mt-6">
        <EditUserForm user={user} departments={departments} units={units} />
      </div>
      <div className="mt-8">
        <UserAccessForms user={{ id: user.id, email: user.email, disabled: user.disabledAt !== null }} />
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { NoPermission } from "@/components/app-shell/no-permission";
import { CreateUserForm } from "@/components/admin/user-forms";
import { adminActor } from "@/lib/admin/guard";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { getOpenDepartmentOptions } from "@/lib/data/admin-departments";
import { getScopeUnitOptions, getUsersForAdmin } from "@/lib/data/admin-users";
import { formatVietnamDate } from "@/lib/period/vietnam-time";

export const metadata: Metadata = { title: "Tài khoản — Quản trị" };

export default function UsersPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">Tài khoản</h1>
      <Suspense fallback={<p className="mt-4">Đang tải danh sách tài khoản…</p>}>
        <Users />
      </Suspense>
    </>
  );
}

async function Users() {
  const actor = await adminActor("admin.users", "/quan-tri/nguoi-dung");
  if (!actor) return <NoPermission what="quản lý tài khoản" />;
  const [users, departments, units] = await Promise.all([getUsersForAdmin(actor), getOpenDepartmentOptions(actor), getScopeUnitOptions(actor)]);
  return (
    <>
      <p className="mt-2 max-w-3xl text-slate-700">
        Tài khoản không bao giờ bị xóa, chỉ bị khóa: nhật ký vẫn giữ tên người đã thao tác. Luôn còn ít nhất một quản trị viên đang hoạt động.
      </p>
      <div className="mt-4 overflow-x-auto rounded border border-slate-200">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Các tài khoản, đang hoạt động trước</caption>
          <thead>
            <tr className="border-b border-slate-300 bg-white text-slate-700">
              <th scope="col" className="px-3 py-2">Họ tên</th>
              <th scope="col" className="px-3 py-2">Email</th>
              <th scope="col" className="px-3 py-2">Vai trò</th>
              <th scope="col" className="px-3 py-2">Cơ quan</th>
              <th scope="col" className="px-3 py-2">Địa bàn</th>
              <th scope="col" className="px-3 py-2">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b border-slate-200 bg-white align-top" data-user={u.email}>
                <th scope="row" className="px-3 py-2 font-medium">
                  <Link href={`/quan-tri/nguoi-dung/${u.id}`} className="text-brand-800 underline">
                    {u.name}
                  </Link>
                </th>
                <td className="px-3 py-2">{u.email}</td>
                <td className="px-3 py-2">{ROLE_LABELS[u.role].vi}</td>
                <td className="px-3 py-2">{u.departmentName ?? "—"}</td>
                <td className="px-3 py-2 text-xs">{u.unitNames.length === 0 ? "Mọi đơn vị" : u.unitNames.join(", ")}</td>
                <td className="px-3 py-2" data-user-status={u.disabledAt ? "disabled" : "active"}>
                  {u.disabledAt ? `Đã khóa (${formatVietnamDate(u.disabledAt)})` : "Đang hoạt động"}
                  {u.mustChangePassword && !u.disabledAt && <span className="block text-xs text-slate-600">Phải đổi mật khẩu</span>}
                  {u.isDemo && <span className="block text-xs text-slate-600">Tài khoản minh họa</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-8">
        <CreateUserForm departments={departments} units={units} />
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { NoPermission } from "@/components/app-shell/no-permission";
import { CreateDepartmentForm } from "@/components/admin/department-forms";
import { adminActor } from "@/lib/admin/guard";
import { getDepartmentsForAdmin } from "@/lib/data/admin-departments";
import { formatVietnamDate } from "@/lib/period/vietnam-time";

export const metadata: Metadata = { title: "Cơ quan — Quản trị" };

export default function DepartmentsPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">Cơ quan</h1>
      <Suspense fallback={<p className="mt-4">Đang tải danh sách cơ quan…</p>}>
        <Departments />
      </Suspense>
    </>
  );
}

async function Departments() {
  const actor = await adminActor("admin.departments", "/quan-tri/co-quan");
  if (!actor) return <NoPermission what="quản lý cơ quan" />;
  const departments = await getDepartmentsForAdmin(actor);
  return (
    <>
      <div className="mt-4 overflow-x-auto rounded border border-slate-200">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Các cơ quan, đang hoạt động trước</caption>
          <thead>
            <tr className="border-b border-slate-300 bg-white text-slate-700">
              <th scope="col" className="px-3 py-2">Tên</th>
              <th scope="col" className="px-3 py-2">Mã</th>
              <th scope="col" className="px-3 py-2">Chỉ tiêu phụ trách</th>
              <th scope="col" className="px-3 py-2">Tài khoản</th>
              <th scope="col" className="px-3 py-2">Hiệu lực</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.id} className="border-b border-slate-200 bg-white align-top" data-department={d.code}>
                <th scope="row" className="px-3 py-2 font-medium">
                  <Link href={`/quan-tri/co-quan/${d.id}`} className="text-brand-800 underline">
                    {d.nameVi}
                  </Link>
                  <span className="block text-xs font-normal text-slate-600" lang="en">
                    {d.nameEn}
                  </span>
                </th>
                <td className="px-3 py-2 font-mono text-xs">{d.code}</td>
                <td className="px-3 py-2">{d.indicatorCount}</td>
                <td className="px-3 py-2">{d.userCount}</td>
                <td className="px-3 py-2 text-xs">
                  từ {formatVietnamDate(d.validFrom)}
                  {d.validTo && ` đến ${formatVietnamDate(d.validTo)}`}
                  {d.mergedIntoName && <span className="block">sáp nhập vào {d.mergedIntoName}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-8">
        <CreateDepartmentForm today={new Date().toISOString().slice(0, 10)} />
      </div>
    </>
  );
}

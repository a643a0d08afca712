import type { Metadata } from "next";
import Link from "next/link";
import { retirementLabel } from "@/lib/targets/retirement";
import { Suspense } from "react";
import { NoPermission } from "@/components/app-shell/no-permission";
import { adminActor } from "@/lib/admin/guard";
import { getIndicatorsForAdmin } from "@/lib/data/admin-indicators";
import { getOpenDepartmentOptions } from "@/lib/data/admin-departments";
import { CreateIndicatorForm } from "@/components/admin/indicator-forms";

export const metadata: Metadata = { title: "Chỉ tiêu và mục tiêu — Quản trị" };

export default function IndicatorsPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">Chỉ tiêu và mục tiêu</h1>
      <Suspense fallback={<p className="mt-4">Đang tải danh sách chỉ tiêu…</p>}>
        <Indicators />
      </Suspense>
    </>
  );
}

async function Indicators() {
  const actor = await adminActor("admin.indicators", "/quan-tri/chi-tieu");
  if (!actor) return <NoPermission what="quản lý chỉ tiêu" />;
  const [rows, departments] = await Promise.all([getIndicatorsForAdmin(actor), getOpenDepartmentOptions(actor, "admin.indicators")]);
  return (
    <>
    <div className="mt-4 overflow-x-auto rounded border border-slate-200">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Các chỉ tiêu của chương trình</caption>
        <thead>
          <tr className="border-b border-slate-300 bg-white text-slate-700">
            <th scope="col" className="px-3 py-2">Chỉ tiêu</th>
            <th scope="col" className="px-3 py-2">Mã</th>
            <th scope="col" className="px-3 py-2">Cơ quan phụ trách</th>
            <th scope="col" className="px-3 py-2">Mục tiêu hiện hành</th>
            <th scope="col" className="px-3 py-2">Mục tiêu đã thay thế</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.id} className="border-b border-slate-200 bg-white align-top" data-indicator={i.code}>
              <th scope="row" className="px-3 py-2 font-medium">
                <Link href={`/quan-tri/chi-tieu/${i.code}`} className="text-brand-800 underline">
                  {i.nameVi}
                </Link>
                {i.retiredFrom && (
                  <span className="ml-2 whitespace-nowrap rounded bg-slate-200 px-1.5 py-0.5 text-xs font-normal text-slate-800" data-retired>
                    {retirementLabel(i.retiredFrom, "vi")}
                  </span>
                )}
              </th>
              <td className="px-3 py-2 font-mono text-xs">{i.code}</td>
              <td className="px-3 py-2">{i.departmentName}</td>
              <td className="px-3 py-2">{i.currentTargets}</td>
              <td className="px-3 py-2">{i.pastTargets}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <div className="mt-8">
      <CreateIndicatorForm departments={departments} />
    </div>
    </>
  );
}

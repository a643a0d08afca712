import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { NoPermission } from "@/components/app-shell/no-permission";
import { AssignIndicatorsForm, RenameDepartmentForm } from "@/components/admin/department-forms";
import { adminActor } from "@/lib/admin/guard";
import { getDepartmentForAdmin } from "@/lib/data/admin-departments";
import { formatVietnamDate, formatVietnamDateTime } from "@/lib/period/vietnam-time";

export const metadata: Metadata = { title: "Cơ quan — Quản trị" };

export default function DepartmentPage({ params }: { params: Promise<{ id: string }> }) {
  return (
    <Suspense fallback={<p>Đang tải cơ quan…</p>}>
      <Department params={params} />
    </Suspense>
  );
}

async function Department({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await adminActor("admin.departments", `/quan-tri/co-quan/${id}`);
  if (!actor) return <NoPermission what="quản lý cơ quan" />;
  const departmentId = Number(id);
  if (!Number.isSafeInteger(departmentId) || departmentId <= 0) notFound();
  const d = await getDepartmentForAdmin(actor, departmentId);
  if (!d) notFound();
  const open = d.validTo === null && d.mergedIntoName === null;
  const mine = d.indicators.filter((i) => i.departmentId === d.id);
  return (
    <>
      <p className="text-sm">
        <Link href="/quan-tri/co-quan" className="text-brand-800 underline">
          ← Cơ quan
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-brand-800">{d.nameVi}</h1>
      <p className="text-sm text-slate-700">
        <span lang="en">{d.nameEn}</span> · mã <span className="font-mono">{d.code}</span> · từ {formatVietnamDate(d.validFrom)}
        {d.validTo && ` đến ${formatVietnamDate(d.validTo)}`}
        {d.mergedIntoName && ` · sáp nhập vào ${d.mergedIntoName}`}
      </p>

      <section aria-labelledby="lich-su-ten" className="mt-6">
        <h2 id="lich-su-ten" className="text-lg font-semibold text-brand-800">
          Lịch sử tên
        </h2>
        {d.nameHistory.length === 0 ? (
          <p className="mt-1 text-sm">Chưa đổi tên lần nào từ khi có trong hệ thống.</p>
        ) : (
          <table className="mt-2 w-full max-w-4xl border-collapse text-left text-sm">
            <caption className="sr-only">Các lần đổi tên, mới nhất trước</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="px-2 py-1">Lúc</th>
                <th scope="col" className="px-2 py-1">Tên cũ</th>
                <th scope="col" className="px-2 py-1">Tên mới</th>
                <th scope="col" className="px-2 py-1">Người đổi</th>
                <th scope="col" className="px-2 py-1">Căn cứ</th>
              </tr>
            </thead>
            <tbody>
              {d.nameHistory.map((h, i) => (
                <tr key={i} className="border-b border-slate-200 align-top" data-name-change>
                  <td className="whitespace-nowrap px-2 py-1">{formatVietnamDateTime(h.at)}</td>
                  <td className="px-2 py-1">{h.beforeVi}</td>
                  <td className="px-2 py-1">{h.afterVi}</td>
                  <td className="px-2 py-1">{h.actorLabel}</td>
                  <td className="px-2 py-1">{h.reason ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="chi-tieu-phu-trach" className="mt-6">
        <h2 id="chi-tieu-phu-trach" className="text-lg font-semibold text-brand-800">
          Chỉ tiêu đang phụ trách ({mine.length})
        </h2>
        {mine.length === 0 ? (
          <p className="mt-1 text-sm">Không có.</p>
        ) : (
          <ul className="mt-1 list-disc pl-5 text-sm">
            {mine.map((i) => (
              <li key={i.id}>
                <Link href={`/quan-tri/chi-tieu/${i.code}`} className="text-brand-800 underline">
                  {i.nameVi}
                </Link>{" "}
                <span className="text-slate-600">({i.code})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {open ? (
        <>
          <div className="mt-8">
            <RenameDepartmentForm department={d} />
          </div>
          <div className="mt-8">
            <AssignIndicatorsForm department={d} indicators={d.indicators} />
          </div>
        </>
      ) : (
        <p className="mt-8 text-sm">Cơ quan đã giải thể hoặc sáp nhập: không đổi tên hay giao chỉ tiêu được nữa.</p>
      )}
    </>
  );
}

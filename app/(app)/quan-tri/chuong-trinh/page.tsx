import type { Metadata } from "next";
import { Suspense } from "react";
import { NoPermission } from "@/components/app-shell/no-permission";
import { CreateProgrammeForm, ProgrammeStatusForm } from "@/components/admin/programme-forms";
import { PROGRAMME_SCOPE_LABELS as SCOPE_LABELS, PROGRAMME_STATUS_LABELS as STATUS_LABELS } from "@/lib/validations/admin-programmes";
import { adminActor } from "@/lib/admin/guard";
import { getProgrammesForAdmin } from "@/lib/data/admin-programmes";
import { formatVietnamDate } from "@/lib/period/vietnam-time";

export const metadata: Metadata = { title: "Chương trình — Quản trị" };

/** Programmes that set targets (issue #15, ADR 032): the province's, judged; national ones, shown beside them. */
export default function ProgrammesPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">Chương trình</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Mỗi mục tiêu thuộc chương trình đặt ra nó. Mục tiêu của chương trình của tỉnh được đánh giá trên mọi trang; mục tiêu của chương trình quốc gia là
        mức tham chiếu hiện bên cạnh mục tiêu của tỉnh hướng tới nó. Chỉ tiêu là danh mục chung của mọi chương trình.
      </p>
      <p className="mt-2 max-w-3xl text-slate-700">
        Cả một chương trình (chương trình, chỉ tiêu, mục tiêu, mức gốc) có thể được nhập từ một tệp Excel hoặc JSON:{" "}
        <a className="text-brand-800 underline" href="/quan-tri/chuong-trinh/nhap-tep">
          Nhập tệp định nghĩa chương trình
        </a>
        .
      </p>
      <Suspense fallback={<p className="mt-4">Đang tải các chương trình…</p>}>
        <Programmes />
      </Suspense>
    </>
  );
}

async function Programmes() {
  const actor = await adminActor("admin.indicators", "/quan-tri/chuong-trinh");
  if (!actor) return <NoPermission what="quản lý chỉ tiêu" />;
  const programmes = await getProgrammesForAdmin(actor);
  return (
    <>
      <div className="mt-4 overflow-x-auto rounded border border-slate-200" role="region" aria-labelledby="chuong-trinh-bang" tabIndex={0}>
        <table className="w-full border-collapse text-left text-sm">
          <caption id="chuong-trinh-bang" className="sr-only">
            Các chương trình, của tỉnh trước, mới nhất trước
          </caption>
          <thead>
            <tr className="border-b border-slate-300 bg-white text-slate-700">
              <th scope="col" className="px-3 py-2">Chương trình</th>
              <th scope="col" className="px-3 py-2">Giai đoạn</th>
              <th scope="col" className="px-3 py-2">Phạm vi</th>
              <th scope="col" className="px-3 py-2">Tình trạng</th>
              <th scope="col" className="px-3 py-2">Mục tiêu hiện hành</th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {programmes.length === 0 && (
              <tr>
                <td colSpan={6} className="px-3 py-2 text-slate-700">
                  Chưa có chương trình nào.
                </td>
              </tr>
            )}
            {programmes.map((p) => (
              <tr key={p.id} className="border-b border-slate-200 bg-white align-top" data-programme={p.code}>
                <th scope="row" className="px-3 py-2 font-medium">
                  {p.code}
                  <span className="block font-normal">{p.titleVi}</span>
                  <span className="block text-xs font-normal text-slate-600">
                    {p.issuerVi}
                    {p.issuedOn ? `, ngày ${formatVietnamDate(p.issuedOn)}` : ""}
                  </span>
                </th>
                <td className="px-3 py-2 tabular-nums">
                  {p.startYear}–{p.endYear}
                  {p.visionYear !== null && <span className="block text-xs text-slate-600">định hướng đến {p.visionYear}</span>}
                </td>
                <td className="px-3 py-2">{SCOPE_LABELS[p.scope]}</td>
                <td className="px-3 py-2" data-programme-status={p.status}>
                  {STATUS_LABELS[p.status]}
                  {p.supersededByCode && <span className="block text-xs text-slate-600">bởi {p.supersededByCode}</span>}
                </td>
                <td className="px-3 py-2 tabular-nums">
                  {p.currentTargets}
                  {p.links > 0 && <span className="block text-xs text-slate-600">{p.links} có liên kết tỉnh – quốc gia</span>}
                </td>
                <td className="px-3 py-2">
                  <p className="mb-1 text-sm">
                    Tải tệp định nghĩa:{" "}
                    <a className="text-brand-800 underline" href={`/quan-tri/chuong-trinh/${p.id}/tep?dinh-dang=xlsx`} aria-label={`Tải tệp định nghĩa ${p.code} dạng Excel`} download>
                      .xlsx
                    </a>{" "}
                    ·{" "}
                    <a className="text-brand-800 underline" href={`/quan-tri/chuong-trinh/${p.id}/tep?dinh-dang=json`} aria-label={`Tải tệp định nghĩa ${p.code} dạng JSON`} download>
                      .json
                    </a>
                  </p>
                  <ProgrammeStatusForm programme={{ id: p.id, code: p.code, status: p.status }} others={programmes.filter((o) => o.id !== p.id).map((o) => ({ id: o.id, code: o.code }))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-8">
        <CreateProgrammeForm />
      </div>
    </>
  );
}

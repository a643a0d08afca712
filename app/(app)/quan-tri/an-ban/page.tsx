import type { Metadata } from "next";
import { Suspense } from "react";
import { NoPermission } from "@/components/app-shell/no-permission";
import { CreateEditionForm, RemoveEditionForm } from "@/components/admin/edition-forms";
import { adminActor } from "@/lib/admin/guard";
import { getEditionsForAdmin } from "@/lib/data/admin-editions";
import { formatVietnamDate } from "@/lib/period/vietnam-time";

export const metadata: Metadata = { title: "Ấn bản chỉ số — Quản trị" };

/** Editions of yearly indices (issue #14, item 9): which year a quarter's figure of such an index describes. */
export default function EditionsPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">Ấn bản chỉ số</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Một chỉ số công bố mỗi năm một lần về năm trước đó (như DTI) có các ấn bản. Số liệu nhập trong một quý là ấn bản mới nhất đã công bố đến ngày
        cuối quý, nên được đặt vào năm tham chiếu của ấn bản đó khi đánh giá mục tiêu; thứ hạng trong số đơn vị khác nhau không nối thành một chuỗi. Quý
        trước ấn bản đầu tiên được ghi không được dùng để đánh giá.
      </p>
      <Suspense fallback={<p className="mt-4">Đang tải các ấn bản…</p>}>
        <Editions />
      </Suspense>
    </>
  );
}

async function Editions() {
  const actor = await adminActor("admin.indicators", "/quan-tri/an-ban");
  if (!actor) return <NoPermission what="quản lý chỉ tiêu" />;
  const { editions, indicators } = await getEditionsForAdmin(actor);
  const ranks = indicators.filter((i) => i.kind === "RANK");
  return (
    <>
      <div className="mt-4 overflow-x-auto rounded border border-slate-200">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Các ấn bản đã ghi, theo chỉ tiêu, năm gần nhất trước</caption>
          <thead>
            <tr className="border-b border-slate-300 bg-white text-slate-700">
              <th scope="col" className="px-3 py-2">Chỉ tiêu</th>
              <th scope="col" className="px-3 py-2">Năm tham chiếu</th>
              <th scope="col" className="px-3 py-2">Ngày công bố</th>
              <th scope="col" className="px-3 py-2">Số đơn vị xếp hạng</th>
              <th scope="col" className="px-3 py-2">Nguồn</th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {editions.length === 0 && (
              <tr>
                <td colSpan={6} className="px-3 py-2 text-slate-700">
                  Chưa ghi ấn bản nào: số liệu của mọi chỉ tiêu được đọc theo quý báo cáo.
                </td>
              </tr>
            )}
            {editions.map((e) => (
              <tr key={e.id} className="border-b border-slate-200 bg-white align-top" data-edition={`${e.indicatorCode}:${e.referenceYear}`}>
                <th scope="row" className="px-3 py-2 font-medium">
                  {e.indicatorName}
                  <span className="block font-mono text-xs font-normal text-slate-600">{e.indicatorCode}</span>
                </th>
                <td className="px-3 py-2 tabular-nums">{e.referenceYear}</td>
                <td className="px-3 py-2">{formatVietnamDate(e.publishedOn)}</td>
                <td className="px-3 py-2 tabular-nums">{e.rankedUnits ?? "—"}</td>
                <td className="px-3 py-2">
                  {e.sourceVi}
                  {e.isDemo && <span className="block text-xs text-amber-900">Dữ liệu minh họa</span>}
                </td>
                <td className="px-3 py-2">
                  <RemoveEditionForm edition={{ id: e.id, indicatorCode: e.indicatorCode, referenceYear: e.referenceYear }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-8">
        <CreateEditionForm indicators={indicators} defaultIndicatorId={ranks[0]?.id ?? null} />
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { NoPermission } from "@/components/app-shell/no-permission";
import { CloseUnitForm, ImportUnitsForm, SuccessionWeightForm } from "@/components/admin/unit-forms";
import { adminActor } from "@/lib/admin/guard";
import { getCurrentUnitsForAdmin, getPartialSuccessions, getRecentSuccessions } from "@/lib/data/admin-units";
import { formatNumber } from "@/lib/format/number";
import { formatVietnamDate } from "@/lib/period/vietnam-time";

export const metadata: Metadata = { title: "Đơn vị hành chính — Quản trị" };

const LEVELS = { PROVINCE: "Tỉnh", DISTRICT: "Huyện", COMMUNE: "Xã" } as const;

export default function UnitsPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">Đơn vị hành chính</h1>
      <Suspense fallback={<p className="mt-4">Đang tải danh mục đơn vị…</p>}>
        <Units />
      </Suspense>
    </>
  );
}

async function Units() {
  const actor = await adminActor("admin.units", "/quan-tri/don-vi");
  if (!actor) return <NoPermission what="quản lý đơn vị hành chính" />;
  const [units, successions, partial] = await Promise.all([getCurrentUnitsForAdmin(actor), getRecentSuccessions(actor), getPartialSuccessions(actor)]);
  const options = units.map((u) => ({ value: u.id, label: `${u.name} (${u.code}, ${LEVELS[u.level].toLowerCase()}${u.parentName ? `, thuộc ${u.parentName}` : ""})` }));
  return (
    <>
      <p className="mt-2 max-w-3xl text-slate-700">
        Một đơn vị là một mã GSO có hiệu lực trong một khoảng thời gian: khi sắp xếp lại, đơn vị cũ chấm dứt, đơn vị mới bắt đầu, và quan hệ kế thừa cho
        biết số liệu cũ cộng dồn vào đâu. Hiện có {units.length} đơn vị đang hiệu lực.
      </p>
      <div className="mt-6">
        <ImportUnitsForm />
      </div>
      <div className="mt-10">
        <CloseUnitForm units={options} />
      </div>
      <section aria-labelledby="ke-thua-gan-day" className="mt-10">
        <h2 id="ke-thua-gan-day" className="text-lg font-semibold text-brand-800">
          Quan hệ kế thừa gần đây ({successions.rows.length}/{successions.total})
        </h2>
        <table className="mt-2 w-full border-collapse text-left text-sm">
          <caption className="sr-only">Quan hệ kế thừa, mới nhất trước</caption>
          <thead>
            <tr className="border-b border-slate-300 text-slate-700">
              <th scope="col" className="px-2 py-1">Từ ngày</th>
              <th scope="col" className="px-2 py-1">Đơn vị cũ</th>
              <th scope="col" className="px-2 py-1">Đơn vị kế thừa</th>
              <th scope="col" className="px-2 py-1">Kiểu</th>
            </tr>
          </thead>
          <tbody>
            {successions.rows.map((s) => (
              <tr key={s.id} className="border-b border-slate-200">
                <td className="whitespace-nowrap px-2 py-1">{formatVietnamDate(s.effectiveDate)}</td>
                <td className="px-2 py-1">{s.predecessor}</td>
                <td className="px-2 py-1">{s.successor}</td>
                <td className="px-2 py-1">{s.kind === "FULL" ? "Toàn bộ" : "Một phần"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="ke-thua-mot-phan" className="mt-10">
        <h2 id="ke-thua-mot-phan" className="text-lg font-semibold text-brand-800">
          Kế thừa một phần: tỷ lệ phân bổ ({partial.length})
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          Một đơn vị cũ chia cho nhiều đơn vị mới: không có tỷ lệ, số liệu cũ của nó được tính trọn vào lịch sử của mỗi đơn vị mới, nên lịch sử đó chỉ
          để tham khảo và không dùng để đánh giá. Có tỷ lệ (và nguồn), tử số, mẫu số và giá trị cũ được phân bổ theo tỷ lệ đó. Tổng tỷ lệ của một đơn
          vị cũ không vượt 100%.
        </p>
        <table className="mt-2 w-full border-collapse text-left text-sm">
          <caption className="sr-only">Quan hệ kế thừa một phần, theo đơn vị cũ</caption>
          <thead>
            <tr className="border-b border-slate-300 text-slate-700">
              <th scope="col" className="px-2 py-1">Đơn vị cũ</th>
              <th scope="col" className="px-2 py-1">Đơn vị kế thừa</th>
              <th scope="col" className="px-2 py-1">Tỷ lệ phân bổ</th>
              <th scope="col" className="px-2 py-1">Nguồn</th>
              <th scope="col" className="px-2 py-1">
                <span className="sr-only">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {partial.map((s) => (
              <tr key={s.id} className="border-b border-slate-200 align-top" data-succession={s.id}>
                <td className="px-2 py-1">{s.predecessor}</td>
                <td className="px-2 py-1">{s.successor}</td>
                <td className="px-2 py-1 tabular-nums" data-weight="">
                  {s.weightPercent === null ? "chưa có" : `${formatNumber(s.weightPercent, "vi", { maximumFractionDigits: 4 })}%`}
                </td>
                <td className="px-2 py-1">{s.weightSourceVi ?? "—"}</td>
                <td className="px-2 py-1">
                  <SuccessionWeightForm succession={{ id: s.id, label: `${s.predecessor} → ${s.successor}`, weightPercent: s.weightPercent, weightSourceVi: s.weightSourceVi }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

import { Suspense } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DemoNotice } from "@/components/demo-notice";
import { CompareChart } from "@/components/dashboard/compare-chart";
import { PartialMark, quarterText, SubmittedMark, valueText } from "@/components/dashboard/parts";
import { NoPermission } from "@/components/app-shell/no-permission";
import { prisma } from "@/lib/db";
import { dashboardContext, type SearchParams } from "@/lib/dashboard-context";
import { loadDashboardReference } from "@/lib/data/dashboard";
import { COMPARE_MAX, COMPARE_MIN, loadUnitComparison } from "@/lib/data/dashboard-indicator";
import { COMPARE_PARAM, dashboardQuery, parseCompareUnits } from "@/lib/validations/dashboard";

export const metadata: Metadata = { title: "So sánh đơn vị — Bảng điều hành" };

type Params = Promise<{ code: string }>;

/** Two to five units of one indicator side by side (issue #16, item 9), chosen in the breakdown's table. */
export default function ComparePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  return (
    <Suspense fallback={<p className="mt-4">Đang tải…</p>}>
      <Compare params={params} searchParams={searchParams} />
    </Suspense>
  );
}

async function Compare({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  await connection();
  const code = decodeURIComponent((await params).code);
  const path = `/theo-doi/chi-tieu/${encodeURIComponent(code)}/so-sanh`;
  const ctx = await dashboardContext(path, searchParams);
  if (!ctx.allowed) return <NoPermission what="xem bảng điều hành" />;
  const ref = await loadDashboardReference(prisma);
  const indicatorRef = ref.indicators.find((i) => i.code === code && i.levels.some((l) => l !== "PROVINCE"));
  if (!indicatorRef) notFound();
  const back = `/theo-doi/chi-tieu/${encodeURIComponent(code)}${dashboardQuery({ ky: ctx.quarterKey, "ranh-gioi": ctx.params["ranh-gioi"] })}#bang-don-vi`;
  const asked = parseCompareUnits((await searchParams)[COMPARE_PARAM], COMPARE_MIN, COMPARE_MAX);
  const comparison = "ids" in asked ? await loadUnitComparison(prisma, { unitIds: asked.ids, indicatorCode: code, quarter: ctx.quarter }) : null;
  const units = comparison?.units ?? [];
  const quarters = [...new Set(units.flatMap((u) => u.row.series.map((p) => p.quarter)))].sort();
  return (
    <>
      {ref.hasDemoData && <DemoNotice />}
      <p className="print-hidden text-sm">
        <a href={back} className="inline-block py-1 text-brand-700 underline underline-offset-2">
          ← {indicatorRef.nameVi}: bảng phân tổ
        </a>
      </p>
      <h1 className="text-2xl font-bold text-brand-800">So sánh đơn vị: {indicatorRef.nameVi}</h1>
      {"error" in asked ? (
        <p className="mt-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950" role="alert" data-compare-error="">
          {asked.error}
        </p>
      ) : units.length < COMPARE_MIN ? (
        <p className="mt-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950" role="alert" data-compare-error="">
          Không tìm thấy đủ {COMPARE_MIN} đơn vị có trong danh mục để so sánh; hãy chọn lại từ bảng phân tổ.
        </p>
      ) : (
        <>
          <p className="mt-2 max-w-3xl text-slate-700">
            Mỗi đơn vị theo địa giới của chính nó, đến {quarterText(ctx.quarterKey)}: tỷ lệ là tổng tử số trên tổng mẫu số của đơn vị đó, như ở trang của
            từng đơn vị. Giá trị có dấu ◐ được dựng lại từ một đơn vị cũ chỉ nhập một phần (chưa có tỷ lệ phân bổ), chỉ để tham khảo.
          </p>
          <CompareChart
            kind={comparison!.indicator.kind}
            quarters={quarters}
            title={`${indicatorRef.nameVi}: ${units.map((u) => u.name).join(", ")}, theo quý`}
            lines={units.map((u) => ({ label: u.parentName ? `${u.name} (${u.parentName})` : u.name, points: u.row.series.map((p) => ({ quarter: p.quarter, value: p.value })) }))}
          />
          <div className="table-scroll mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-labelledby="so-sanh-bang" tabIndex={0}>
            <table className="w-full border-collapse text-left text-sm" data-table="so-sanh">
              <caption id="so-sanh-bang" className="px-3 py-2 text-left font-medium">
                Giá trị theo quý của các đơn vị được so sánh
              </caption>
              <thead>
                <tr className="border-b border-slate-300 text-slate-700">
                  <th scope="col" className="px-3 py-2">Quý</th>
                  {units.map((u) => (
                    <th key={u.id} scope="col" className="px-3 py-2" data-unit={u.code}>
                      <a href={`/theo-doi/don-vi/${u.id}${dashboardQuery({ ky: ctx.quarterKey }, { "chi-tieu": code })}`} className="text-brand-800 underline">
                        {u.name}
                      </a>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {quarters.map((q) => (
                  <tr key={q} className="border-b border-slate-100">
                    <th scope="row" className="px-3 py-1 font-normal">
                      {quarterText(q)}
                    </th>
                    {units.map((u) => {
                      const p = u.row.series.find((s) => s.quarter === q);
                      return (
                        <td key={u.id} className="px-3 py-1 tabular-nums">
                          {p ? (
                            <>
                              {valueText(comparison!.indicator, p.value)}
                              <SubmittedMark count={p.submitted} />
                              {p.partial && <PartialMark />}
                            </>
                          ) : (
                            "—"
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {comparison!.missing.length > 0 && (
            <p className="mt-2 text-sm text-slate-700">{comparison!.missing.length} đơn vị đã chọn không có trong danh mục và được bỏ qua.</p>
          )}
        </>
      )}
    </>
  );
}

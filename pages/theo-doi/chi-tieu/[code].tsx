/**
 * /theo-doi/chi-tieu/[code], the dashboard's drill-down: a Pages Router page without JavaScript
 * (ADR 035) — the chart is SVG rendered on the server (ADR 005), the long tables are tables, the
 * controls GET forms and links. Rendered whole on the server, in the staff shell, per request.
 */
import { ServerChart } from "@/components/charts/server-chart";
import { buildSeriesChartModel } from "@/components/charts/series-chart-model";
import { DemoNotice } from "@/components/demo-notice";
import { BreakdownControls, BreakdownUnitsTable, rankUnits, RankingChart } from "@/components/dashboard/breakdown-table";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { BoundarySwitch, Coverage, deltaText, PartialMark, QuarterForm, quarterText, SubmittedMark, Toolbar, valueText } from "@/components/dashboard/parts";
import { goalLines } from "@/lib/i18n/goal-lines";
import { baselineText } from "@/lib/i18n/baseline-text";
import { formatNumber } from "@/lib/format/number";
import { StatusBadge } from "@/components/status-badge";
import { NoPermission } from "@/components/app-shell/no-permission";
import { prisma } from "@/lib/db";
import { dashboardContextFor } from "@/lib/dashboard-context";
import { staticStaffProps } from "@/components/app-shell/static-staff-props";
import { StaticStaffPage } from "@/components/app-shell/static-staff-page";
import { loadDashboardOverview } from "@/lib/data/dashboard";
import { loadIndicatorBreakdown, searchAndSortUnits } from "@/lib/data/dashboard-indicator";
import { BOUNDARY_LABELS, dashboardQuery } from "@/lib/validations/dashboard";

// No script at all, not even __NEXT_DATA__ (ADR 035).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getServerSideProps = staticStaffProps("Chỉ tiêu — Bảng điều hành", async ({ actor, query, params }) => {
  const code = String(params.code ?? "").trim().toUpperCase();
  const path = `/theo-doi/chi-tieu/${encodeURIComponent(code)}`;
  const ctx = await dashboardContextFor(actor, query);
  if (!ctx.allowed) return <NoPermission what="xem bảng điều hành" />;
  const overview = await loadDashboardOverview(prisma, { provinceCode: ctx.provinceCode, asOf: ctx.quarter });
  const rows = overview.rows.filter((r) => r.indicator.code === code);
  if (rows.length === 0) return null;
  const row = rows.find((r) => r.sector?.id === ctx.params["linh-vuc"]) ?? rows[0]!;
  const ind = row.indicator;
  const hasBreakdown = ind.levels.some((l) => l !== "PROVINCE");
  const breakdown = hasBreakdown
    ? await loadIndicatorBreakdown(prisma, {
        provinceCode: ctx.provinceCode,
        boundary: ctx.boundary,
        indicatorCode: code,
        quarter: ctx.quarter,
        parentId: ctx.params["don-vi"] ?? null,
        sectorId: row.sector?.id ?? null,
      })
    : null;
  const sorted = breakdown
    ? searchAndSortUnits(breakdown.units, { search: ctx.params.tim, sort: ctx.params["sap-xep"], descending: ctx.params.chieu === "giam" })
    : [];
  const district = ctx.params["don-vi"] && breakdown ? breakdown.units.find((u) => u.parentId === ctx.params["don-vi"])?.parentName : null;
  const name = ind.nameVi + (row.sector ? ` — ${row.sector.nameVi}` : "");
  const model = buildSeriesChartModel({ id: "xu-huong", row: row.overview, baseline: row.baseline, asOf: ctx.quarter, locale: "vi", name });
  const p = { ...ctx.params, ky: ctx.quarterKey, "ranh-gioi": ctx.boundaryKey };
  return (
    <>
      {overview.hasDemoData && <DemoNotice />}
      <nav aria-label="Vị trí" className="print-hidden text-sm">
        <ol className="flex flex-wrap gap-1 text-slate-700">
          <li>
            <a href={`/theo-doi${dashboardQuery({ ky: ctx.quarterKey })}`} className="inline-block py-1 text-brand-700 underline underline-offset-2">
              Bảng điều hành
            </a>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current={district ? undefined : "page"}>
            {district ? (
              <a href={`${path}${dashboardQuery(p, { "don-vi": undefined, tim: undefined })}`} className="inline-block py-1 text-brand-700 underline underline-offset-2">
                Toàn tỉnh
              </a>
            ) : (
              "Toàn tỉnh"
            )}
          </li>
          {district && (
            <li aria-current="page">
              <span aria-hidden="true"> › </span>
              {district}
            </li>
          )}
        </ol>
      </nav>
      <DashboardHeader current={path} params={p} title={name} print={ctx.print} />
      <section aria-labelledby="xu-huong-tieu-de" className="mt-4">
        <h2 id="xu-huong-tieu-de" className="text-xl font-semibold">
          Xu hướng toàn tỉnh
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Đường liền: số liệu (gồm số chờ duyệt); đường gạch: lộ trình từ giá trị gốc đến mục tiêu; chấm: dự báo theo xu hướng; vạch dọc: sáp nhập 01/07/2025
          (địa giới tỉnh thay đổi, chuỗi số liệu không nối qua vạch).
        </p>
        <div className="mt-2 overflow-x-auto">
          <ServerChart model={model} />
        </div>
        <p className="mt-1 text-sm text-slate-700">{model.summary}</p>
        <p className="mt-1 text-sm text-slate-700" data-baseline={row.baseline?.origin ?? "NONE"}>
          {baselineText(row.baseline, (v) => (ind.kind === "CHANGE_VS_BASELINE" ? formatNumber(v, "vi") : valueText(ind, v)), "vi")}
        </p>
        <ul className="mt-2 space-y-1 text-sm">
          {row.goals.map((g) => (
            <li key={g.year} data-goal={g.year}>
              Mục tiêu {g.year}: {g.goal.assessment ? <StatusBadge status={g.goal.assessment.status} /> : "định tính"}
              {goalLines(row.overview, g.goal, "vi", { gap: true }).map((l) => (
                <span key={l.kind} className="block text-slate-700" data-line={l.kind}>
                  {l.text}
                </span>
              ))}
              {g.goal.assessment?.requiredQuarterlyGain != null && (
                <span className="block text-slate-700" data-line="required">
                  Cần thay đổi mỗi quý: {deltaText(ind, g.goal.assessment.requiredQuarterlyGain)}
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>

      {breakdown && (
        <section aria-labelledby="phan-to-tieu-de" className="mt-8">
          <h2 id="phan-to-tieu-de" className="text-xl font-semibold">
            Theo đơn vị hành chính
          </h2>
          {!ctx.print && <BoundarySwitch path={path} params={p} current={ctx.boundaryKey} />}
          {!ctx.print && <QuarterForm path={path} params={p} quarters={ctx.quarters} selected={ctx.quarterKey} keep={["ranh-gioi", "don-vi", "linh-vuc"]} />}
          <p className="mt-3 text-sm">
            Địa giới: <strong>{BOUNDARY_LABELS[ctx.boundaryKey]}</strong>. {district ? `${district}: ` : "Toàn tỉnh: "}
            <span className="font-semibold tabular-nums" data-total>
              {valueText(ind, breakdown.total.current?.value)}
            </span>{" "}
            · {breakdown.total.current ? <Coverage reported={breakdown.total.current.reported} expected={breakdown.total.current.expected} /> : "chưa có đơn vị phải báo cáo"}
            {breakdown.total.current && <SubmittedMark count={breakdown.total.current.submitted} />}
          </p>
          {ctx.boundaryKey === "sau" && !district && breakdown.total.series.length > 0 && (
            <div className="table-scroll mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-labelledby="tong-dia-gioi-moi" tabIndex={0}>
              <table className="w-full border-collapse text-left text-sm" data-table="tong-dia-gioi-moi">
                <caption id="tong-dia-gioi-moi" className="px-3 py-2 text-left font-medium">
                  Toàn tỉnh trên địa giới hiện nay, liên tục qua sáp nhập (trước 01/07/2025: cộng các đơn vị cũ hợp thành, mỗi đơn vị một lần)
                </caption>
                <thead>
                  <tr className="border-b border-slate-300 text-slate-700">
                    <th scope="col" className="px-3 py-2">Quý</th>
                    <th scope="col" className="px-3 py-2">Giá trị</th>
                    <th scope="col" className="px-3 py-2">Báo cáo</th>
                  </tr>
                </thead>
                <tbody>
                  {breakdown.total.series.map((pt) => (
                    <tr key={pt.quarter} className="border-b border-slate-100">
                      <th scope="row" className="px-3 py-1 font-normal">
                        {quarterText(pt.quarter)}
                        {pt.quarter === "2025-Q3" && <span className="ml-1 text-xs text-slate-600">(sau sáp nhập)</span>}
                      </th>
                      <td className="px-3 py-1 tabular-nums">{valueText(ind, pt.value)}</td>
                      <td className="px-3 py-1">
                        <Coverage reported={pt.reported} expected={pt.expected} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {breakdown.quarterAfterBoundaries && (
            <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm" role="note">
              {quarterText(breakdown.quarter)} sau ngày 01/07/2025: các xã mới không thể tách ngược về huyện, xã cũ. Chọn địa giới «{BOUNDARY_LABELS.sau}» để xem số
              liệu quý này.
            </p>
          )}
          {ctx.boundaryKey === "sau" && breakdown.units.some((u) => u.hasPartialPredecessor) && (
            <p className="mt-2 text-sm text-slate-700">
              Các quý trước 01/07/2025 được tính từ các đơn vị cũ hợp thành mỗi xã mới; <PartialMark /> nghĩa là một đơn vị cũ chỉ nhập một phần vào xã mới (số liệu
              của nó được tính đủ cho mỗi xã nhận, nên là lịch sử tham khảo, không phải tổng chính xác). Tổng toàn tỉnh tính mỗi đơn vị cũ một lần.
            </p>
          )}
          {!ctx.print && (
            <Toolbar
              exportHref={`/theo-doi/xuat${dashboardQuery(p, { bang: "phan-to", "chi-tieu": code })}`}
              printHref={`${path}${dashboardQuery(p, { "ban-in": "1" })}`}
            />
          )}
          <BreakdownControls total={breakdown.units.length} shown={sorted.length} params={p} path={path} print={ctx.print} />
          <BreakdownUnitsTable
            breakdown={{ indicator: ind, level: breakdown.level, quarter: breakdown.quarter, previousQuarter: breakdown.previousQuarter }}
            rows={sorted}
            params={p}
            path={path}
            print={ctx.print}
          />

          <h3 className="mt-8 text-lg font-semibold">Xếp hạng {quarterText(breakdown.quarter)}</h3>
          <RankingChart indicator={breakdown.indicator} quarter={breakdown.quarter} ranking={rankUnits(breakdown.units)} />

          <h3 className="mt-8 text-lg font-semibold">Thay đổi nhiều nhất so với {quarterText(breakdown.previousQuarter)}</h3>
          <div className="mt-2 grid gap-4 md:grid-cols-2">
            {(
              [
                ["Tăng nhiều nhất", breakdown.movers.up],
                ["Giảm nhiều nhất", breakdown.movers.down],
              ] as const
            ).map(([title, list]) => (
              <div key={title}>
                <h4 className="font-medium">{title}</h4>
                {list.length === 0 ? (
                  <p className="text-sm text-slate-700">Không có đơn vị nào.</p>
                ) : (
                  <ol className="mt-1 list-decimal pl-5 text-sm" data-movers={title === "Tăng nhiều nhất" ? "up" : "down"}>
                    {list.map((u) => (
                      <li key={u.id}>
                        {u.name}: {valueText(ind, u.previous?.value)} → {valueText(ind, u.current?.value)} ({deltaText(ind, u.delta)})
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            ))}
          </div>
        </section>
      )}
      {!hasBreakdown && <p className="mt-8 text-slate-700">Chỉ tiêu này do cấp tỉnh báo cáo, không có số liệu theo huyện, xã.</p>}
    </>
  );
});

export default StaticStaffPage;

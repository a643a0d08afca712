/**
 * /theo-doi/day-du, who has reported: a Pages Router page without JavaScript (ADR 035) — the
 * heatmap is a table, paging and the boundary switch are links and GET forms. Rendered whole on
 * the server, in the staff shell, per request.
 */
import { DemoNotice } from "@/components/demo-notice";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { CompletenessHeatmap } from "@/components/dashboard/heatmap";
import { BoundarySwitch, Pager, QuarterForm, quarterText, Toolbar } from "@/components/dashboard/parts";
import { NoPermission } from "@/components/app-shell/no-permission";
import { prisma } from "@/lib/db";
import { dashboardContextFor } from "@/lib/dashboard-context";
import { staticStaffProps } from "@/components/app-shell/static-staff-props";
import { StaticStaffPage } from "@/components/app-shell/static-staff-page";
import { loadHasDemoData } from "@/lib/data/dashboard";
import { COMPLETENESS_LABELS, completenessState, loadCompleteness } from "@/lib/data/dashboard-completeness";
import { formatDate, formatNumber, formatPercent } from "@/lib/format/number";
import { BOUNDARY_LABELS, dashboardQuery, pageOf } from "@/lib/validations/dashboard";

const share = (r: number, e: number) => (e === 0 ? "—" : formatPercent((r * 100) / e, "vi", 0));

// No script at all, not even __NEXT_DATA__ (ADR 035).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getServerSideProps = staticStaffProps("Tình hình báo cáo — Bảng điều hành", async ({ actor, query }) => {
  const path = "/theo-doi/day-du";
  const ctx = await dashboardContextFor(actor, query);
  if (!ctx.allowed) return <NoPermission what="xem bảng điều hành" />;
  const [c, hasDemoData] = await Promise.all([
    loadCompleteness(prisma, { provinceCode: ctx.provinceCode, boundary: ctx.boundary, quarter: ctx.quarter, parentId: ctx.params["don-vi"] ?? null }),
    loadHasDemoData(prisma),
  ]);
  const p = { ...ctx.params, ky: ctx.quarterKey, "ranh-gioi": ctx.boundaryKey };
  const district = ctx.params["don-vi"] ? c.units.find((u) => !u.isProvince)?.parentName : null;
  const allUnits = c.units.filter((u) => !u.isProvince || !district);
  // Pages of 20 units (issue #16, item 12: the page was 659 kB with the 92 communes of today × 8 quarters); the print view has them all.
  const { page, pages, items: units, from } = pageOf(allUnits, ctx.params.trang, ctx.print);
  const pageNote =
    pages > 1 ? ` Đơn vị ${formatNumber(from + 1, "vi")}–${formatNumber(from + units.length, "vi")} trong ${formatNumber(allUnits.length, "vi")} (trang ${page}/${pages}).` : "";
  return (
    <>
      {hasDemoData && <DemoNotice />}
      <DashboardHeader current={path} params={p} title={`Tình hình báo cáo ${quarterText(c.quarter)}${district ? ` — ${district}` : ""}`} print={ctx.print} />
      <p className="mt-2 max-w-3xl text-slate-700">
        Đã báo cáo: số liệu đã gửi (chờ duyệt hoặc đã duyệt). Trễ hạn: gửi sau hạn
        {c.deadline ? ` ${formatDate(new Date(c.deadline), "vi")}` : ""}. Thiếu: phải báo cáo nhưng chưa gửi.
      </p>
      {!ctx.print && <BoundarySwitch path={path} params={p} current={ctx.boundaryKey} />}
      {!ctx.print && <QuarterForm path={path} params={p} quarters={ctx.quarters} selected={ctx.quarterKey} keep={["ranh-gioi", "don-vi"]} />}
      {!ctx.print && (
        <Toolbar exportHref={`/theo-doi/xuat${dashboardQuery(p, { bang: "day-du" })}`} printHref={`${path}${dashboardQuery(p, { "ban-in": "1" })}`} />
      )}
      <p className="mt-4 text-sm" data-total={`${c.total.reported}/${c.total.expected}`}>
        Toàn tỉnh ({BOUNDARY_LABELS[ctx.boundaryKey]}): <strong>{formatNumber(c.total.reported, "vi")}</strong> / {formatNumber(c.total.expected, "vi")} số liệu (
        {share(c.total.reported, c.total.expected)}), {formatNumber(c.total.late, "vi")} trễ hạn, {formatNumber(c.total.submitted, "vi")} chờ duyệt.
      </p>
      {district && (
        <p className="mt-1 text-sm">
          <a href={`${path}${dashboardQuery(p, { "don-vi": undefined, trang: undefined })}`} className="text-brand-700 underline">
            ← Toàn tỉnh
          </a>
        </p>
      )}

      <section aria-labelledby="theo-so" className="mt-6">
        <h2 id="theo-so" className="text-xl font-semibold">
          Theo sở, ngành phụ trách
        </h2>
        <div className="table-scroll mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-labelledby="theo-so-bang" tabIndex={0}>
          <table className="w-full border-collapse text-left text-sm" data-table="theo-so">
            <caption id="theo-so-bang" className="px-3 py-2 text-left font-medium">
              Số liệu {quarterText(c.quarter)} theo đơn vị phụ trách chỉ tiêu
            </caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="px-3 py-2">Sở, ngành / chỉ tiêu</th>
                <th scope="col" className="px-3 py-2">Đã báo cáo</th>
                <th scope="col" className="px-3 py-2">Phải báo cáo</th>
                <th scope="col" className="px-3 py-2">Trễ hạn</th>
                <th scope="col" className="px-3 py-2">Chờ duyệt</th>
                <th scope="col" className="px-3 py-2">Còn thiếu</th>
              </tr>
            </thead>
            <tbody>
              {c.departments.flatMap((d) => [
                <tr key={`d${d.id}`} className="border-b border-slate-200 bg-slate-50 font-medium" data-department={d.id}>
                  <th scope="row" className="min-w-40 px-3 py-1.5 md:min-w-0">{d.nameVi}</th>
                  <td className="px-3 py-1.5 tabular-nums">{formatNumber(d.reported, "vi")} ({share(d.reported, d.expected)})</td>
                  <td className="px-3 py-1.5 tabular-nums">{formatNumber(d.expected, "vi")}</td>
                  <td className="px-3 py-1.5 tabular-nums">{formatNumber(d.late, "vi")}</td>
                  <td className="px-3 py-1.5 tabular-nums">{formatNumber(d.submitted, "vi")}</td>
                  <td className="px-3 py-1.5 tabular-nums">{formatNumber(d.missing, "vi")}</td>
                </tr>,
                ...d.indicators.map((i) => (
                  <tr key={`i${i.code}`} className="border-b border-slate-100">
                    <th scope="row" className="min-w-40 px-3 py-1 pl-6 font-normal md:min-w-0">{i.nameVi}</th>
                    <td className="px-3 py-1 tabular-nums">{formatNumber(i.reported, "vi")}</td>
                    <td className="px-3 py-1 tabular-nums">{formatNumber(i.expected, "vi")}</td>
                    <td className="px-3 py-1 tabular-nums">{formatNumber(i.late, "vi")}</td>
                    <td className="px-3 py-1 tabular-nums">{formatNumber(i.submitted, "vi")}</td>
                    <td className="px-3 py-1 tabular-nums">{formatNumber(i.missing, "vi")}</td>
                  </tr>
                )),
              ])}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="theo-don-vi" className="mt-8">
        <h2 id="theo-don-vi" className="text-xl font-semibold">
          Theo đơn vị hành chính
        </h2>
        {pages > 1 && (
          <p className="mt-1 text-sm text-slate-700" data-page={`${page}/${pages}`}>
            {pageNote.trim()} Bản đồ nhiệt bên dưới theo cùng trang; bản in và tệp Excel có đủ các đơn vị.
          </p>
        )}
        <Pager path={path} params={p} page={page} pages={pages} label="Trang của bảng đơn vị" anchor="theo-don-vi" />
        <div className="table-scroll mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-labelledby="theo-don-vi-bang" tabIndex={0}>
          <table className="w-full border-collapse text-left text-sm" data-table="day-du">
            <caption id="theo-don-vi-bang" className="px-3 py-2 text-left font-medium">
              Số liệu {quarterText(c.quarter)} theo đơn vị{pageNote}
            </caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="px-3 py-2">Đơn vị</th>
                <th scope="col" className="px-3 py-2">Tình trạng</th>
                <th scope="col" className="px-3 py-2">Đã báo cáo</th>
                <th scope="col" className="px-3 py-2">Phải báo cáo</th>
                <th scope="col" className="px-3 py-2">Trễ hạn</th>
                <th scope="col" className="px-3 py-2">Chờ duyệt</th>
                <th scope="col" className="px-3 py-2">Còn thiếu</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.id} className="border-b border-slate-100" data-unit={u.code}>
                  <th scope="row" className="min-w-32 px-3 py-1 font-normal md:min-w-0">
                    {u.name}
                    {u.isProvince && <span className="block text-xs text-slate-600">chỉ tiêu do tỉnh báo cáo</span>}
                  </th>
                  <td className="px-3 py-1" data-cell="state">
                    {COMPLETENESS_LABELS[completenessState(u.current)]}
                  </td>
                  <td className="px-3 py-1 tabular-nums">{formatNumber(u.current.reported, "vi")}</td>
                  <td className="px-3 py-1 tabular-nums">{formatNumber(u.current.expected, "vi")}</td>
                  <td className="px-3 py-1 tabular-nums">{formatNumber(u.current.late, "vi")}</td>
                  <td className="px-3 py-1 tabular-nums">{formatNumber(u.current.submitted, "vi")}</td>
                  <td className="px-3 py-1 tabular-nums">{formatNumber(Math.max(0, u.current.expected - u.current.reported), "vi")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="ban-do" className="mt-8">
        <h2 id="ban-do" className="text-xl font-semibold">
          Bản đồ nhiệt: đơn vị × quý
        </h2>
        {pages > 1 && <p className="mt-1 text-sm text-slate-700">{pageNote.trim()}</p>}
        <CompletenessHeatmap
          units={units}
          quarters={c.quarters}
          drill={(u) => (u.level === "DISTRICT" ? `${path}${dashboardQuery(p, { "don-vi": u.id, trang: undefined })}` : null)}
        />
        <Pager path={path} params={p} page={page} pages={pages} label="Trang của bản đồ nhiệt" anchor="ban-do" />
      </section>
    </>
  );
});

export default StaticStaffPage;

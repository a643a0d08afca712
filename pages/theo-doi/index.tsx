/**
 * /theo-doi, the dashboard's overview: a Pages Router page without JavaScript (ADR 035) —
 * filters are GET forms, sorting and quick views are links, the table is a table. Rendered
 * whole on the server, in the staff shell, per request (signed in, `private, no-store`).
 */
import { DemoNotice } from "@/components/demo-notice";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { overviewCountNote } from "@/components/dashboard/count-note";
import { quarterText, Toolbar } from "@/components/dashboard/parts";
import { NoPermission } from "@/components/app-shell/no-permission";
import { GoalStatusSummary } from "@/components/goal-status-summary";
import { OverviewTable } from "@/components/dashboard/overview-table";
import { prisma } from "@/lib/db";
import { dashboardContextFor } from "@/lib/dashboard-context";
import { staticStaffProps } from "@/components/app-shell/static-staff-props";
import { StaticStaffPage } from "@/components/app-shell/static-staff-page";
import { BEHIND_STATUSES, filterOverviewRows, groupByDepartment, loadDashboardOverview, sortOverviewByStatus, statusCounts } from "@/lib/data/dashboard";
import { getDictionary } from "@/lib/i18n/dictionary";
import { STATUS_LABELS } from "@/lib/progress/progress";
import { GROUP_ORDER, goalStatusCounts } from "@/lib/progress/target-overview";
import { dashboardQuery, DASHBOARD_STATUSES, statusList } from "@/lib/validations/dashboard";
import { programmeFilter } from "@/lib/data/programmes";
import { PROGRAMME_STATUS_LABELS } from "@/lib/validations/admin-programmes";

// No script at all, not even __NEXT_DATA__ (ADR 035).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getServerSideProps = staticStaffProps("Bảng điều hành", async ({ actor, query }) => {
  const ctx = await dashboardContextFor(actor, query);
  if (!ctx.allowed) return <NoPermission what="xem bảng điều hành" />;
  const programme = await programmeFilter(prisma, ctx.params["chuong-trinh"]);
  const overview = await loadDashboardOverview(prisma, { provinceCode: ctx.provinceCode, asOf: ctx.quarter, programmeId: programme.chosen?.id ?? null });
  const statuses = statusList(ctx.params["trang-thai"]);
  const filters = { group: ctx.params.nhom, status: statuses, department: ctx.params["co-quan"] };
  const filtered = filterOverviewRows(overview.rows, filters);
  const rows = ctx.params["sap-xep"] === "trang-thai" ? sortOverviewByStatus(filtered, ctx.params.chieu === "giam") : filtered;
  const byDepartment = ctx.params["nhom-theo"] === "co-quan";
  const departments = [...new Map(overview.rows.flatMap((r) => (r.department ? [[r.department.id, r.department] as const] : []))).values()].sort((a, b) =>
    a.nameVi.localeCompare(b.nameVi, "vi"),
  );
  const behindHref = `/theo-doi${dashboardQuery({ ky: ctx.params.ky, "chuong-trinh": ctx.params["chuong-trinh"] }, { "trang-thai": BEHIND_STATUSES.join(","), "nhom-theo": "co-quan", "sap-xep": "trang-thai" })}`;
  const counts = statusCounts(overview.rows);
  const goals = goalStatusCounts(overview.rows.map((r) => r.overview));
  const t = getDictionary("vi");
  const params = ctx.params;
  return (
    <>
      {overview.hasDemoData && <DemoNotice />}
      <DashboardHeader current="/theo-doi" params={params} title="Bảng điều hành: tiến độ các chỉ tiêu" print={ctx.print} />
      <p className="mt-2 max-w-3xl text-slate-700">
        Số liệu toàn tỉnh đến {quarterText(ctx.quarterKey)}, tính trực tiếp từ số liệu đã duyệt và <strong>đang chờ duyệt</strong> (đánh dấu ⏳; trang
        công khai chỉ hiện số liệu đã duyệt). Trạng thái và dự báo chỉ dựa trên các quý đã được duyệt hết: quý còn số liệu chờ duyệt
        được hiển thị nhưng chưa được dùng để đánh giá. Tỷ lệ cộng dồn là Σ tử số / Σ mẫu số; cột «Báo cáo» cho biết bao nhiêu đơn vị đã có số liệu.
      </p>
      <section aria-labelledby="tom-tat-muc-tieu" className="mt-4">
        <h2 id="tom-tat-muc-tieu" className="sr-only">
          Tóm tắt theo mục tiêu
        </h2>
        <GoalStatusSummary counts={goals} locale="vi" testId="goal-summary" />
        <p className="mt-2 max-w-3xl text-sm text-slate-700" data-testid="count-note">
          {overviewCountNote(goals, overview.rows.length)}
        </p>
      </section>
      {!ctx.print && (
        <form method="get" action="/theo-doi" className="print-hidden mt-4 flex flex-wrap items-end gap-3" aria-label="Lọc chỉ tiêu">
          <div>
            <label htmlFor="ky" className="block text-sm font-medium">
              Quý
            </label>
            <select id="ky" name="ky" defaultValue={ctx.quarterKey} className="mt-1 max-w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm">
              {[...ctx.quarters].reverse().map((q) => (
                <option key={q} value={q}>
                  {quarterText(q)}
                </option>
              ))}
            </select>
          </div>
          {programme.programmes.length > 1 && (
            <div>
              <label htmlFor="chuong-trinh" className="block text-sm font-medium">
                Chương trình
              </label>
              <select
                id="chuong-trinh"
                name="chuong-trinh"
                defaultValue={programme.chosen?.slug ?? ""}
                className="mt-1 max-w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm"
              >
                <option value="">Mọi chương trình của tỉnh</option>
                {programme.programmes.map((p) => (
                  <option key={p.id} value={p.slug}>
                    {p.code} ({PROGRAMME_STATUS_LABELS[p.status].toLowerCase()})
                  </option>
                ))}
              </select>
            </div>
          )}
          <div>
            <label htmlFor="nhom" className="block text-sm font-medium">
              Nhóm chỉ tiêu
            </label>
            <select id="nhom" name="nhom" defaultValue={params.nhom ?? ""} className="mt-1 max-w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm">
              <option value="">Tất cả các nhóm</option>
              {GROUP_ORDER.map((g) => (
                <option key={g} value={g}>
                  {t.groups[g]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="co-quan" className="block text-sm font-medium">
              Cơ quan phụ trách
            </label>
            <select id="co-quan" name="co-quan" defaultValue={params["co-quan"] ?? ""} className="mt-1 max-w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm">
              <option value="">Mọi cơ quan</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.nameVi}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="basis-full">
            <legend className="text-sm font-medium">Trạng thái (chọn một hoặc nhiều)</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {DASHBOARD_STATUSES.map((s) => (
                <label key={s} className="inline-flex items-center gap-1">
                  <input type="checkbox" name="trang-thai" value={s} defaultChecked={statuses.includes(s)} />
                  {STATUS_LABELS[s].vi} ({counts[s]})
                </label>
              ))}
            </div>
          </fieldset>
          <label className="inline-flex items-center gap-1 text-sm">
            <input type="checkbox" name="nhom-theo" value="co-quan" defaultChecked={byDepartment} />
            Nhóm theo cơ quan phụ trách
          </label>
          <label className="inline-flex items-center gap-1 text-sm">
            <input type="checkbox" name="sap-xep" value="trang-thai" defaultChecked={params["sap-xep"] === "trang-thai"} />
            Xếp theo trạng thái (chậm nhất trước)
          </label>
          <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
            Lọc
          </button>
          {(params.nhom || params["trang-thai"] || params["co-quan"] || byDepartment || params["sap-xep"] || programme.chosen) && (
            <a href={`/theo-doi${dashboardQuery({ ky: params.ky })}`} className="py-1.5 text-sm text-brand-700 underline">
              Bỏ lọc
            </a>
          )}
        </form>
      )}
      {!ctx.print && (
        <nav aria-label="Xem nhanh" className="print-hidden mt-3 flex flex-wrap items-center gap-2 text-sm">
          <a href={behindHref} className="rounded border border-red-700 px-2 py-1 font-medium text-red-800 hover:bg-red-50" data-quick="behind">
            Chỉ tiêu chậm, theo cơ quan phụ trách
          </a>
          {DASHBOARD_STATUSES.filter((s) => counts[s] > 0).map((s) => (
            <a
              key={s}
              href={`/theo-doi${dashboardQuery({ ky: params.ky, "chuong-trinh": params["chuong-trinh"], nhom: params.nhom, "co-quan": params["co-quan"], "nhom-theo": params["nhom-theo"] }, { "trang-thai": s })}`}
              className="rounded border border-slate-300 px-2 py-1 text-slate-800 hover:bg-slate-100"
              aria-current={params["trang-thai"] === s ? "true" : undefined}
            >
              {STATUS_LABELS[s].vi}: {counts[s]}
            </a>
          ))}
        </nav>
      )}
      {!ctx.print && (
        <Toolbar
          exportHref={`/theo-doi/xuat${dashboardQuery({ ...params, ky: ctx.quarterKey }, { bang: "tong-quan" })}`}
          printHref={`/theo-doi${dashboardQuery(params, { "ban-in": "1" })}`}
        />
      )}
      <p className="mt-4 text-sm" role="status">
        {rows.length === overview.rows.length ? `${rows.length} chỉ tiêu.` : `${rows.length} trong ${overview.rows.length} chỉ tiêu khớp bộ lọc.`}
        {overview.includesSubmitted && " Có số liệu chờ duyệt trong các giá trị hiển thị (chưa dùng để đánh giá trạng thái)."}
      </p>
      {rows.length > 0 ? (
        <OverviewTable groups={byDepartment ? groupByDepartment(rows) : [{ department: null, rows }]} quarter={ctx.quarterKey} byDepartment={byDepartment} />
      ) : (
        <p className="mt-4">Không có chỉ tiêu nào khớp bộ lọc đã chọn.</p>
      )}
    </>
  );
});

export default StaticStaffPage;

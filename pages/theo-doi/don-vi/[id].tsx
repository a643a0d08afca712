/**
 * /theo-doi/don-vi/[id], one unit's history for an indicator: a Pages Router page without
 * JavaScript (ADR 035). Rendered whole on the server, in the staff shell, per request.
 */
import { DemoNotice } from "@/components/demo-notice";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { PartialMark, quarterText, SubmittedMark, valueText } from "@/components/dashboard/parts";
import { StatusBadge } from "@/components/status-badge";
import { unitUnassessableText } from "@/lib/i18n/goal-lines";
import { NoPermission } from "@/components/app-shell/no-permission";
import { prisma } from "@/lib/db";
import { dashboardContextFor } from "@/lib/dashboard-context";
import { staticStaffProps } from "@/components/app-shell/static-staff-props";
import { StaticStaffPage } from "@/components/app-shell/static-staff-page";
import { loadDashboardReference } from "@/lib/data/dashboard";
import { loadUnitHistory, type BreakdownUnitRow } from "@/lib/data/dashboard-indicator";
import { formatDate } from "@/lib/format/number";
import { dashboardQuery } from "@/lib/validations/dashboard";

function SeriesTable({ row, indicator, caption }: { row: BreakdownUnitRow; indicator: Parameters<typeof valueText>[0]; caption: string }) {
  return (
    <div className="table-scroll mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse text-left text-sm" data-series={row.code}>
        <caption className="px-3 py-2 text-left font-medium">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            <th scope="col" className="px-3 py-2">Quý</th>
            <th scope="col" className="px-3 py-2">Giá trị</th>
          </tr>
        </thead>
        <tbody>
          {row.series.length === 0 ? (
            <tr>
              <td colSpan={2} className="px-3 py-2 text-slate-700">
                Chưa có số liệu.
              </td>
            </tr>
          ) : (
            row.series.map((p) => (
              <tr key={p.quarter} className="border-b border-slate-100">
                <th scope="row" className="px-3 py-1 font-normal">
                  {quarterText(p.quarter)}
                </th>
                <td className="px-3 py-1 tabular-nums">
                  {valueText(indicator, p.value)}
                  <SubmittedMark count={p.submitted} />
                  {p.partial && <PartialMark />}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

// No script at all, not even __NEXT_DATA__ (ADR 035).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getServerSideProps = staticStaffProps("Đơn vị — Bảng điều hành", async ({ actor, query, params }) => {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const path = `/theo-doi/don-vi/${id}`;
  const ctx = await dashboardContextFor(actor, query);
  if (!ctx.allowed) return <NoPermission what="xem bảng điều hành" />;
  const raw = query["chi-tieu"];
  const ref = await loadDashboardReference(prisma);
  const subLevel = ref.indicators.filter((i) => i.levels.some((l) => l !== "PROVINCE"));
  const code = typeof raw === "string" && subLevel.some((i) => i.code === raw) ? raw : subLevel[0]?.code;
  if (!code) return null;
  const history = await loadUnitHistory(prisma, { unitId: id, indicatorCode: code, quarter: ctx.quarter });
  if (!history || !history.own) return null;
  const { unit, own, indicator } = history;
  const back = `/theo-doi/chi-tieu/${code}${dashboardQuery(
    { ky: ctx.quarterKey, "ranh-gioi": unit.validTo ? "truoc" : "sau" },
    { "don-vi": unit.parentId ?? undefined },
  )}`;
  return (
    <>
      {ref.hasDemoData && <DemoNotice />}
      <nav aria-label="Vị trí" className="print-hidden text-sm">
        <ol className="flex flex-wrap gap-1 text-slate-700">
          <li>
            <a href={`/theo-doi${dashboardQuery({ ky: ctx.quarterKey })}`} className="inline-block py-1 text-brand-700 underline underline-offset-2">
              Bảng điều hành
            </a>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <a href={back} className="inline-block py-1 text-brand-700 underline underline-offset-2">
              {indicator.nameVi}
              {unit.parentName ? ` — ${unit.parentName}` : ""}
            </a>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{unit.name}</li>
        </ol>
      </nav>
      <DashboardHeader current={path} params={ctx.params} title={unit.name} print={ctx.print} />
      <p className="mt-1 text-sm text-slate-700">
        {unit.type} · mã {unit.code} · hiệu lực từ {formatDate(new Date(unit.validFrom), "vi")}
        {unit.validTo ? ` đến ${formatDate(new Date(unit.validTo), "vi")}` : ""}
        {unit.parentName ? ` · thuộc ${unit.parentName}` : ""}
      </p>
      <form method="get" action={path} className="print-hidden mt-4 flex flex-wrap items-end gap-2">
        <input type="hidden" name="ky" value={ctx.quarterKey} />
        <div className="max-w-full min-w-0">
          <label htmlFor="chi-tieu" className="block text-sm font-medium">
            Chỉ tiêu
          </label>
          <select id="chi-tieu" name="chi-tieu" defaultValue={code} className="mt-1 max-w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm">
            {subLevel.map((i) => (
              <option key={i.code} value={i.code}>
                {i.nameVi}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
          Xem
        </button>
      </form>
      <p className="mt-4 text-sm">
        {quarterText(ctx.quarterKey)}: <strong className="tabular-nums">{valueText(indicator, own.current?.value)}</strong>{" "}
        {own.status && <StatusBadge status={own.status} />}
        {own.unassessable && (
          <span className="block text-slate-700" data-line="reason">
            {unitUnassessableText(own.unassessable, "vi")}
          </span>
        )}
      </p>
      <SeriesTable
        row={own}
        indicator={indicator}
        caption={`${indicator.nameVi} — ${unit.name}${history.predecessors.length > 0 ? " (trước 01/07/2025: cộng từ các đơn vị cũ)" : ""}`}
      />
      {history.predecessors.length > 0 && (
        <section aria-labelledby="don-vi-cu" className="mt-8">
          <h2 id="don-vi-cu" className="text-xl font-semibold">
            Hình thành từ các đơn vị cũ (01/07/2025)
          </h2>
          <ul className="mt-2 space-y-6">
            {history.predecessors.map((p) => (
              <li key={p.row.id} data-predecessor={p.row.code} data-kind={p.kind}>
                <p className="font-medium">
                  {p.row.name} ({p.row.parentName ? `${p.row.parentName}, ` : ""}
                  {p.provinceName}) —{" "}
                  {p.kind === "PARTIAL" ? (
                    <span className="rounded bg-violet-100 px-1.5 text-sm text-violet-950 ring-1 ring-violet-700/30">
                      <span aria-hidden="true">◐ </span>chỉ một phần nhập vào {unit.name}
                    </span>
                  ) : (
                    <span className="text-sm">nhập toàn bộ</span>
                  )}
                </p>
                <SeriesTable row={p.row} indicator={indicator} caption={`${indicator.nameVi} — ${p.row.name}`} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {history.successors.length > 0 && (
        <section aria-labelledby="don-vi-moi" className="mt-8">
          <h2 id="don-vi-moi" className="text-xl font-semibold">
            Từ 01/07/2025 thuộc về
          </h2>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {history.successors.map((s) => (
              <li key={s.id}>
                <a href={`/theo-doi/don-vi/${s.id}${dashboardQuery({ ky: ctx.quarterKey }, { "chi-tieu": code })}`} className="text-brand-700 underline">
                  {s.name}
                </a>{" "}
                ({s.kind === "PARTIAL" ? "một phần" : "toàn bộ"})
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
});

export default StaticStaffPage;

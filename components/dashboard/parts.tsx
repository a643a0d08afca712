/**
 * Small pieces shared by the dashboard pages: values in words, coverage next to
 * every rolled-up figure, the "awaiting approval" mark, the boundary switch, the
 * quarter form and the toolbar (export, print). Server components; every control
 * is a plain link or GET form, so it all works without JavaScript.
 */
import type { DashboardIndicator } from "@/lib/data/dashboard";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { formatGap, formatIndicatorValue } from "@/lib/i18n/indicator-format";
import { formatQuarter, parseQuarter } from "@/lib/period/quarter";
import { BOUNDARIES, BOUNDARY_LABELS, dashboardQuery, type BoundaryKey, type DashboardParams } from "@/lib/validations/dashboard";

export const quarterText = (key: string) => formatQuarter(parseQuarter(key)!, "vi");

export function valueText(indicator: Pick<DashboardIndicator, "kind" | "unitVi" | "unitEn">, value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : formatIndicatorValue(indicator, value, "vi");
}

/** A difference (a change between quarters, a gain per quarter) with its unit and sign: "+1,25 điểm %", "−2 hạng" (formatGap). */
export function deltaText(indicator: Pick<DashboardIndicator, "kind" | "unitVi" | "unitEn">, delta: number | null): string {
  return delta === null ? "—" : formatGap(indicator, delta, "vi");
}

export function Coverage({ reported, expected }: { reported: number; expected: number }) {
  const share = expected === 0 ? "—" : formatPercent((reported * 100) / expected, "vi", 0);
  return (
    <span className="whitespace-nowrap tabular-nums" data-coverage={`${reported}/${expected}`}>
      {formatNumber(reported, "vi")}/{formatNumber(expected, "vi")} đơn vị ({share})
    </span>
  );
}

export function SubmittedMark({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="ml-1 inline-block rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-950 ring-1 ring-amber-700/30" data-submitted={count}>
      <span aria-hidden="true">⏳ </span>gồm {formatNumber(count, "vi")} số liệu chờ duyệt
    </span>
  );
}

export function PartialMark() {
  return (
    <span className="ml-1 inline-block rounded bg-violet-100 px-1.5 text-xs font-medium text-violet-950 ring-1 ring-violet-700/30" data-partial>
      <span aria-hidden="true">◐ </span>có đơn vị cũ chỉ nhập một phần
    </span>
  );
}

export function BoundarySwitch({ path, params, current }: { path: string; params: DashboardParams; current: BoundaryKey }) {
  return (
    <nav aria-label="Địa giới hành chính" className="print-hidden mt-4">
      <p className="text-sm font-medium">Địa giới hành chính:</p>
      <ul className="mt-1 flex flex-wrap gap-2">
        {(Object.keys(BOUNDARIES) as BoundaryKey[]).map((key) => (
          <li key={key}>
            <a
              href={`${path}${dashboardQuery(params, { "ranh-gioi": key, "don-vi": undefined, trang: undefined })}`}
              aria-current={key === current ? "true" : undefined}
              data-boundary={key}
              className={`inline-block rounded border px-3 py-1.5 text-sm ${
                key === current ? "border-brand-700 bg-brand-700 font-semibold text-white" : "border-slate-400 bg-white text-brand-800 hover:bg-slate-50"
              }`}
            >
              {key === current && <span aria-hidden="true">✓ </span>}
              {BOUNDARY_LABELS[key]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A GET form with the quarter (and any extra fields), keeping the other params as hidden inputs. */
export function QuarterForm({
  path,
  params,
  quarters,
  selected,
  children,
  keep = [],
}: {
  path: string;
  params: DashboardParams;
  quarters: readonly string[];
  selected: string;
  children?: React.ReactNode;
  keep?: (keyof DashboardParams)[];
}) {
  return (
    <form method="get" action={path} className="print-hidden mt-4 flex flex-wrap items-end gap-3">
      {keep.map((k) => (params[k] === undefined ? null : <input key={k} type="hidden" name={k} value={String(params[k])} />))}
      <div>
        <label htmlFor="ky" className="block text-sm font-medium">
          Quý
        </label>
        <select id="ky" name="ky" defaultValue={selected} className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5 text-sm">
          {[...quarters].reverse().map((q) => (
            <option key={q} value={q}>
              {quarterText(q)}
            </option>
          ))}
        </select>
      </div>
      {children}
      <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
        Xem
      </button>
    </form>
  );
}

export function Toolbar({ exportHref, printHref }: { exportHref: string; printHref: string }) {
  return (
    <p className="print-hidden mt-4 flex flex-wrap gap-4 text-sm">
      <a href={exportHref} className="text-brand-700 underline underline-offset-2" data-export>
        Xuất Excel (.xlsx)
      </a>
      <a href={printHref} className="text-brand-700 underline underline-offset-2">
        Bản in (A4)
      </a>
    </p>
  );
}

/** Pages of a long list: plain links with the page in the URL (`trang`), the current one marked. */
export function Pager({ path, params, page, pages, label, anchor }: { path: string; params: DashboardParams; page: number; pages: number; label: string; anchor: string }) {
  if (pages <= 1) return null;
  const href = (n: number) => `${path}${dashboardQuery(params, { trang: n === 1 ? undefined : n })}#${anchor}`;
  const link = "inline-flex min-h-8 min-w-8 items-center justify-center rounded border border-slate-400 px-2 text-brand-800 hover:bg-slate-50";
  return (
    <nav aria-label={label} className="print-hidden mt-2 text-sm" data-pager="">
      <ul className="flex flex-wrap items-center gap-1">
        {page > 1 && (
          <li>
            <a href={href(page - 1)} className={link} rel="prev">
              ← Trang trước
            </a>
          </li>
        )}
        {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
          <li key={n}>
            {n === page ? (
              <span aria-current="page" className="inline-flex min-h-8 min-w-8 items-center justify-center rounded bg-brand-700 px-2 font-semibold text-white">
                <span className="sr-only">Trang </span>
                {n}
              </span>
            ) : (
              <a href={href(n)} className={link}>
                <span className="sr-only">Trang </span>
                {n}
              </a>
            )}
          </li>
        ))}
        {page < pages && (
          <li>
            <a href={href(page + 1)} className={link} rel="next">
              Trang sau →
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export { Sparkline } from "@/components/sparkline";

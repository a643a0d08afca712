import type { EntryPeriod } from "@/lib/data/entry";
import { PERIOD_STATUS_LABELS } from "@/lib/review/figure-status";

/** A plain GET form: works without JavaScript, and the chosen quarter lands in the URL (?ky=2026-Q3). */
export function PeriodPicker({ periods, current, action = "/nhap-lieu" }: { periods: EntryPeriod[]; current: string; action?: string }) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col">
        <label htmlFor="ky" className="text-sm font-medium">
          Kỳ báo cáo
        </label>
        <select id="ky" name="ky" defaultValue={current} className="rounded border border-slate-300 bg-white px-2 py-1.5">
          {periods.map((p) => (
            <option key={p.key} value={p.key}>
              {p.label} — {PERIOD_STATUS_LABELS[p.status].toLowerCase()}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded border border-brand-700 px-3 py-1.5 text-brand-800 hover:bg-slate-100">
        Xem kỳ này
      </button>
    </form>
  );
}

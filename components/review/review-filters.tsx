import type { ReviewQueue } from "@/lib/data/review";

/** A plain GET form: the filters live in the URL (/duyet?ky=2026-Q3&don-vi=3), links are shareable. */
export function ReviewFilters({ queue }: { queue: ReviewQueue }) {
  const { periods, departments } = queue.options;
  return (
    <form method="get" action="/duyet" className="flex flex-wrap items-end gap-3" aria-label="Lọc số liệu chờ duyệt">
      <div className="flex flex-col">
        <label htmlFor="loc-ky" className="text-sm font-medium">
          Kỳ báo cáo
        </label>
        <select id="loc-ky" name="ky" defaultValue={queue.filters.periodKey ?? ""} className="rounded border border-slate-400 bg-white px-2 py-1.5">
          <option value="">Tất cả các kỳ</option>
          {periods.map((p) => (
            <option key={p.key} value={p.key}>
              {p.label} ({p.count} chờ duyệt)
            </option>
          ))}
          {queue.filters.periodKey && !periods.some((p) => p.key === queue.filters.periodKey) && (
            <option value={queue.filters.periodKey}>{queue.filters.periodKey} (0 chờ duyệt)</option>
          )}
        </select>
      </div>
      <div className="flex flex-col">
        <label htmlFor="loc-don-vi" className="text-sm font-medium">
          Cơ quan phụ trách
        </label>
        <select
          id="loc-don-vi"
          name="don-vi"
          defaultValue={queue.filters.departmentId ? String(queue.filters.departmentId) : ""}
          className="rounded border border-slate-400 bg-white px-2 py-1.5"
        >
          <option value="">Tất cả cơ quan</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.nameVi} ({d.count})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded border border-brand-700 px-3 py-1.5 text-brand-800 hover:bg-slate-100">
        Lọc
      </button>
    </form>
  );
}

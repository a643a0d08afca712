import type { OutlierFlag } from "@/lib/review/outliers";

/** Each flag carries a symbol and words: never colour alone. */
export function OutlierFlags({ flags }: { flags: OutlierFlag[] }) {
  if (flags.length === 0) return <span className="text-slate-600">Không có</span>;
  return (
    <ul className="space-y-1" data-outlier-flags={flags.length}>
      {flags.map((f) => (
        <li key={f.rule} className="flex gap-1 rounded bg-amber-50 px-1.5 py-0.5 text-amber-950 ring-1 ring-inset ring-amber-700/30" data-rule={f.rule}>
          <span aria-hidden="true">⚠</span>
          <span>{f.message}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A tiny line of the unit's approved values with the submitted one as a dot:
 * decoration for sighted readers; the same numbers are in the table beside it.
 */
export function Sparkline({ values, current, width = 96, height = 24 }: { values: number[]; current: number | null; width?: number; height?: number }) {
  const all = current === null ? values : [...values, current];
  if (all.length < 2) return null;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const pad = 3;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / (all.length - 1);
  const y = (v: number) => height - pad - ((v - min) / span) * (height - 2 * pad);
  const history = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const last = all.length - 1;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" className="overflow-visible">
      {values.length >= 2 && <polyline points={history} fill="none" stroke="#64748b" strokeWidth={1.5} />}
      {current !== null && values.length >= 1 && (
        <line x1={x(last - 1)} y1={y(values[values.length - 1]!)} x2={x(last)} y2={y(current)} stroke="#0b4f8a" strokeWidth={1.5} strokeDasharray="2 2" />
      )}
      {current !== null && <circle cx={x(last)} cy={y(current)} r={2.5} fill="#0b4f8a" />}
    </svg>
  );
}

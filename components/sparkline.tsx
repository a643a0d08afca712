/**
 * A trend in 96 × 24 px of server-rendered SVG (no script), named for screen
 * readers by `label`: the dashboard's table and the public home's cards. An
 * optional `expected` value — where the straight pace from the baseline to
 * the goal says the latest quarter should be — is drawn as a hollow diamond
 * beside the last point (issue #16, item 7), so "behind" is visible at a glance.
 */
export function Sparkline({ values, label, expected = null }: { values: number[]; label: string; expected?: number | null }) {
  if (values.length < 2) return <span className="text-slate-600">—</span>;
  const w = 96;
  const h = 24;
  const all = expected === null ? values : [...values, expected];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const x = (i: number) => 2 + (i * (w - 10)) / (values.length - 1);
  const y = (v: number) => h - 3 - ((v - min) / span) * (h - 6);
  const lastX = x(values.length - 1);
  return (
    // The name once, as aria-label: a <title> beside it would double every card's text in the cached HTML.
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} data-sparkline="">
      <polyline points={values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ")} fill="none" stroke="#0b4f8a" strokeWidth={1.5} />
      <circle cx={lastX} cy={y(values.at(-1)!)} r={2.5} fill="#0b4f8a" />
      {expected !== null && (
        <path
          data-expected={expected}
          d={`M ${(lastX + 5).toFixed(1)} ${(y(expected) - 3).toFixed(1)} l 3 3 l -3 3 l -3 -3 z`}
          fill="#ffffff"
          stroke="#92400e"
          strokeWidth={1.5}
        />
      )}
    </svg>
  );
}

/**
 * Two to five units side by side (issue #16, item 9): one line each over the
 * quarters, server-rendered SVG. Every line differs by dash pattern and marker
 * shape as well as colour (colour is never the only carrier, each stroke at
 * least 3:1 on white), the legend repeats them in HTML, and the table under
 * the chart carries every number.
 */
import { niceTicks } from "@/components/charts/series-chart-model";
import { CHART_STYLE } from "@/components/charts/chart-style";
import { formatAxisValue } from "@/lib/i18n/indicator-format";
import type { IndicatorKind } from "@/lib/progress/target-overview";

export const COMPARE_STYLES = [
  { colour: "#0b4f8a", dash: "", marker: "circle" },
  { colour: "#b45309", dash: "8 4", marker: "square" },
  { colour: "#047857", dash: "2 3", marker: "triangle" },
  { colour: "#6d28d9", dash: "10 3 2 3", marker: "diamond" },
  { colour: "#be123c", dash: "4 2", marker: "cross" },
] as const;

export interface CompareLine {
  label: string;
  points: { quarter: string; value: number | null }[];
}

function Marker({ shape, x, y, colour }: { shape: (typeof COMPARE_STYLES)[number]["marker"]; x: number; y: number; colour: string }) {
  switch (shape) {
    case "circle":
      return <circle cx={x} cy={y} r={3.5} fill={colour} />;
    case "square":
      return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} fill={colour} />;
    case "triangle":
      return <path d={`M${x} ${y - 4.5}L${x + 4.5} ${y + 3.5}L${x - 4.5} ${y + 3.5}Z`} fill={colour} />;
    case "diamond":
      return <path d={`M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`} fill={colour} />;
    case "cross":
      return <path d={`M${x - 4} ${y - 4}L${x + 4} ${y + 4}M${x + 4} ${y - 4}L${x - 4} ${y + 4}`} stroke={colour} strokeWidth={2} />;
  }
}

export function CompareChart({ quarters, lines, kind, title }: { quarters: string[]; lines: CompareLine[]; kind: IndicatorKind; title: string }) {
  const width = 760;
  const height = 300;
  const pad = { left: 56, right: 16, top: 16, bottom: 40 };
  const values = lines.flatMap((l) => l.points.flatMap((p) => (p.value === null ? [] : [p.value])));
  if (values.length === 0 || quarters.length === 0) return null;
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const lo = ticks[0]!;
  const hi = ticks.at(-1)!;
  const x = (i: number) => pad.left + (quarters.length === 1 ? 0 : (i * (width - pad.left - pad.right)) / (quarters.length - 1));
  const y = (v: number) => pad.top + (hi === lo ? 0.5 : (hi - v) / (hi - lo)) * (height - pad.top - pad.bottom);
  const index = new Map(quarters.map((q, i) => [q, i]));
  return (
    <figure className="mt-4">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} className="h-auto w-full max-w-3xl" data-compare-chart="">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} stroke={CHART_STYLE.grid} />
            <text x={pad.left - 6} y={y(t) + 4} textAnchor="end" fontSize={12} fill={CHART_STYLE.axisText}>
              {formatAxisValue(kind, t, "vi")}
            </text>
          </g>
        ))}
        {quarters.map((q, i) =>
          i % Math.ceil(quarters.length / 8) === 0 || i === quarters.length - 1 ? (
            <text key={q} x={x(i)} y={height - pad.bottom + 18} textAnchor="middle" fontSize={12} fill={CHART_STYLE.axisText}>
              {q.replace("-Q", " Q")}
            </text>
          ) : null,
        )}
        {lines.map((line, n) => {
          const style = COMPARE_STYLES[n % COMPARE_STYLES.length]!;
          const pts = line.points.flatMap((p) => (p.value === null || !index.has(p.quarter) ? [] : [{ x: x(index.get(p.quarter)!), y: y(p.value) }]));
          return (
            <g key={line.label} data-line={n}>
              <polyline points={pts.map((p) => `${p.x},${p.y}`).join(" ")} fill="none" stroke={style.colour} strokeWidth={2} strokeDasharray={style.dash || undefined} />
              {pts.map((p, i) => (
                <Marker key={i} shape={style.marker} x={p.x} y={p.y} colour={style.colour} />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {lines.map((line, n) => {
            const style = COMPARE_STYLES[n % COMPARE_STYLES.length]!;
            return (
              <li key={line.label} className="flex items-center gap-1.5">
                <svg width="34" height="12" aria-hidden="true">
                  <line x1="1" x2="33" y1="6" y2="6" stroke={style.colour} strokeWidth={2} strokeDasharray={style.dash || undefined} />
                  <Marker shape={style.marker} x={17} y={6} colour={style.colour} />
                </svg>
                {line.label}
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  );
}

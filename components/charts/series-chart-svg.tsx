/**
 * The quarterly chart of an indicator drawn with recharts 2 at a fixed size,
 * which renders the complete SVG on the server (recharts 3 renders an empty
 * wrapper there, recharts#5997). Rendered only on the server, through
 * ServerChart (server-chart.tsx): this module and recharts never reach the
 * browser. Every label arrives formatted in `model` (series-chart-model.ts);
 * nothing here formats numbers. No animation: the SVG is final as rendered.
 * Each point carries its label as an SVG <title> (the browser's own tooltip,
 * without JavaScript) and as data-tip (the styled tooltip of public/chart-tooltip.js).
 */
import { CartesianGrid, ComposedChart, Line, ReferenceDot, ReferenceLine, XAxis, YAxis } from "recharts";
import { CHART_WIDTH, type LabelledPoint, type SeriesChartModel } from "./series-chart-model";
import { CHART_STYLE } from "./chart-style";

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: Partial<LabelledPoint>;
}

/** A point with its label: hit area for the tooltip, <title> for the browser's own. */
function LabelledDot({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload?.label) return <g />;
  return (
    <g data-tip={payload.label}>
      <title>{payload.label}</title>
      <circle cx={cx} cy={cy} r={9} fill="transparent" />
      <circle cx={cx} cy={cy} r={2.75} fill={CHART_STYLE.actual} />
    </g>
  );
}

export function SeriesChartSvg({ model }: { model: SeriesChartModel }) {
  const all = model.actual.flat();
  return (
    <ComposedChart
      id={model.id}
      width={model.width}
      height={model.height}
      data={all}
      margin={{ top: 16, right: model.width < CHART_WIDTH ? 14 : 24, bottom: 8, left: model.width < CHART_WIDTH ? 2 : 8 }}
      className="dx-chart"
    >
      <CartesianGrid stroke={CHART_STYLE.grid} strokeDasharray="2 4" />
      <XAxis
        dataKey="t"
        type="number"
        domain={model.xDomain}
        ticks={model.xTicks.map((x) => x.t)}
        tickFormatter={(t: number) => model.xTicks.find((x) => x.t === t)?.label ?? ""}
        interval={0}
        stroke={CHART_STYLE.axis}
        tick={{ fill: CHART_STYLE.axisText, fontSize: model.fontSize ?? 12 }}
        allowDataOverflow
      />
      <YAxis
        type="number"
        domain={model.yDomain}
        ticks={model.yTicks.map((y) => y.v)}
        tickFormatter={(v: number) => model.yTicks.find((y) => y.v === v)?.label ?? ""}
        interval={0}
        reversed={model.yReversed}
        width={56}
        stroke={CHART_STYLE.axis}
        tick={{ fill: CHART_STYLE.axisText, fontSize: model.fontSize ?? 12 }}
        allowDataOverflow
      />
      {model.targets.map((target) => (
        <ReferenceLine
          key={`target-${target.year}`}
          y={target.v}
          stroke={CHART_STYLE.target(target.year)}
          strokeDasharray={CHART_STYLE.targetDash}
          strokeWidth={1.5}
          ifOverflow="extendDomain"
        />
      ))}
      {model.breakAt !== null && (
        <ReferenceLine x={model.breakAt} stroke={CHART_STYLE.axis} strokeDasharray="1 3" ifOverflow="extendDomain" />
      )}
      {model.paces.map((pace) => (
        <Line
          key={`pace-${pace.year}`}
          data={pace.points}
          dataKey="v"
          type="linear"
          stroke={CHART_STYLE.pace(pace.year)}
          strokeDasharray={CHART_STYLE.paceDash}
          strokeWidth={1.5}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
          legendType="none"
        />
      ))}
      {model.projection && (
        <Line
          data={model.projection.points}
          dataKey="v"
          type="linear"
          stroke={CHART_STYLE.projection}
          strokeDasharray={CHART_STYLE.projectionDash}
          strokeWidth={2}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
          legendType="none"
        />
      )}
      {model.actual.map((segment, i) => (
        <Line
          key={`actual-${i}`}
          data={segment}
          dataKey="v"
          type="linear"
          stroke={CHART_STYLE.actual}
          strokeWidth={2.5}
          dot={(props: DotProps & { key?: string }) => <LabelledDot key={props.key ?? `${props.cx}-${props.cy}`} {...props} />}
          activeDot={false}
          isAnimationActive={false}
          legendType="none"
        />
      ))}
      {model.baseline && (
        <ReferenceDot
          x={model.baseline.t}
          y={model.baseline.v}
          r={5}
          fill="#ffffff"
          stroke={CHART_STYLE.actual}
          strokeWidth={2}
          ifOverflow="extendDomain"
        />
      )}
    </ComposedChart>
  );
}

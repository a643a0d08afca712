/**
 * A chart rendered once, on the server, and never again (ADR 005, ADR 012).
 *
 * The public pages are served as cached HTML without the React runtime
 * (pages/_p, `unstable_runtimeJS: false`), so this is a plain component: it
 * puts the recharts SVG (series-chart-svg.tsx) into the HTML and nothing of
 * recharts or React reaches the browser.
 *
 * What JavaScript adds is a styled tooltip: public/chart-tooltip.js, a small
 * file loaded by the indicator pages (CHART_TOOLTIP_SCRIPT), shows the label
 * of the point under the pointer inside the frame marked data-chart-frame.
 * Without JavaScript the browser shows the same label from the point's
 * <title>.
 */
import { SeriesChartSvg } from "./series-chart-svg";
import type { SeriesChartModel } from "./series-chart-model";

/** The tooltip script (public/chart-tooltip.js): a file from this origin, allowed by the public pages' CSP. */
export const CHART_TOOLTIP_SCRIPT = "/chart-tooltip.js";

export function ServerChart({ model }: { model: SeriesChartModel }) {
  return (
    <div className="relative" data-chart-frame="">
      <div className="chart-svg">
        <SeriesChartSvg model={model} />
      </div>
    </div>
  );
}

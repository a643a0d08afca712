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
 *
 * Two drawings of the same model, one shown per breakpoint (ADR 031): the wide
 * one from `md`, and below it the phone's (narrowChartModel), whose text stays
 * readable where the wide one, scaled to a 390 px screen, would shrink to 6 px.
 */
import { SeriesChartSvg } from "./series-chart-svg";
import { narrowChartModel, type SeriesChartModel } from "./series-chart-model";

/** The tooltip script (public/chart-tooltip.js): a file from this origin, allowed by the public pages' CSP. */
export const CHART_TOOLTIP_SCRIPT = "/chart-tooltip.js";

export function ServerChart({ model }: { model: SeriesChartModel }) {
  return (
    <div className="relative" data-chart-frame="">
      <div className={CHART_WIDE}>
        <SeriesChartSvg model={model} />
      </div>
      <div className={CHART_NARROW}>
        <SeriesChartSvg model={narrowChartModel(model)} />
      </div>
    </div>
  );
}

/** The class of each drawing's box: which breakpoint shows it (paper takes the wide one). */
export const CHART_WIDE = "chart-svg hidden md:block print:block";
export const CHART_NARROW = "chart-svg chart-svg-narrow md:hidden print:hidden";

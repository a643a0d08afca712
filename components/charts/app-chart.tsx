"use client";
/**
 * The chart of the App Router's staff pages (the dashboard): rendered once, on
 * the server, and never again (ADR 005). The public pages, which ship no React
 * runtime, use ServerChart (server-chart.tsx) instead (ADR 012). A client
 * component because recharts' class components cannot run in the React Server
 * Components layer; it renders during server-side rendering like any client
 * component.
 *
 * On the server this renders the recharts SVG (series-chart-svg.tsx) into the
 * HTML. In the browser it keeps that markup as it is — the element is claimed
 * with an empty innerHTML, which React does not compare or replace on
 * hydration — so recharts never ships to the browser and the page does not
 * spend its first seconds recomputing a chart it already has. The
 * `typeof window` test is replaced at build time, so the server branch and its
 * require() are dropped from the browser bundle.
 *
 * What JavaScript adds is a styled tooltip: pointing at a point shows its
 * label (without JavaScript the browser shows the same label from <title>).
 * The page must reach this component by a full page load (plain <a> links):
 * rendered fresh in the browser it would have no markup to keep.
 */
import { useRef, useState } from "react";
import type { SeriesChartModel } from "./series-chart-model";

/** As in server-chart.tsx (not imported from there: that module renders recharts, which stays out of the browser). */
const CHART_WIDE = "chart-svg hidden md:block print:block";
const CHART_NARROW = "chart-svg chart-svg-narrow md:hidden print:hidden";

interface Tip {
  text: string;
  x: number;
  y: number;
}

export function AppChart({ model }: { model: SeriesChartModel }) {
  const frame = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);

  let svg: React.ReactNode;
  if (typeof window === "undefined") {
    // Server only (removed from the browser bundle): recharts renders the SVG into the HTML.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SeriesChartSvg } = require("./series-chart-svg") as typeof import("./series-chart-svg");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { narrowChartModel } = require("./series-chart-model") as typeof import("./series-chart-model");
    // Two drawings, one per breakpoint (ADR 031): the phone's keeps its text readable.
    svg = (
      <>
        <div className={CHART_WIDE}>
          <SeriesChartSvg model={model} />
        </div>
        <div className={CHART_NARROW}>
          <SeriesChartSvg model={narrowChartModel(model)} />
        </div>
      </>
    );
  } else {
    svg = (
      <>
        <div className={CHART_WIDE} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: "" }} />
        <div className={CHART_NARROW} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: "" }} />
      </>
    );
  }

  function show(event: React.PointerEvent) {
    const target = (event.target as Element).closest("[data-tip]");
    const box = frame.current?.getBoundingClientRect();
    if (!target || !box) return setTip(null);
    const point = target.getBoundingClientRect();
    setTip({ text: target.getAttribute("data-tip") ?? "", x: point.left + point.width / 2 - box.left, y: point.top - box.top });
  }

  return (
    <div ref={frame} className="relative" onPointerOver={show} onPointerLeave={() => setTip(null)}>
      {svg}
      {tip && (
        <div
          aria-hidden="true"
          data-tooltip
          className="pointer-events-none absolute z-10 -translate-x-1/2 -translate-y-full rounded border border-slate-300 bg-white px-2 py-1 text-sm whitespace-nowrap text-slate-900 shadow"
          style={{ left: tip.x, top: tip.y - 6 }}
        >
          {tip.text}
        </div>
      )}
    </div>
  );
}

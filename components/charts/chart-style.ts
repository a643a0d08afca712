/**
 * Colours and dash patterns of the chart, shared by the SVG and its HTML
 * legend. Each series differs by dash pattern as well as colour (colour is
 * never the only carrier), and every stroke has at least 3:1 contrast on
 * white (WCAG 1.4.11).
 */
const GOAL_COLOURS: Readonly<Record<number, string>> = { 2025: "#b45309", 2030: "#047857" };

export const CHART_STYLE = {
  actual: "#0b4f8a",
  projection: "#6d28d9",
  projectionDash: "2 4",
  paceDash: "8 5",
  targetDash: "",
  grid: "#e2e8f0",
  axis: "#64748b",
  axisText: "#475569",
  pace: (year: number) => GOAL_COLOURS[year] ?? "#475569",
  target: (year: number) => GOAL_COLOURS[year] ?? "#475569",
} as const;

import { FIGURE_STATUS_LABELS } from "@/lib/review/figure-status";
import type { EntryFigureStatus } from "@/lib/data/entry";

// Colour is never the only carrier of status: each has a symbol and words.
const STYLE: Record<EntryFigureStatus | "NONE", { symbol: string; className: string }> = {
  NONE: { symbol: "○", className: "bg-slate-100 text-slate-800 ring-slate-600/30" },
  DRAFT: { symbol: "✎", className: "bg-amber-50 text-amber-950 ring-amber-700/30" },
  SUBMITTED: { symbol: "⇪", className: "bg-sky-100 text-sky-900 ring-sky-700/30" },
  APPROVED: { symbol: "✓", className: "bg-emerald-100 text-emerald-900 ring-emerald-700/30" },
  REJECTED: { symbol: "✕", className: "bg-red-100 text-red-900 ring-red-700/30" },
};

export const NO_FIGURE_LABEL = "Chưa nhập";

export function FigureStatusBadge({ status }: { status: EntryFigureStatus | null }) {
  const key = status ?? "NONE";
  const style = STYLE[key];
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.className}`}
      data-figure-status={key}
    >
      <span aria-hidden="true">{style.symbol}</span>
      {status ? FIGURE_STATUS_LABELS[status] : NO_FIGURE_LABEL}
    </span>
  );
}

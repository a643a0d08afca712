import { STATUS_LABELS, type ProgressStatus } from "@/lib/progress/progress";

/**
 * Colour is never the only carrier of status: each has its own symbol and words.
 * No two statuses share a symbol (a reader who cannot tell orange from red
 * still tells "Chậm tiến độ" from "Không đạt"). The trend statuses read as the
 * slope of the trend: ↗ on track, → too flat (off track), ↘ moving away.
 */
export const STATUS_STYLE: Readonly<Record<ProgressStatus, { symbol: string; className: string }>> = {
  ACHIEVED: { symbol: "✓", className: "bg-emerald-100 text-emerald-900 ring-emerald-700/30" },
  ON_TRACK: { symbol: "↗", className: "bg-sky-100 text-sky-900 ring-sky-700/30" },
  NEEDS_ACCELERATION: { symbol: "!", className: "bg-amber-100 text-amber-900 ring-amber-700/30" },
  OFF_TRACK: { symbol: "→", className: "bg-orange-100 text-orange-950 ring-orange-700/30" },
  REGRESSING: { symbol: "↘", className: "bg-red-100 text-red-900 ring-red-700/30" },
  MISSED: { symbol: "✕", className: "bg-red-100 text-red-900 ring-red-700/30" },
  NO_LONGER_ASSESSABLE: { symbol: "⊘", className: "bg-slate-200 text-slate-900 ring-slate-600/30" },
  INSUFFICIENT_DATA: { symbol: "?", className: "bg-slate-100 text-slate-800 ring-slate-600/30" },
};

export function StatusBadge({ status, locale = "vi" }: { status: ProgressStatus; locale?: "vi" | "en" }) {
  const style = STATUS_STYLE[status];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.className}`}
      data-status={status}
    >
      <span aria-hidden="true">{style.symbol}</span>
      {STATUS_LABELS[status][locale]}
    </span>
  );
}

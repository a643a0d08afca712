/**
 * The one table of tunable numbers behind progress verdicts. Changing how
 * strict the tracker is means changing this file and nothing else.
 */

/**
 * Lower bounds on r, the share of the baseline→target distance that the trend
 * projection covers by the due date (see assessProgress):
 * r ≥ onTrack → ON_TRACK; ≥ needsAcceleration → NEEDS_ACCELERATION;
 * ≥ offTrack → OFF_TRACK; below offTrack (moving away from the target) → REGRESSING.
 */
export const STATUS_THRESHOLDS = Object.freeze({
  onTrack: 0.95,
  needsAcceleration: 0.5,
  offTrack: 0,
} as const);

/**
 * Slack when comparing r with a threshold. r comes out of a least-squares fit,
 * so a series that is exactly on the 95% line can yield 0.9499999999999999;
 * that must still read as ON_TRACK. Far below any difference worth reporting.
 */
export const RATIO_TOLERANCE = 1e-9;

/** A trend needs at least this many quarterly points; two points are a line through anything. */
export const MIN_PROJECTION_POINTS = 3;

/** The trend is fitted to the latest this many points (two years), so old history does not outweigh the current pace. */
export const PROJECTION_WINDOW = 8;

/**
 * A verdict needs a figure for the time it speaks of. A goal whose latest
 * figure is more than this many quarters older than the quarter assessed (the
 * as-of quarter, or Q4 of the goal year once that year is over) is
 * NO_LONGER_ASSESSABLE: no status, no projection, no required gain. Four
 * quarters tolerate one missed annual report, not two, and keep a trend from
 * being carried years past its last figure.
 */
export const MAX_FIGURE_AGE_QUARTERS = 4;

/**
 * The least coverage — units reporting / units expected at the indicator's
 * levels — for a province value rolled up from districts or communes to be
 * judged: a quarter below it is shown, marked, and left out of status and
 * projection (issue #14, item 4). 80 %: a province rate from 47 of 92 communes
 * (51 %) says more about who reported than about the province; with four units
 * in five, the missing ones would have to differ wildly from the rest to move
 * a verdict. Province-level figures (one unit) are covered or absent.
 */
export const MIN_COVERAGE = 0.8;

/**
 * Where a target without a recorded baseline starts (issue #14, item 6): its
 * first judged published value from this quarter on — the first quarter of
 * the 2021–2025 programme that Resolution 01-NQ/TU adopts. Taken from the
 * whole history, so it is one value on every page and never moves.
 */
export const FIRST_FIGURE_FROM = Object.freeze({ year: 2021, quarter: 1 } as const);

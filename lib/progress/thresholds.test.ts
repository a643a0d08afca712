import { describe, expect, it } from "vitest";
import { MAX_FIGURE_AGE_QUARTERS, MIN_PROJECTION_POINTS, PROJECTION_WINDOW, RATIO_TOLERANCE, STATUS_THRESHOLDS } from "./thresholds";

describe("STATUS_THRESHOLDS", () => {
  it("holds the agreed bounds", () => {
    expect(STATUS_THRESHOLDS).toEqual({ onTrack: 0.95, needsAcceleration: 0.5, offTrack: 0 });
  });

  it("is strictly ordered within [0, 1], so every r maps to exactly one band", () => {
    expect(STATUS_THRESHOLDS.offTrack).toBeGreaterThanOrEqual(0);
    expect(STATUS_THRESHOLDS.needsAcceleration).toBeGreaterThan(STATUS_THRESHOLDS.offTrack);
    expect(STATUS_THRESHOLDS.onTrack).toBeGreaterThan(STATUS_THRESHOLDS.needsAcceleration);
    expect(STATUS_THRESHOLDS.onTrack).toBeLessThanOrEqual(1);
  });

  it("cannot be changed at runtime by a caller", () => {
    expect(Object.isFrozen(STATUS_THRESHOLDS)).toBe(true);
  });

  it("keeps the tolerance far smaller than the gap between bands", () => {
    expect(RATIO_TOLERANCE).toBeGreaterThan(0);
    expect(RATIO_TOLERANCE).toBeLessThan(1e-6);
  });

  it("fits a trend to at least three points and at most a window that can hold them", () => {
    expect(MIN_PROJECTION_POINTS).toBe(3);
    expect(PROJECTION_WINDOW).toBe(8);
    expect(PROJECTION_WINDOW).toBeGreaterThanOrEqual(MIN_PROJECTION_POINTS);
  });

  it("calls a figure too old to assess a goal on after four quarters (a year), as the methodology page says", () => {
    expect(MAX_FIGURE_AGE_QUARTERS).toBe(4);
  });
});

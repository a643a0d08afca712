/**
 * The contract between the public pages' data cache and the approval action:
 * every cached public read is tagged FIGURES_TAG, and approving (or
 * rejecting) figures expires exactly that tag at once — updateTag, not a
 * stale-while-revalidate revalidateTag — so a published figure is on the
 * public pages with the next request, not after a timeout.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";

const cacheCalls: { keyParts: string[]; options: { tags?: string[]; revalidate?: number | false } }[] = [];

vi.mock("next/cache", () => ({
  unstable_cache: vi.fn((fn: unknown, keyParts: string[], options: { tags?: string[] }) => {
    cacheCalls.push({ keyParts, options });
    return fn;
  }),
  updateTag: vi.fn(),
  revalidateTag: vi.fn(),
  revalidatePath: vi.fn(),
}));
// The action's own guard (session, permission) is tested with the action; here only what it invalidates matters.
vi.mock("@/lib/actions/authorized-action", () => ({
  authorizedAction: () => async () => ({ ok: true, data: { approved: [] } }),
}));

describe("the public data cache", () => {
  beforeEach(() => vi.clearAllMocks());

  it("tags every cached public read with FIGURES_TAG and keeps it until invalidated (no timeout)", async () => {
    const { FIGURES_TAG } = await import("./public-cache");
    await import("./public-overview");
    await import("./public-indicator");
    await import("./public-figures");
    expect(FIGURES_TAG).toBe("figures");
    const names = cacheCalls.map((c) => c.keyParts[1]);
    expect(names).toEqual(expect.arrayContaining(["overview-inputs", "methodology-indicators", "indicator-detail", "indicator-breakdown", "figures-summary"]));
    for (const call of cacheCalls) {
      expect(call.options.tags).toEqual([FIGURES_TAG]);
      expect(call.options.revalidate).toBeUndefined();
    }
  });

  it("is expired at once by approving figures", async () => {
    const { FIGURES_TAG } = await import("./public-cache");
    const cache = await import("next/cache");
    const actions = await import("@/lib/actions/review");
    await actions.approveFigures({ items: [{ figureId: 1, version: 1 }] });
    expect(cache.updateTag).toHaveBeenCalledWith(FIGURES_TAG);
  });

  it("approving and rejecting start a new generation of the cached public pages at once", async () => {
    const { currentGeneration } = await import("@/lib/public-pages/generation");
    const actions = await import("@/lib/actions/review");
    const before = currentGeneration();
    await actions.approveFigures({ items: [{ figureId: 1, version: 1 }] });
    const afterApproval = currentGeneration();
    expect(afterApproval).not.toBe(before);
    await actions.rejectFigures({ items: [{ figureId: 1, version: 1 }], comment: "Sai mẫu số" });
    expect(currentGeneration()).not.toBe(afterApproval);
  });
});

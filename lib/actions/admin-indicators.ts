"use server";
/**
 * Server actions of /quan-tri/chi-tieu (admins): indicator texts and
 * responsibility, and versioned targets. Targets and names are on the public
 * pages, so their cache is refreshed at once.
 */
import { revalidatePath } from "next/cache";
import { setBaseline as setBaselineService, withdrawBaseline as withdrawBaselineService } from "@/lib/services/admin-indicators";
import { authorizedAction } from "@/lib/actions/authorized-action";
import {
  createIndicator as createNew,
  setTarget as set,
  updateIndicator as update,
  withdrawTarget as withdraw,
  retireIndicator as retire,
  reinstateIndicator as reinstate,
} from "@/lib/services/admin-indicators";

function refreshIndicators(): void {
  // The service took the new cache epoch after its commit (ADR 015): public pages follow.
  revalidatePath("/quan-tri", "layout");
  revalidatePath("/nhap-lieu");
}

export const createIndicator = authorizedAction(createNew, refreshIndicators);
export const updateIndicator = authorizedAction(update, refreshIndicators);
export const setTarget = authorizedAction(set, refreshIndicators);
export const withdrawTarget = authorizedAction(withdraw, refreshIndicators);
export const retireIndicator = authorizedAction(retire, refreshIndicators);
export const reinstateIndicator = authorizedAction(reinstate, refreshIndicators);

// Baselines (issue #15, item 2; ADR 032): versioned like targets, on the same pages.
export const setBaseline = authorizedAction(setBaselineService, refreshIndicators);
export const withdrawBaseline = authorizedAction(withdrawBaselineService, refreshIndicators);

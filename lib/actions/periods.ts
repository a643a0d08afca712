"use server";
/** Lock, unlock and deadline of reporting periods, from /quan-tri/ky-bao-cao (admins). */
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { lockPeriod as lock, openNextPeriod as openNext, setDeadline as deadline, unlockPeriod as unlock } from "@/lib/services/periods";

function refreshPeriods(): void {
  revalidatePath("/quan-tri/ky-bao-cao");
  // Entry screens read the period's status to allow or refuse writes.
  revalidatePath("/nhap-lieu");
}

export const lockPeriod = authorizedAction(lock, refreshPeriods);
export const unlockPeriod = authorizedAction(unlock, refreshPeriods);
export const setDeadline = authorizedAction(deadline, refreshPeriods);
export const openNextPeriod = authorizedAction(openNext, refreshPeriods);

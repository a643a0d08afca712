"use server";
/** Lock, unlock and deadline of reporting periods, from /quan-tri/ky-bao-cao (admins). */
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import type { ActionResult } from "@/lib/actions/result";
import { lockPeriod as lock, openNextPeriod as openNext, setDeadline as deadline, unlockPeriod as unlock, type PeriodState } from "@/lib/services/periods";

function refreshPeriods(): void {
  revalidatePath("/quan-tri/ky-bao-cao");
  // Entry screens read the period's status to allow or refuse writes.
  revalidatePath("/nhap-lieu");
}

const lockAction = authorizedAction(lock);
const unlockAction = authorizedAction(unlock);
const deadlineAction = authorizedAction(deadline);
const openNextAction = authorizedAction(openNext);

export async function lockPeriod(input: unknown): Promise<ActionResult<PeriodState>> {
  const result = await lockAction(input);
  if (result.ok) refreshPeriods();
  return result;
}

export async function unlockPeriod(input: unknown): Promise<ActionResult<PeriodState>> {
  const result = await unlockAction(input);
  if (result.ok) refreshPeriods();
  return result;
}

export async function setDeadline(input: unknown): Promise<ActionResult<PeriodState>> {
  const result = await deadlineAction(input);
  if (result.ok) refreshPeriods();
  return result;
}

export async function openNextPeriod(input: unknown): Promise<ActionResult<PeriodState>> {
  const result = await openNextAction(input);
  if (result.ok) refreshPeriods();
  return result;
}

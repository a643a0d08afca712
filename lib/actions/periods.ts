"use server";
/** Lock, unlock and deadline of reporting periods, from /ky-bao-cao (admins). */
import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { authorizedAction } from "@/lib/actions/authorized-action";
import type { ActionResult } from "@/lib/actions/result";
import { lockPeriod as lock, openNextPeriod as openNext, setDeadline as deadline, unlockPeriod as unlock, type PeriodState } from "@/lib/services/periods";
import { lockPeriodSchema, openNextPeriodSchema, setDeadlineSchema, unlockPeriodSchema } from "@/lib/validations/period";

function refreshPeriods(): void {
  revalidatePath("/ky-bao-cao");
  // Entry screens read the period's status to allow or refuse writes.
  revalidatePath("/nhap-lieu");
}

const lockAction = authorizedAction("period.manage", lockPeriodSchema, (input, actor) => lock(prisma, actor, input));
const unlockAction = authorizedAction("period.manage", unlockPeriodSchema, (input, actor) => unlock(prisma, actor, input));
const deadlineAction = authorizedAction("period.manage", setDeadlineSchema, (input, actor) => deadline(prisma, actor, input));
const openNextAction = authorizedAction("period.manage", openNextPeriodSchema, (input, actor) => openNext(prisma, actor, input));

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

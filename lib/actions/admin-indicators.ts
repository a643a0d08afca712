"use server";
/**
 * Server actions of /quan-tri/chi-tieu (admins): indicator texts and
 * responsibility, and versioned targets. Targets and names are on the public
 * pages, so their cache is refreshed at once.
 */
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import type { ActionResult } from "@/lib/actions/result";
import {
  setTarget as set,
  updateIndicator as update,
  withdrawTarget as withdraw,
  type IndicatorState,
  type TargetChange,
} from "@/lib/services/admin-indicators";

function refreshIndicators(): void {
  // The service took the new cache epoch after its commit (ADR 015): public pages follow.
  revalidatePath("/quan-tri", "layout");
  revalidatePath("/nhap-lieu");
}

const updateAction = authorizedAction(update);
const setAction = authorizedAction(set);
const withdrawAction = authorizedAction(withdraw);

export async function updateIndicator(input: unknown): Promise<ActionResult<IndicatorState>> {
  const result = await updateAction(input);
  if (result.ok) refreshIndicators();
  return result;
}

export async function setTarget(input: unknown): Promise<ActionResult<TargetChange>> {
  const result = await setAction(input);
  if (result.ok) refreshIndicators();
  return result;
}

export async function withdrawTarget(input: unknown): Promise<ActionResult<TargetChange>> {
  const result = await withdrawAction(input);
  if (result.ok) refreshIndicators();
  return result;
}

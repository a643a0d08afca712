"use server";
/** Server actions of /quan-tri/don-vi (admins): import GSO lists, close a unit, apportion a partial succession. */
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import type { ActionResult } from "@/lib/actions/result";
import {
  closeUnit as close,
  importAdminUnits as importUnits,
  setSuccessionWeight as setWeight,
  type CloseResult,
  type ImportResult,
  type WeightResult,
} from "@/lib/services/admin-units";

function refreshUnits(): void {
  // Units decide which figures roll up to the province and which cells the grids show.
  // The service took the new cache epoch after its commit (ADR 015): public pages follow.
  revalidatePath("/quan-tri", "layout");
  revalidatePath("/nhap-lieu");
}

const importAction = authorizedAction(importUnits);
const closeAction = authorizedAction(close);
const weightAction = authorizedAction(setWeight);

export async function importAdminUnits(input: unknown): Promise<ActionResult<ImportResult>> {
  const result = await importAction(input);
  if (result.ok) refreshUnits();
  return result;
}

export async function closeUnit(input: unknown): Promise<ActionResult<CloseResult>> {
  const result = await closeAction(input);
  if (result.ok) refreshUnits();
  return result;
}

export async function setSuccessionWeight(input: unknown): Promise<ActionResult<WeightResult>> {
  const result = await weightAction(input);
  if (result.ok) refreshUnits();
  return result;
}

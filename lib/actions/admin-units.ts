"use server";
/** Server actions of /quan-tri/don-vi (admins): import GSO lists, close a unit, apportion a partial succession. */
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import {
  closeUnit as close,
  importAdminUnits as importUnits,
  setSuccessionWeight as setWeight,
} from "@/lib/services/admin-units";

function refreshUnits(): void {
  // Units decide which figures roll up to the province and which cells the grids show.
  // The service took the new cache epoch after its commit (ADR 015): public pages follow.
  revalidatePath("/quan-tri", "layout");
  revalidatePath("/nhap-lieu");
}

export const importAdminUnits = authorizedAction(importUnits, refreshUnits);
export const closeUnit = authorizedAction(close, refreshUnits);
export const setSuccessionWeight = authorizedAction(setWeight, refreshUnits);

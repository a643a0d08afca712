"use server";
/** Server actions of /quan-tri/an-ban (admins of indicators): record or remove an edition of a yearly index. */
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { createEdition as create, removeEdition as remove } from "@/lib/services/admin-editions";

function refreshEditions(): void {
  // The dashboard reads the editions with its reference data (cache epoch); the admin page is rendered per request.
  revalidatePath("/quan-tri", "layout");
}

export const createEdition = authorizedAction(create, refreshEditions);
export const removeEdition = authorizedAction(remove, refreshEditions);

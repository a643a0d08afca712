"use server";
/** Server actions of /quan-tri/an-ban (admins of indicators): record or remove an edition of a yearly index. */
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import type { ActionResult } from "@/lib/actions/result";
import { createEdition as create, removeEdition as remove, type EditionState } from "@/lib/services/admin-editions";

const createAction = authorizedAction(create);
const removeAction = authorizedAction(remove);

function refreshEditions(): void {
  // The dashboard reads the editions with its reference data (cache epoch); the admin page is rendered per request.
  revalidatePath("/quan-tri", "layout");
}

export async function createEdition(input: unknown): Promise<ActionResult<EditionState>> {
  const result = await createAction(input);
  if (result.ok) refreshEditions();
  return result;
}

export async function removeEdition(input: unknown): Promise<ActionResult<EditionState>> {
  const result = await removeAction(input);
  if (result.ok) refreshEditions();
  return result;
}

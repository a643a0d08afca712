"use server";
/**
 * Server actions of the data-entry grid (/nhap-lieu). Each is a public
 * endpoint: the wrapper checks the session; the service the permission, the
 * input (its zod schema), the scope, the period and the versions, in one
 * transaction. The public pages show publications only, which these never
 * change, so only the staff views are refreshed.
 */
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import type { ActionResult } from "@/lib/actions/result";
import { saveDrafts, submitFigures, type SaveDraftsResult, type SubmitFiguresResult } from "@/lib/services/figures";

function refreshEntry(): void {
  revalidatePath("/nhap-lieu");
  revalidatePath("/duyet");
}

const saveAction = authorizedAction(saveDrafts);
const submitAction = authorizedAction(submitFigures);

export async function saveDraftsAction(input: unknown): Promise<ActionResult<SaveDraftsResult>> {
  const result = await saveAction(input);
  if (result.ok && result.data.saved.length > 0) refreshEntry();
  return result;
}

/**
 * The entry grid's autosave (ADR 029): the same service and wrapper as
 * saveDraftsAction — authorised, validated, versioned, audited, one
 * transaction — for the row just left, but without refreshing the page: the
 * grid keeps the snapshot it gets back, and re-rendering the whole grid on the
 * server after every row would cost more than the save. Both staff pages read
 * their data per request (connection()), so nothing cached goes stale.
 */
export async function autosaveDraftAction(input: unknown): Promise<ActionResult<SaveDraftsResult>> {
  return saveAction(input);
}

export async function submitFiguresAction(input: unknown): Promise<ActionResult<SubmitFiguresResult>> {
  const result = await submitAction(input);
  if (result.ok) refreshEntry();
  return result;
}

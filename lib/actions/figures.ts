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

export async function submitFiguresAction(input: unknown): Promise<ActionResult<SubmitFiguresResult>> {
  const result = await submitAction(input);
  if (result.ok) refreshEntry();
  return result;
}

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
import { saveDrafts, submitFigures } from "@/lib/services/figures";

function refreshEntry(): void {
  revalidatePath("/nhap-lieu");
  revalidatePath("/duyet");
}

export const saveDraftsAction = authorizedAction(saveDrafts, (r) => {
  if (r.saved.length > 0) refreshEntry();
});
export const submitFiguresAction = authorizedAction(submitFigures, refreshEntry);

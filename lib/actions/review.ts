"use server";
/**
 * Approve and reject, from the review screen (/duyet), and withdraw a
 * publication, from a figure's page. Approving publishes and withdrawing
 * unpublishes, so the public page and every figure read are refreshed at once.
 */
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { approveFigures as approve, rejectFigures as reject, withdrawPublication as withdraw } from "@/lib/services/review";

function refreshFigures(): void {
  // The publication's triggers made a new cache epoch (ADR 015), which the service took once committed
  // (lib/services/write.ts): every instance hears it from PostgreSQL, and this one's next public page is already the new one.
  revalidatePath("/duyet");
  revalidatePath("/nhap-lieu");
}

export const approveFigures = authorizedAction(approve, refreshFigures);
export const rejectFigures = authorizedAction(reject, refreshFigures);
/** Withdraw a publication made by mistake, from the figure's page (/so-lieu/<id>). */
export const withdrawPublication = authorizedAction(withdraw, (r) => {
  refreshFigures();
  revalidatePath(`/so-lieu/${r.figureId}`);
});

"use server";
/**
 * Approve and reject, from the review screen (/duyet), and withdraw a
 * publication, from a figure's page. Approving publishes and withdrawing
 * unpublishes, so the public page and every figure read are refreshed at once.
 */
import { revalidatePath } from "next/cache";
import { syncEpoch } from "@/lib/cache/epoch";
import { prisma } from "@/lib/db";
import { authorizedAction } from "@/lib/actions/authorized-action";
import type { ActionResult } from "@/lib/actions/result";
import {
  approveFigures as approve,
  rejectFigures as reject,
  withdrawPublication as withdraw,
  type ApproveResult,
  type RejectResult,
  type WithdrawResult,
} from "@/lib/services/review";

async function refreshFigures(): Promise<void> {
  // The publication's triggers made a new cache epoch (ADR 015): every instance hears it from
  // PostgreSQL; this one reads it now, so the approver's next public page is already the new one.
  await syncEpoch(prisma);
  revalidatePath("/duyet");
  revalidatePath("/nhap-lieu");
}

const approveAction = authorizedAction(approve);
const rejectAction = authorizedAction(reject);
const withdrawAction = authorizedAction(withdraw);

export async function approveFigures(input: unknown): Promise<ActionResult<ApproveResult>> {
  const result = await approveAction(input);
  if (result.ok) await refreshFigures();
  return result;
}

export async function rejectFigures(input: unknown): Promise<ActionResult<RejectResult>> {
  const result = await rejectAction(input);
  if (result.ok) await refreshFigures();
  return result;
}

/** Withdraw a publication made by mistake, from the figure's page (/so-lieu/<id>). */
export async function withdrawPublication(input: unknown): Promise<ActionResult<WithdrawResult>> {
  const result = await withdrawAction(input);
  if (result.ok) {
    await refreshFigures();
    revalidatePath(`/so-lieu/${result.data.figureId}`);
  }
  return result;
}

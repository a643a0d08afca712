"use server";
/**
 * Approve and reject, from the review screen (/duyet). Approving publishes,
 * so the public page and every figure read are refreshed at once.
 */
import { revalidatePath } from "next/cache";
import { expirePublicFigures } from "@/lib/data/public-cache";
import { prisma } from "@/lib/db";
import { authorizedAction } from "@/lib/actions/authorized-action";
import type { ActionResult } from "@/lib/actions/result";
import { approveFigures as approve, rejectFigures as reject, type ApproveResult, type RejectResult } from "@/lib/services/review";
import { approveFiguresSchema, rejectFiguresSchema } from "@/lib/validations/review";

function refreshFigures(): void {
  // Expires at once (updateTag, a new generation of the public pages), not
  // stale-while-revalidate: a published figure must not be served stale even once.
  expirePublicFigures();
  revalidatePath("/duyet");
  revalidatePath("/nhap-lieu");
}

const approveAction = authorizedAction("figure.review", approveFiguresSchema, (input, actor) => approve(prisma, actor, input));
const rejectAction = authorizedAction("figure.review", rejectFiguresSchema, (input, actor) => reject(prisma, actor, input));

export async function approveFigures(input: unknown): Promise<ActionResult<ApproveResult>> {
  const result = await approveAction(input);
  if (result.ok) refreshFigures();
  return result;
}

export async function rejectFigures(input: unknown): Promise<ActionResult<RejectResult>> {
  const result = await rejectAction(input);
  if (result.ok) refreshFigures();
  return result;
}

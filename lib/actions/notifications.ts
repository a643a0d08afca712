"use server";
/**
 * Mark notifications read, from /thong-bao. The header's unread count is in the staff layout:
 * revalidating the layout refreshes it.
 */
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import type { ActionResult } from "@/lib/actions/result";
import { markAllNotificationsRead as markAll, markNotificationRead as markOne, type MarkReadResult } from "@/lib/services/notifications";

const markOneAction = authorizedAction(markOne);
const markAllAction = authorizedAction(markAll);

export async function markNotificationRead(input: unknown): Promise<ActionResult<MarkReadResult>> {
  const result = await markOneAction(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function markAllNotificationsRead(input: unknown): Promise<ActionResult<MarkReadResult>> {
  const result = await markAllAction(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

"use server";
/**
 * Server actions of /quan-tri/nguoi-dung (admins). Public endpoints: the
 * wrapper checks the session; the service "admin.users", the input (its zod
 * schema) and the last-admin rule, in one transaction with its audit row.
 */
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import type { ActionResult } from "@/lib/actions/result";
import {
  createUser as create,
  resetUserPassword as reset,
  setUserDisabled as setDisabled,
  updateUser as update,
  type CreatedUser,
  type PasswordReset,
  type UserState,
} from "@/lib/services/admin-users";

function refreshUsers(): void {
  revalidatePath("/quan-tri/nguoi-dung", "layout");
}

const createAction = authorizedAction(create);
const updateAction = authorizedAction(update);
const disableAction = authorizedAction(setDisabled);
const resetAction = authorizedAction(reset);

export async function createUser(input: unknown): Promise<ActionResult<CreatedUser>> {
  const result = await createAction(input);
  if (result.ok) refreshUsers();
  return result;
}

export async function updateUser(input: unknown): Promise<ActionResult<UserState>> {
  const result = await updateAction(input);
  if (result.ok) refreshUsers();
  return result;
}

export async function setUserDisabled(input: unknown): Promise<ActionResult<UserState>> {
  const result = await disableAction(input);
  if (result.ok) refreshUsers();
  return result;
}

export async function resetUserPassword(input: unknown): Promise<ActionResult<PasswordReset>> {
  const result = await resetAction(input);
  if (result.ok) refreshUsers();
  return result;
}

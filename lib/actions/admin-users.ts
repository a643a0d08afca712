"use server";
/**
 * Server actions of /quan-tri/nguoi-dung (admins). Public endpoints: the
 * wrapper checks the session; the service "admin.users", the input (its zod
 * schema) and the last-admin rule, in one transaction with its audit row.
 */
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import {
  createUser as create,
  resetUserPassword as reset,
  setUserDisabled as setDisabled,
  updateUser as update,
} from "@/lib/services/admin-users";

function refreshUsers(): void {
  revalidatePath("/quan-tri/nguoi-dung", "layout");
}

export const createUser = authorizedAction(create, refreshUsers);
export const updateUser = authorizedAction(update, refreshUsers);
export const setUserDisabled = authorizedAction(setDisabled, refreshUsers);
export const resetUserPassword = authorizedAction(reset, refreshUsers);

"use server";
/** Server actions of /quan-tri/co-quan (admins): create, rename, assign indicators. */
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import type { ActionResult } from "@/lib/actions/result";
import {
  assignIndicators as assign,
  createDepartment as create,
  renameDepartment as rename,
  type AssignResult,
  type DepartmentState,
} from "@/lib/services/admin-departments";

function refreshDepartments(): void {
  // Departments are named on the public indicator pages and scope editors' grids.
  // The service took the new cache epoch after its commit (ADR 015): public pages follow.
  revalidatePath("/quan-tri", "layout");
  revalidatePath("/nhap-lieu");
}

const createAction = authorizedAction(create);
const renameAction = authorizedAction(rename);
const assignAction = authorizedAction(assign);

export async function createDepartment(input: unknown): Promise<ActionResult<DepartmentState>> {
  const result = await createAction(input);
  if (result.ok) refreshDepartments();
  return result;
}

export async function renameDepartment(input: unknown): Promise<ActionResult<DepartmentState>> {
  const result = await renameAction(input);
  if (result.ok) refreshDepartments();
  return result;
}

export async function assignIndicators(input: unknown): Promise<ActionResult<AssignResult>> {
  const result = await assignAction(input);
  if (result.ok) refreshDepartments();
  return result;
}

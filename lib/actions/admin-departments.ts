"use server";
/** Server actions of /quan-tri/co-quan (admins): create, rename, assign indicators. */
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import {
  assignIndicators as assign,
  createDepartment as create,
  renameDepartment as rename,
} from "@/lib/services/admin-departments";

function refreshDepartments(): void {
  // Departments are named on the public indicator pages and scope editors' grids.
  // The service took the new cache epoch after its commit (ADR 015): public pages follow.
  revalidatePath("/quan-tri", "layout");
  revalidatePath("/nhap-lieu");
}

export const createDepartment = authorizedAction(create, refreshDepartments);
export const renameDepartment = authorizedAction(rename, refreshDepartments);
export const assignIndicators = authorizedAction(assign, refreshDepartments);

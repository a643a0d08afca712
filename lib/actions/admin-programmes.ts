"use server";
/** Server actions of /quan-tri/chuong-trinh (admins of indicators): record a programme, change its status. */
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { createProgramme as create, setProgrammeStatus as setStatus } from "@/lib/services/admin-programmes";

function refreshProgrammes(): void {
  // The service took the new cache epoch after its commit (ADR 015): public pages and the dashboard follow.
  revalidatePath("/quan-tri", "layout");
}

export const createProgramme = authorizedAction(create, refreshProgrammes);
export const setProgrammeStatus = authorizedAction(setStatus, refreshProgrammes);

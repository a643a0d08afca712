/**
 * The administration pages' guard: a signed-in actor who holds the
 * permission (given several, any one of them), or null (the page then says it
 * is not allowed). Each page calls
 * it itself; the layout and the proxy are conveniences.
 */
import "server-only";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getCurrentActor } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";

export async function adminActor(permission: Permission | readonly Permission[], here: string): Promise<Actor | null> {
  await connection();
  const actor = await getCurrentActor();
  if (!actor) redirect(`/dang-nhap?callbackUrl=${encodeURIComponent(here)}`);
  if (actor.mustChangePassword) redirect("/tai-khoan/mat-khau");
  const any: readonly Permission[] = typeof permission === "string" ? [permission] : permission;
  return any.some((p) => can(actor.role, p)) ? actor : null;
}

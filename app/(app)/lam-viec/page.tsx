import { redirect } from "next/navigation";
import { landingPath } from "@/lib/auth/landing";
import { getCurrentActor } from "@/lib/auth/session";

/**
 * The staff area's door (lib/auth/landing.ts): the signed-in user goes on to
 * the work of their role. Without a session the (app) layout has already sent
 * the visitor to the sign-in page, which brings them back here.
 */
export default async function StaffArea(): Promise<never> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/dang-nhap?callbackUrl=%2Flam-viec");
  redirect(landingPath(actor.role));
}

/**
 * Where a staff page sends its visitor instead of rendering, the one rule of both routers: the
 * App Router's staff layout (app/(app)/layout.tsx) and the Pages Router's dashboard pages
 * (components/app-shell/static-staff-page.tsx, ADR 035). The proxy redirects first, as a
 * convenience only; each page checks again.
 */
import type { Actor } from "@/lib/auth/actor";

export const SIGN_IN_PATH = "/dang-nhap";
export const CHANGE_PASSWORD_PATH = "/tai-khoan/mat-khau";

/**
 * `here` is the page's own path and query, already passed through safeCallbackUrl. Without a
 * session: the sign-in page, back here afterwards. With a password change pending (an admin asked
 * for one; assertCan refuses everything else too): the password form.
 */
export function staffPageRedirect(actor: Pick<Actor, "mustChangePassword"> | null, here: string): string | null {
  if (!actor) return `${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(here)}`;
  if (actor.mustChangePassword && !here.startsWith(CHANGE_PASSWORD_PATH)) return CHANGE_PASSWORD_PATH;
  return null;
}

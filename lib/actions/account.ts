"use server";
/**
 * Server actions of the account pages. Public endpoints: the wrapper checks
 * the session; the service the permission, the input and the current password.
 */
import { headers } from "next/headers";
import { clientAddress } from "@/lib/security/client-address";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { changePassword } from "@/lib/services/account";

// Nothing cached depends on a password: no revalidation. The session that
// made the change has ended with it; the form signs the user out.
export const changePasswordAction = authorizedAction(async (db, actor, input) => {
  await changePassword(db, actor, input, { ip: clientAddress(await headers()) });
  return { changed: true as const };
});

"use server";
/**
 * Server actions of the account pages. Public endpoints: the wrapper checks
 * the session and the permission, the service the current password.
 */
import { headers } from "next/headers";
import { prisma } from "@/lib/db";
import { clientAddress } from "@/lib/security/client-address";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { changePassword } from "@/lib/services/account";
import { changePasswordSchema } from "@/lib/validations/account";

// Nothing cached depends on a password: no revalidation. The session that
// made the change has ended with it; the form signs the user out.
export const changePasswordAction = authorizedAction("account.changePassword", changePasswordSchema, async (input, actor) => {
  await changePassword(prisma, actor, input, { ip: clientAddress(await headers()) });
  return { changed: true as const };
});

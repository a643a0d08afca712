import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/app-shell/sign-out-button";
import { StaffShell } from "@/components/app-shell/staff-shell";
import { RootDocument, STAFF_METADATA } from "@/components/root-document";
import { getCurrentActor } from "@/lib/auth/session";
import { staffPageRedirect } from "@/lib/auth/staff-gate";
import { safeCallbackUrl } from "@/lib/security/callback-url";
import { PATHNAME_HEADER } from "@/lib/security/request-headers";
import { getUnreadCount } from "@/lib/data/notifications";

// A root layout: the public pages have their own per language (ADR 008).
export const metadata: Metadata = STAFF_METADATA;

/**
 * The signed-in shell (components/app-shell/staff-shell.tsx). It checks the session itself; the
 * proxy's redirect is only a convenience. Layouts are not re-rendered on client-side navigation,
 * so each page still guards itself (requirePermission). The dashboard pages are not here: they are
 * Pages Router pages without JavaScript in the same shell (ADR 035).
 */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const here = safeCallbackUrl((await headers()).get(PATHNAME_HEADER));
  const actor = await getCurrentActor();
  const elsewhere = staffPageRedirect(actor, here);
  if (elsewhere || !actor) redirect(elsewhere ?? "/dang-nhap");
  return (
    <RootDocument lang="vi">
      <StaffShell actor={actor} unread={await getUnreadCount(actor)} signOut={<SignOutButton />}>
        {children}
      </StaffShell>
    </RootDocument>
  );
}

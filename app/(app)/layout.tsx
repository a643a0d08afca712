import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/app-shell/app-header";
import { MainNav } from "@/components/app-shell/main-nav";
import { navLinksFor } from "@/components/app-shell/nav-links";
import { SkipLink } from "@/components/app-shell/skip-link";
import { RootDocument, STAFF_METADATA } from "@/components/root-document";
import { getCurrentActor } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/security/callback-url";
import { PATHNAME_HEADER } from "@/lib/security/request-headers";
import { DATA_SOURCE } from "@/lib/export/provenance";
import { getUnreadCount } from "@/lib/data/notifications";

// A root layout: the public pages have their own per language (ADR 008).
export const metadata: Metadata = STAFF_METADATA;

/**
 * The signed-in shell: header, the menu of the role, and <main> (pages inside
 * render no <main> of their own). It checks the session itself; the proxy's
 * redirect is only a convenience. Layouts are not re-rendered on client-side
 * navigation, so each page still guards itself (requirePermission).
 */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await getCurrentActor();
  if (!actor) {
    const here = safeCallbackUrl((await headers()).get(PATHNAME_HEADER));
    redirect(`/dang-nhap?callbackUrl=${encodeURIComponent(here)}`);
  }
  // An admin asked for a new password (also enforced by assertCan and the proxy).
  if (actor.mustChangePassword && !safeCallbackUrl((await headers()).get(PATHNAME_HEADER)).startsWith("/tai-khoan/mat-khau")) {
    redirect("/tai-khoan/mat-khau");
  }
  return (
    <RootDocument lang="vi">
      <SkipLink target="noi-dung" />
      <AppHeader actor={actor} unread={await getUnreadCount(actor)} />
      <MainNav links={navLinksFor(actor.role)} />
      <main id="noi-dung" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      {/* On paper, where the numbers come from (issue #16, item 10); the demo notice prints with the page. */}
      <footer className="print-only mx-auto max-w-6xl px-4 text-xs" data-print-source>
        Nguồn: {DATA_SOURCE.vi}
      </footer>
    </RootDocument>
  );
}

/**
 * The signed-in shell, one component for both routers: the skip link, the header, the menu of the
 * role, <main> (pages inside render no <main> of their own) and the printed source line. The App
 * Router's staff layout (app/(app)/layout.tsx) and the dashboard pages without JavaScript
 * (static-staff-page.tsx, ADR 035) render it. What differs is given: the "Đăng xuất" control, and
 * the page's path for the menu's current entry — without it (App Router), the menu follows the
 * browser's path (LiveMainNav).
 */
import type { Actor } from "@/lib/auth/actor";
import { DATA_SOURCE } from "@/lib/export/provenance";
import { AppHeader } from "./app-header";
import { LiveMainNav } from "./live-main-nav";
import { MainNav } from "./main-nav";
import { navLinksFor } from "./nav-links";
import { SkipLink } from "./skip-link";

export function StaffShell({ actor, unread, pathname, signOut, children }: { actor: Actor; unread: number; pathname?: string; signOut: React.ReactNode; children: React.ReactNode }) {
  return (
    <>
      <SkipLink target="noi-dung" />
      <AppHeader actor={actor} unread={unread} signOut={signOut} />
      {pathname === undefined ? <LiveMainNav links={navLinksFor(actor.role)} /> : <MainNav links={navLinksFor(actor.role)} pathname={pathname} />}
      <main id="noi-dung" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      {/* On paper, where the numbers come from (issue #16, item 10); the demo notice prints with the page. */}
      <footer className="print-only mx-auto max-w-6xl px-4 text-xs" data-print-source>
        Nguồn: {DATA_SOURCE.vi}
      </footer>
    </>
  );
}

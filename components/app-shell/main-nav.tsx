/*
 * Plain links, not next/link (ADR 031): each staff page is a full page load. The drill-down's long
 * tables are rendered once on the server, which a client-side navigation could not show; and the
 * router's prefetching of every menu entry in view was main-thread and network work on each page
 * for pages rarely opened next. The markup only: the dashboard pages, which ship no JavaScript, render it
 * with the request's path (ADR 035); the App Router's pages through LiveMainNav (usePathname).
 */
import type { NavLink } from "./nav-links";

function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The staff pages the signed-in role may use; the current one (by `pathname`, without the query) is marked for screen readers too. */
export function MainNav({ links, pathname }: { links: NavLink[]; pathname: string }) {
  return (
    <nav aria-label="Chức năng" className="print-hidden border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4">
        {links.map((link) => {
          const current = isCurrent(pathname, link.href);
          return (
            <li key={link.href}>
              <a
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700 ${
                  current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-brand-800"
                }`}
              >
                {link.labelVi}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

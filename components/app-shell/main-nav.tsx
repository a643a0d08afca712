"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavLink } from "./nav-links";

function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The staff pages the signed-in role may use; the current one is marked for screen readers too. */
export function MainNav({ links }: { links: NavLink[] }) {
  // string | null in the types once a pages/ directory exists (the public pages, ADR 012); always set in the App Router.
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Chức năng" className="print-hidden border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4">
        {links.map((link) => {
          const current = isCurrent(pathname, link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700 ${
                  current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-brand-800"
                }`}
              >
                {link.labelVi}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

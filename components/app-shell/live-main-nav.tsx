"use client";
/**
 * MainNav for the App Router's staff pages: the current entry from usePathname, because the
 * layout that renders the menu is not rendered again when a server action's redirect moves the
 * page on the client. The dashboard pages, which ship no JavaScript, render MainNav itself from
 * the request's path (ADR 035).
 */
import { usePathname } from "next/navigation";
import { MainNav } from "./main-nav";
import type { NavLink } from "./nav-links";

export function LiveMainNav({ links }: { links: NavLink[] }) {
  // string | null in the types once a pages/ directory exists (ADR 012); always set in the App Router.
  return <MainNav links={links} pathname={usePathname() ?? ""} />;
}

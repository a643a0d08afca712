"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { AdminSection } from "@/lib/admin/sections";

/** The administration's own menu, under the main one: the sections the signed-in role may open (the layout picks them). */
export function AdminNav({ sections }: { sections: readonly Pick<AdminSection, "href" | "label">[] }) {
  const pathname = usePathname() ?? ""; // nullable type once a pages/ directory exists (ADR 012)
  return (
    <nav aria-label="Quản trị" className="mb-6 border-b border-slate-200">
      <ul className="flex flex-wrap gap-1">
        {sections.map((s) => {
          const current = pathname === s.href || pathname.startsWith(`${s.href}/`);
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded-t px-3 py-1.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700 ${
                  current ? "bg-brand-700 font-semibold text-white" : "text-brand-800 hover:bg-slate-100"
                }`}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

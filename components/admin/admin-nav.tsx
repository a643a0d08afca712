"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export const ADMIN_SECTIONS = [
  { href: "/quan-tri/nguoi-dung", label: "Tài khoản" },
  { href: "/quan-tri/co-quan", label: "Cơ quan" },
  { href: "/quan-tri/chi-tieu", label: "Chỉ tiêu và mục tiêu" },
  { href: "/ky-bao-cao", label: "Kỳ báo cáo" },
  { href: "/quan-tri/don-vi", label: "Đơn vị hành chính" },
  { href: "/quan-tri/nhat-ky", label: "Nhật ký" },
] as const;

/** The administration's own menu, under the main one. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Quản trị" className="mb-6 border-b border-slate-200">
      <ul className="flex flex-wrap gap-1">
        {ADMIN_SECTIONS.map((s) => {
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

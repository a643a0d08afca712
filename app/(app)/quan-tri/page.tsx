import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { NoPermission } from "@/components/app-shell/no-permission";
import { ADMIN_PERMISSIONS, adminSectionsFor } from "@/lib/admin/sections";
import { adminActor } from "@/lib/admin/guard";

export const metadata: Metadata = { title: "Quản trị" };

export default function AdminHome() {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">Quản trị</h1>
      <Suspense fallback={<p className="mt-4">Đang tải…</p>}>
        <Sections />
      </Suspense>
    </>
  );
}

async function Sections() {
  // Open to whoever may open one of its sections; it lists those only.
  const actor = await adminActor(ADMIN_PERMISSIONS, "/quan-tri");
  if (!actor) return <NoPermission what="quản trị hệ thống" />;
  return (
    <ul className="mt-4 grid gap-3 sm:grid-cols-2">
      {adminSectionsFor(actor.role).map((s) => (
        <li key={s.href} className="rounded border border-slate-200 bg-white p-4">
          <Link href={s.href} className="font-semibold text-brand-800 underline">
            {s.label}
          </Link>
          <p className="mt-1 text-sm text-slate-700">{s.what}</p>
        </li>
      ))}
    </ul>
  );
}

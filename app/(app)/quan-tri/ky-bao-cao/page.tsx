import { Suspense } from "react";
import type { Metadata } from "next";
import { NoPermission } from "@/components/app-shell/no-permission";
import { PeriodTable } from "@/components/periods/period-table";
import { adminActor } from "@/lib/admin/guard";
import { getNextPeriodForAdmin, getPeriodsForAdmin } from "@/lib/data/period-admin";
import { OpenPeriodForm } from "@/components/admin/open-period-form";

export const metadata: Metadata = { title: "Kỳ báo cáo" };

export default function PeriodsPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">Kỳ báo cáo</h1>
      <Suspense fallback={<p className="mt-4">Đang tải các kỳ báo cáo…</p>}>
        <Periods />
      </Suspense>
    </>
  );
}

async function Periods() {
  // An administration page like the others, though its permission is not an admin.* one.
  const actor = await adminActor("period.manage", "/quan-tri/ky-bao-cao");
  if (!actor) return <NoPermission what="quản lý kỳ báo cáo" />;
  const [periods, next] = await Promise.all([getPeriodsForAdmin(actor), getNextPeriodForAdmin(actor)]);
  return (
    <>
      <p className="mt-2 max-w-3xl text-slate-700">
        Kỳ đã khóa không nhận thay đổi số liệu (trừ quản trị viên, có nêu lý do). Mở khóa một kỳ cần nêu lý do; mọi thao
        tác được ghi vào nhật ký.
      </p>
      <OpenPeriodForm next={next} />
      <PeriodTable periods={periods} />
    </>
  );
}

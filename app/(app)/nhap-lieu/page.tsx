import { Suspense } from "react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { DemoNotice } from "@/components/demo-notice";
import { EntryGrid } from "@/components/entry/entry-grid";
import { PeriodPicker } from "@/components/entry/period-picker";
import { getCurrentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getEntryGrid } from "@/lib/data/entry";
import { formatDate } from "@/lib/format/number";
import { PERIOD_STATUS_LABELS } from "@/lib/review/figure-status";
import { entryParamsSchema } from "@/lib/validations/figure";
import { vietnamClock } from "@/lib/period/vietnam-time";

export const metadata: Metadata = { title: "Nhập số liệu" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The signed-in layout provides <main>; this page renders none of its own.
export default function EntryPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <Suspense fallback={<p>Đang tải bảng nhập liệu…</p>}>
      <Entry searchParams={searchParams} />
    </Suspense>
  );
}

async function Entry({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const { ky, loc, tim } = entryParamsSchema.parse(await searchParams);
  const actor = await getCurrentActor();
  if (!actor) redirect(`/dang-nhap?callbackUrl=${encodeURIComponent(ky ? `/nhap-lieu?ky=${ky}` : "/nhap-lieu")}`);
  if (!can(actor.role, "figure.edit")) {
    return (
      <>
        <h1 className="text-2xl font-bold text-brand-800">Nhập số liệu</h1>
        <p className="mt-4" role="alert">
          Tài khoản của bạn không có quyền nhập số liệu. Hãy liên hệ quản trị viên nếu bạn cần quyền này.
        </p>
      </>
    );
  }

  const grid = await getEntryGrid(actor, ky);
  if (!grid) {
    return (
      <>
        <h1 className="text-2xl font-bold text-brand-800">Nhập số liệu</h1>
        <p className="mt-4" role="alert">
          Không có kỳ báo cáo {ky ? `“${ky}”` : "nào"}. <a className="underline" href="/nhap-lieu">Về kỳ đang mở</a>.
        </p>
      </>
    );
  }
  const deadline = new Date(grid.period.deadline);
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request: "now" is the request's time
  const overdue = grid.period.status === "OPEN" && deadline.getTime() < Date.now();
  return (
    <>
      {grid.hasDemoData && <DemoNotice />}
      <div className="mt-2 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-brand-800">Nhập số liệu — {grid.period.label}</h1>
          <p className="mt-1 text-sm text-slate-700">
            Trạng thái kỳ: <strong>{PERIOD_STATUS_LABELS[grid.period.status]}</strong>. Hạn nộp:{" "}
            {formatDate(vietnamClock(deadline), "vi")}
            {overdue && <strong className="ml-1 text-red-800">(đã quá hạn)</strong>}.
          </p>
          <p className="mt-1 text-sm">
            <a className="text-brand-800 underline" href={`/nhap-lieu/nhap-tep?ky=${grid.period.key}`}>
              Nhập hoặc xuất bằng tệp Excel/CSV
            </a>
          </p>
        </div>
        <PeriodPicker periods={grid.periods} current={grid.period.key} />
      </div>
      <div className="mt-4">
        <EntryGrid key={grid.period.key} grid={grid} filter={loc} search={tim} />
      </div>
    </>
  );
}

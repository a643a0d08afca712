import { Suspense } from "react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { PeriodPicker } from "@/components/entry/period-picker";
import { ImportForm } from "@/components/import/import-form";
import { getCurrentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getEntryGrid } from "@/lib/data/entry";
import { IMPORT_LIMITS_TEXT } from "@/lib/import/columns";
import { PERIOD_STATUS_LABELS } from "@/lib/review/figure-status";
import { entryParamsSchema } from "@/lib/validations/figure";

export const metadata: Metadata = { title: "Nhập số liệu từ tệp" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The signed-in layout provides <main>.
export default function ImportPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <Suspense fallback={<p>Đang tải…</p>}>
      <Import searchParams={searchParams} />
    </Suspense>
  );
}

async function Import({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const { ky } = entryParamsSchema.parse(await searchParams);
  const here = ky ? `/nhap-lieu/nhap-tep?ky=${ky}` : "/nhap-lieu/nhap-tep";
  const actor = await getCurrentActor();
  if (!actor) redirect(`/dang-nhap?callbackUrl=${encodeURIComponent(here)}`);
  if (!can(actor.role, "figure.edit")) {
    return (
      <>
        <h1 className="text-2xl font-bold text-brand-800">Nhập số liệu từ tệp</h1>
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
        <h1 className="text-2xl font-bold text-brand-800">Nhập số liệu từ tệp</h1>
        <p className="mt-4" role="alert">
          Không có kỳ báo cáo {ky ? `“${ky}”` : "nào"}. <a className="underline" href="/nhap-lieu/nhap-tep">Về kỳ đang mở</a>.
        </p>
      </>
    );
  }
  const cells = grid.indicators.reduce((n, i) => n + i.groups.reduce((m, g) => m + g.rows.length, 0), 0);
  const locked = grid.period.status === "LOCKED";
  const key = grid.period.key;
  return (
    <>
      <p className="text-sm">
        <a className="text-brand-800 underline" href={`/nhap-lieu?ky=${key}`}>
          ← Bảng nhập liệu {grid.period.label}
        </a>
      </p>
      <div className="mt-2 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-brand-800">Nhập số liệu từ tệp — {grid.period.label}</h1>
          <p className="mt-1 text-sm text-slate-700">
            Trạng thái kỳ: <strong>{PERIOD_STATUS_LABELS[grid.period.status]}</strong>. Tệp mẫu có {cells.toLocaleString("vi-VN")} ô số liệu
            thuộc phạm vi của bạn.
          </p>
        </div>
        <PeriodPicker periods={grid.periods} current={key} action="/nhap-lieu/nhap-tep" />
      </div>

      <section aria-labelledby="buoc-1" className="mt-6 rounded border border-slate-200 bg-white p-4">
        <h2 id="buoc-1" className="text-lg font-semibold text-brand-800">
          1. Tải tệp mẫu
        </h2>
        <p className="mt-1 text-sm">
          Tệp mẫu có sẵn mã và tên chỉ tiêu, đơn vị, số liệu hiện có và phiên bản của từng ô. Chỉ điền các cột Tử số, Mẫu số, Giá trị và Ghi
          chú; không đổi tên trang tính hay cột.
        </p>
        <ul className="mt-3 flex flex-wrap gap-3">
          <li>
            <a className="inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800" href={`/nhap-lieu/nhap-tep/mau?ky=${key}&dinh-dang=xlsx`} download>
              Tải tệp mẫu Excel (.xlsx)
            </a>
          </li>
          <li>
            <a className="inline-block rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-slate-100" href={`/nhap-lieu/nhap-tep/mau?ky=${key}&dinh-dang=csv`} download>
              Tải tệp mẫu CSV (UTF-8)
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="buoc-2" className="mt-6 rounded border border-slate-200 bg-white p-4">
        <h2 id="buoc-2" className="text-lg font-semibold text-brand-800">
          2. Tải tệp lên, xem trước và ghi
        </h2>
        <p className="mt-1 text-sm">
          Mỗi dòng được kiểm tra như khi nhập trên bảng. Bạn xem trước số liệu sẽ được tạo mới, thay đổi hay giữ nguyên, và mọi lỗi theo dòng
          và cột; chỉ khi tệp không còn lỗi mới ghi được, và mọi dòng được ghi cùng lúc hoặc không dòng nào. Giới hạn: {IMPORT_LIMITS_TEXT}.
        </p>
        {locked && !grid.canEditLocked ? (
          <p className="mt-3" role="alert">
            {grid.period.label} đã khóa sổ: không thể nhập số liệu cho kỳ này.
          </p>
        ) : (
          <ImportForm period={{ id: grid.period.id, key, label: grid.period.label }} needsReason={locked} />
        )}
      </section>
    </>
  );
}

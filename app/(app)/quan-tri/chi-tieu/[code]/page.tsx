import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { Suspense } from "react";
import { NoPermission } from "@/components/app-shell/no-permission";
import { EditIndicatorForm, TargetsEditor } from "@/components/admin/indicator-forms";
import { IndicatorRetirement } from "@/components/admin/indicator-retirement";
import { LEVEL_LABELS, targetText } from "@/lib/admin/target-text";
import { adminActor } from "@/lib/admin/guard";
import { getIndicatorCodeForAdmin, getIndicatorForAdmin } from "@/lib/data/admin-indicators";
import { getOpenDepartmentOptions } from "@/lib/data/admin-departments";
import { formatVietnamDateTime } from "@/lib/period/vietnam-time";
import { auditSearch } from "@/lib/validations/admin-audit";
import { BaselinesEditor } from "@/components/admin/baseline-forms";
import { getBaselinesForAdmin } from "@/lib/data/admin-indicators";

export const metadata: Metadata = { title: "Chỉ tiêu — Quản trị" };


/** The id these pages were keyed by until #17 (ADR 026). */
const OLD_ID = /^\d{1,9}$/;

export default async function IndicatorPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // An old id URL is answered before the page starts streaming, so the answer is a real 308 (inside
  // <Suspense> it could only be a redirect in the page's HTML, with status 200).
  if (OLD_ID.test(code)) await redirectOldId(Number(code));
  return (
    <Suspense fallback={<p>Đang tải chỉ tiêu…</p>}>
      <Indicator code={decodeURIComponent(code)} />
    </Suspense>
  );
}

/** A permanent redirect to the code, the one key of an indicator; back to the page (which refuses) without the permission. */
async function redirectOldId(id: number): Promise<void> {
  const actor = await adminActor("admin.indicators", `/quan-tri/chi-tieu/${id}`);
  if (!actor) return;
  const code = await getIndicatorCodeForAdmin(actor, id);
  if (code) permanentRedirect(`/quan-tri/chi-tieu/${code}`);
  notFound();
}

async function Indicator({ code }: { code: string }) {
  const actor = await adminActor("admin.indicators", `/quan-tri/chi-tieu/${encodeURIComponent(code)}`);
  if (!actor) return <NoPermission what="quản lý chỉ tiêu" />;
  // Indicator codes are capitals, digits and underscores (the catalogue's rule): anything else is no indicator.
  if (!/^[A-Z0-9_]{1,64}$/.test(code)) notFound();
  const [i, departments, baselines] = await Promise.all([getIndicatorForAdmin(actor, code), getOpenDepartmentOptions(actor, "admin.indicators"), getBaselinesForAdmin(actor, code)]);
  if (!i) notFound();
  return (
    <>
      <p className="text-sm">
        <Link href="/quan-tri/chi-tieu" className="text-brand-800 underline">
          ← Chỉ tiêu và mục tiêu
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-brand-800">{i.nameVi}</h1>
      <p className="text-sm text-slate-700">
        Mã <span className="font-mono">{i.code}</span> ·{" "}
        <Link href={`/quan-tri/nhat-ky${auditSearch({ "doi-tuong": "Indicator", "ma-doi-tuong": String(i.id) })}`} className="text-brand-800 underline">
          Nhật ký của chỉ tiêu
        </Link>
      </p>
      <div className="mt-6">
        <EditIndicatorForm indicator={i} departments={departments} />
      </div>
      <IndicatorRetirement indicator={i} />
      <TargetsEditor indicator={i} current={i.current} sectors={i.sectors} />
      <section aria-labelledby="lich-su-muc-tieu" className="mt-8">
        <h2 id="lich-su-muc-tieu" className="text-lg font-semibold text-brand-800">
          Lịch sử mục tiêu (đã thay thế hoặc rút)
        </h2>
        {i.history.length === 0 ? (
          <p className="mt-1 text-sm">Chưa có mục tiêu nào bị thay thế.</p>
        ) : (
          <table className="mt-2 w-full border-collapse text-left text-sm" data-target-history>
            <caption className="sr-only">Mục tiêu đã thay thế, mới nhất trước</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="px-2 py-1">Năm</th>
                <th scope="col" className="px-2 py-1">Cấp</th>
                <th scope="col" className="px-2 py-1">Mục tiêu</th>
                <th scope="col" className="px-2 py-1">Căn cứ</th>
                <th scope="col" className="px-2 py-1">Hiệu lực</th>
              </tr>
            </thead>
            <tbody>
              {i.history.map((t) => (
                <tr key={t.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="px-2 py-1">{t.year}</th>
                  <td className="px-2 py-1">
                    {LEVEL_LABELS[t.level]}
                    {t.sectorName && `, ${t.sectorName}`}
                  </td>
                  <td className="px-2 py-1">{targetText(t, i.unitVi)}</td>
                  <td className="px-2 py-1 text-xs">
                    “{t.sourceClauseVi}” — {t.sourceVi}
                  </td>
                  <td className="whitespace-nowrap px-2 py-1 text-xs">
                    {formatVietnamDateTime(t.createdAt)} → {formatVietnamDateTime(t.supersededAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <BaselinesEditor indicator={i} baselines={baselines} sectors={i.sectors} />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { NoPermission } from "@/components/app-shell/no-permission";
import { AuditTable } from "@/components/admin/audit-table";
import { BUTTON, SelectField } from "@/components/admin/form-controls";
import { Field } from "@/components/auth/field";
import { prisma } from "@/lib/db";
import { adminActor } from "@/lib/admin/guard";
import { getAuditFilterOptions, getAuditPage } from "@/lib/data/audit-log";
import { auditParamsSchema, auditSearch, SYSTEM_ACTOR, type AuditParams } from "@/lib/validations/admin-audit";

export const metadata: Metadata = { title: "Nhật ký — Quản trị" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default function AuditPage({ searchParams }: { searchParams: Search }) {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">Nhật ký thay đổi</h1>
      <Suspense fallback={<p className="mt-4">Đang tải nhật ký…</p>}>
        <Audit searchParams={searchParams} />
      </Suspense>
    </>
  );
}

async function Audit({ searchParams }: { searchParams: Search }) {
  const params: AuditParams = auditParamsSchema.parse(await searchParams);
  const actor = await adminActor("audit.read", `/quan-tri/nhat-ky${auditSearch(params, params.trang)}`);
  if (!actor) return <NoPermission what="xem nhật ký" />;
  const [page, options] = await Promise.all([getAuditPage(prisma, actor, params), getAuditFilterOptions(prisma, actor)]);
  return (
    <>
      <form method="get" className="mt-4 grid max-w-5xl gap-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-3" aria-label="Lọc nhật ký">
        <SelectField id="loc-nguoi" name="nguoi" label="Người thực hiện" defaultValue={params.nguoi ?? ""}>
          <option value="">Tất cả</option>
          <option value={SYSTEM_ACTOR}>Hệ thống</option>
          {options.actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </SelectField>
        <SelectField id="loc-hanh-dong" name="hanh-dong" label="Hành động" defaultValue={params["hanh-dong"] ?? ""}>
          <option value="">Tất cả</option>
          {options.actions.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </SelectField>
        <SelectField id="loc-doi-tuong" name="doi-tuong" label="Đối tượng" defaultValue={params["doi-tuong"] ?? ""}>
          <option value="">Tất cả</option>
          {options.entityTypes.map((e) => (
            <option key={e.value} value={e.value}>
              {e.label}
            </option>
          ))}
        </SelectField>
        <Field id="loc-ma" name="ma-doi-tuong" label="Mã đối tượng (không bắt buộc)" defaultValue={params["ma-doi-tuong"] ?? ""} />
        <Field id="loc-tu" name="tu" label="Từ ngày" type="date" defaultValue={params.tu ?? ""} />
        <Field id="loc-den" name="den" label="Đến ngày" type="date" defaultValue={params.den ?? ""} />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
          <button type="submit" className={BUTTON}>
            Lọc
          </button>
          <Link href="/quan-tri/nhat-ky" className="text-brand-800 underline">
            Bỏ lọc
          </Link>
          <a href={`/quan-tri/nhat-ky/xuat-csv${auditSearch(params)}`} className="text-brand-800 underline" download>
            Tải CSV (theo bộ lọc)
          </a>
        </div>
      </form>
      <p className="mt-4 text-sm" data-audit-total={page.total}>
        {page.total.toLocaleString("vi-VN")} dòng · trang {page.page}/{page.pages}
      </p>
      <AuditTable rows={page.rows} />
      <nav aria-label="Phân trang nhật ký" className="mt-4 flex gap-4 text-sm">
        {page.page > 1 ? (
          <Link href={`/quan-tri/nhat-ky${auditSearch(params, page.page - 1)}`} className="text-brand-800 underline" rel="prev">
            ← Trang trước
          </Link>
        ) : (
          <span className="text-slate-600">← Trang trước</span>
        )}
        {page.page < page.pages ? (
          <Link href={`/quan-tri/nhat-ky${auditSearch(params, page.page + 1)}`} className="text-brand-800 underline" rel="next">
            Trang sau →
          </Link>
        ) : (
          <span className="text-slate-600">Trang sau →</span>
        )}
      </nav>
    </>
  );
}

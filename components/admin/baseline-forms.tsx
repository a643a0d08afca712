"use client";
/**
 * An indicator's baselines on /quan-tri/chi-tieu/<code> (issue #15, item 2; ADR 032): the current
 * one per level × sector with "change" and "withdraw", the form that adds one or replaces the
 * current one of the same level and sector, and the history of replaced and withdrawn ones.
 */
import { useId, useState } from "react";
import { Field } from "@/components/auth/field";
import { setBaseline, withdrawBaseline } from "@/lib/actions/admin-indicators";
import { formatDate, formatNumber } from "@/lib/format/number";
import { formatVietnamDateTime } from "@/lib/period/vietnam-time";
import { formatAmount } from "@/lib/targets/comparator";
import { LEVEL_LABELS } from "@/lib/admin/target-text";
import { BUTTON, FormResult, SelectField, TextAreaField } from "./form-controls";
import { formObject, useAdminForm } from "./use-admin-form";
import { useHydrated } from "./use-hydrated";
import { CurrentRowActions } from "./current-row-actions";
import type { AdminBaseline, AdminBaselines } from "@/lib/data/admin-indicators";
import type { Option } from "./indicator-forms";

type Level = AdminBaseline["level"];

interface IndicatorView {
  id: number;
  kind: "RATIO" | "COUNT" | "CHANGE_VS_BASELINE" | "RANK";
  unitVi: string;
  levels: Level[];
  bySector: boolean;
}

function dayText(b: Pick<AdminBaseline, "date" | "dateAssumed">): string {
  return `${formatDate(new Date(b.date), "vi")}${b.dateAssumed ? " (ngày giả định)" : ""}`;
}

/** The day as a date field holds it (kept here: lib/validations/admin-common's would bring zod to the browser). */
const isoDay = (d: Date) => new Date(d).toISOString().slice(0, 10);

function levelText(b: Pick<AdminBaseline, "level" | "sectorName">): string {
  return `${LEVEL_LABELS[b.level]}${b.sectorName ? `, ${b.sectorName}` : ""}`;
}

export function BaselinesEditor({ indicator, baselines, sectors }: { indicator: IndicatorView; baselines: AdminBaselines; sectors: Option[] }) {
  const [editing, setEditing] = useState<AdminBaseline | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <>
      <section aria-labelledby="muc-goc-hien-hanh" className="mt-8">
        <h2 id="muc-goc-hien-hanh" className="text-lg font-semibold text-brand-800">
          Mức gốc
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Mức gốc là điểm xuất phát của tiến độ. Mỗi cấp (và ngành) có một mức gốc hiện hành; chương trình mới bắt đầu từ mức gốc mới.
        </p>
        {baselines.current.length === 0 ? (
          <p className="mt-1 text-sm">Chưa có mức gốc nào: tiến độ tính từ số liệu công bố đầu tiên.</p>
        ) : (
          <table className="mt-2 w-full border-collapse text-left text-sm">
            <caption className="sr-only">Mức gốc hiện hành theo cấp</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="px-2 py-1">Cấp</th>
                {indicator.bySector && <th scope="col" className="px-2 py-1">Ngành</th>}
                <th scope="col" className="px-2 py-1">Giá trị</th>
                <th scope="col" className="px-2 py-1">Ngày</th>
                <th scope="col" className="px-2 py-1">Căn cứ</th>
                <th scope="col" className="px-2 py-1">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {baselines.current.map((b) => {
                const label = `(${levelText(b)})`;
                return (
                  <tr key={b.id} className="border-b border-slate-200 align-top" data-baseline-level={b.level} data-baseline-sector={b.sectorId ?? ""}>
                    <th scope="row" className="px-2 py-1">{LEVEL_LABELS[b.level]}</th>
                    {indicator.bySector && <td className="px-2 py-1">{b.sectorName ?? "—"}</td>}
                    <td className="px-2 py-1" data-baseline-text>
                      {formatAmount(b.value, indicator.unitVi, "vi")}
                      {b.isDemo && " (minh họa)"}
                    </td>
                    <td className="whitespace-nowrap px-2 py-1" data-baseline-date>
                      {dayText(b)}
                    </td>
                    <td className="px-2 py-1 text-xs">
                      “{b.sourceClauseVi}” — {b.sourceVi}
                    </td>
                    <td className="px-2 py-1">
                      <CurrentRowActions
                        noun="mức gốc"
                        label={label}
                        formAnchor="dat-muc-goc"
                        onEdit={() => {
                          setEditing(b);
                          setFormKey((k) => k + 1);
                        }}
                        withdraw={withdrawBaseline}
                        withdrawInput={(reason) => ({ baselineId: b.id, reason })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <div className="mt-8" id="dat-muc-goc">
        <BaselineForm key={formKey} indicator={indicator} sectors={sectors} initial={editing} />
      </div>
      <section aria-labelledby="lich-su-muc-goc" className="mt-8">
        <h2 id="lich-su-muc-goc" className="text-lg font-semibold text-brand-800">
          Lịch sử mức gốc (đã thay thế hoặc rút)
        </h2>
        {baselines.history.length === 0 ? (
          <p className="mt-1 text-sm">Chưa có mức gốc nào bị thay thế.</p>
        ) : (
          <table className="mt-2 w-full border-collapse text-left text-sm" data-baseline-history>
            <caption className="sr-only">Mức gốc đã thay thế hoặc rút, mới nhất trước</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="px-2 py-1">Cấp</th>
                <th scope="col" className="px-2 py-1">Giá trị</th>
                <th scope="col" className="px-2 py-1">Ngày</th>
                <th scope="col" className="px-2 py-1">Căn cứ</th>
                <th scope="col" className="px-2 py-1">Hiệu lực</th>
              </tr>
            </thead>
            <tbody>
              {baselines.history.map((b) => (
                <tr key={b.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="px-2 py-1">{levelText(b)}</th>
                  <td className="px-2 py-1">
                    {formatAmount(b.value, indicator.unitVi, "vi")}
                    {b.isDemo && " (minh họa)"}
                  </td>
                  <td className="whitespace-nowrap px-2 py-1">{dayText(b)}</td>
                  <td className="px-2 py-1 text-xs">
                    “{b.sourceClauseVi}” — {b.sourceVi}
                  </td>
                  <td className="whitespace-nowrap px-2 py-1 text-xs">
                    {formatVietnamDateTime(b.createdAt)} → {formatVietnamDateTime(b.supersededAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function BaselineForm({ indicator, sectors, initial }: { indicator: IndicatorView; sectors: Option[]; initial: AdminBaseline | null }) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(
    setBaseline,
    (form) => ({ ...formObject(form), indicatorId: indicator.id }),
    (r) => (r.supersededId ? "Đã thay mức gốc; mức gốc cũ được giữ trong lịch sử." : "Đã thêm mức gốc."),
  );
  const e = state?.fieldErrors;
  // The province always: every level's figures roll up to it.
  const levels: Level[] = ["PROVINCE", ...indicator.levels.filter((l) => l !== "PROVINCE")];
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4" aria-labelledby={`${id}-tieu-de`}>
      <h2 id={`${id}-tieu-de`} className="text-lg font-semibold text-brand-800">
        {initial ? `Thay đổi mức gốc ${levelText(initial)}` : "Thêm hoặc thay đổi mức gốc"}
      </h2>
      <p className="text-sm text-slate-700">
        Ghi mức gốc cho cấp (và ngành) đã có mức gốc sẽ thay thế mức gốc đó; mức gốc cũ vẫn hiện trong lịch sử bên dưới.
      </p>
      {indicator.kind === "CHANGE_VS_BASELINE" && (
        <p className="text-sm font-medium text-amber-900" data-baseline-warning>
          Chỉ tiêu này đo mức thay đổi so với mức gốc: thay mức gốc sẽ tính lại mọi giá trị đã công bố, kể cả kết luận của chương trình đã kết thúc.
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField id={`${id}-cap`} name="level" label="Cấp" defaultValue={initial?.level ?? levels[0]} errors={e?.level}>
          {levels.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </SelectField>
        {indicator.bySector && (
          <SelectField id={`${id}-nganh`} name="sectorId" label="Ngành, lĩnh vực" defaultValue={initial?.sectorId ?? ""} errors={e?.sectorId}>
            <option value="">— Chọn ngành —</option>
            {sectors.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={`${id}-gia-tri`}
          name="value"
          label={`Giá trị (${indicator.unitVi})`}
          inputMode="decimal"
          hint="Viết kiểu Việt Nam: 34,87 hoặc 1.650."
          defaultValue={initial ? formatNumber(initial.value, "vi", { maximumFractionDigits: 6 }) : ""}
          required
          errors={e?.value}
        />
        <Field
          id={`${id}-ngay`}
          name="date"
          label="Ngày của mức gốc"
          type="date"
          hint="Ngày mà mức gốc mô tả, từ 01/01/2000 đến hôm nay."
          defaultValue={initial ? isoDay(initial.date) : ""}
          required
          errors={e?.date}
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="dateAssumed" defaultChecked={initial?.dateAssumed ?? false} />
        Ngày là giả định (văn bản nguồn không ghi ngày)
      </label>
      <TextAreaField id={`${id}-trich-dan`} name="sourceClauseVi" label="Trích dẫn căn cứ (nguyên văn điều khoản)" rows={3} defaultValue={initial?.sourceClauseVi ?? ""} required errors={e?.sourceClauseVi} />
      {/* Not prefilled with the indicator's source: a baseline is usually given by another document (a report, a survey). */}
      <Field id={`${id}-nguon`} name="sourceVi" label="Văn bản nguồn" hint="Văn bản nêu mức gốc: số, ngày, cơ quan ban hành." defaultValue={initial?.sourceVi ?? ""} required errors={e?.sourceVi} />
      <Field id={`${id}-ly-do`} name="reason" label="Lý do thay đổi (không bắt buộc, ghi vào nhật ký)" errors={e?.reason} />
      <FormResult state={state} />
      <button type="submit" disabled={!ready || pending} className={BUTTON}>
        Lưu mức gốc
      </button>
    </form>
  );
}

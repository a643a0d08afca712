"use client";
/**
 * What the entry grid draws: one table per indicator (IndicatorTable), one
 * memoised row per unit (GridRow) with its cells and their messages, and the
 * panel that shows a refused save's conflicts. State lives in entry-grid.tsx.
 */
import { memo, useMemo } from "react";
import type { EntryFigure, EntryIndicator, EntryRow } from "@/lib/data/entry";
import type { FigureConflict } from "@/lib/services/figures";
import { MAX_SOURCE_DOCUMENT, OBSERVATION_STATUS_LABELS, OBSERVATION_STATUSES } from "@/lib/validations/figure";
import { FIGURE_STATUS_LABELS } from "@/lib/review/figure-status";
import { FigureStatusBadge } from "./figure-status-badge";
import {
  cellNumber,
  draftFrom,
  EMPTY,
  figureText,
  formatDateTime,
  isDirty,
  keyOf,
  newer,
  rateText,
  rowErrors,
  rowLabel,
  type Draft,
  type Field,
  type FieldErrors,
} from "./entry-grid-model";

export function ConflictPanel({
  conflicts,
  index,
  drafts,
  onTakeTheirs,
  onKeepMine,
}: {
  conflicts: FigureConflict[];
  index: Map<string, { row: EntryRow; indicator: EntryIndicator }>;
  drafts: Record<string, Draft>;
  onTakeTheirs: (c: FigureConflict) => void;
  onKeepMine: (c: FigureConflict) => void;
}) {
  return (
    <section aria-labelledby="conflict-title" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm" data-testid="conflicts">
      <h2 id="conflict-title" className="font-semibold text-red-900">
        Số liệu đã được người khác thay đổi — chưa có gì được lưu
      </h2>
      <ul className="mt-2 space-y-3">
        {conflicts.map((c) => {
          const key = keyOf(c);
          const entry = index.get(key);
          const mine = drafts[key];
          const kind = entry?.indicator.kind ?? "COUNT";
          const unitVi = entry?.indicator.unitVi ?? "";
          return (
            <li key={`${key}:${c.index}`} data-conflict-key={key}>
              <p className="font-medium">
                {entry ? `${entry.indicator.nameVi} – ${rowLabel(entry.row)}` : "Số liệu"}
              </p>
              {c.current ? (
                <p>
                  Giá trị hiện tại: <strong>{figureText(kind, c.current, unitVi)}</strong> ({FIGURE_STATUS_LABELS[c.current.status]}, phiên bản{" "}
                  {c.current.version}), do <strong>{c.current.updatedByName ?? "hệ thống"}</strong> cập nhật lúc {formatDateTime(c.current.updatedAt)}.
                </p>
              ) : (
                <p>Số liệu này không còn tồn tại.</p>
              )}
              {mine && (
                <p>
                  Bạn đã nhập:{" "}
                  {kind === "RATIO" ? `${mine.numerator || "…"} / ${mine.denominator || "…"}` : `${mine.value || "…"} ${unitVi}`}
                </p>
              )}
              <div className="mt-1 flex flex-wrap gap-2">
                <button type="button" onClick={() => onTakeTheirs(c)} className="rounded border border-slate-400 bg-white px-2 py-1">
                  Dùng giá trị hiện tại
                </button>
                {mine && c.current && (
                  <button type="button" onClick={() => onKeepMine(c)} className="rounded border border-slate-400 bg-white px-2 py-1">
                    Giữ giá trị của tôi (lưu lại để thay thế)
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => window.location.reload()} className="mt-3 rounded border border-slate-400 bg-white px-2 py-1">
        Tải lại trang
      </button>
    </section>
  );
}

// ---------------------------------------------------------------- tables

interface TableProps {
  indicator: EntryIndicator;
  periodId: number;
  drafts: Record<string, Draft>;
  known: Record<string, EntryFigure>;
  selected: ReadonlySet<string>;
  serverErrors: Record<string, FieldErrors>;
  readOnly: boolean;
  onChange: (key: string, field: Field, text: string) => void;
  onToggle: (key: string, on: boolean) => void;
}

export function IndicatorTable({ indicator, periodId, drafts, known, selected, serverErrors, readOnly, onChange, onToggle }: TableProps) {
  const ratio = indicator.kind === "RATIO";
  const rows = indicator.groups.flatMap((g) => g.rows);
  const entered = rows.filter((r) => newer(r.figure, known[r.key]) !== null).length;
  const columns = ratio ? 9 : 7;
  const headingId = `indicator-${indicator.id}`;
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="text-lg font-semibold">
        {indicator.nameVi}
      </h2>
      <p className="text-sm text-slate-700">
        Đã nhập {entered}/{rows.length} ô.
        {ratio && indicator.numeratorLabelVi && ` Tử số: ${indicator.numeratorLabelVi}.`}
        {ratio && indicator.denominatorLabelVi && ` Mẫu số: ${indicator.denominatorLabelVi}.`}
        {!ratio && ` Đơn vị: ${indicator.unitVi}.`}
      </p>
      <div className="mt-2 overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{indicator.nameVi}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-2 py-2">
                <span className="sr-only">Chọn để gửi duyệt</span>
              </th>
              <th scope="col" className="px-2 py-2">
                Đơn vị
              </th>
              {ratio ? (
                <>
                  <th scope="col" className="px-2 py-2">
                    Tử số
                  </th>
                  <th scope="col" className="px-2 py-2">
                    Mẫu số
                  </th>
                  <th scope="col" className="px-2 py-2">
                    Tỷ lệ
                  </th>
                </>
              ) : (
                <th scope="col" className="px-2 py-2">
                  Giá trị ({indicator.unitVi})
                </th>
              )}
              <th scope="col" className="px-2 py-2">
                Ghi chú
              </th>
              <th scope="col" className="px-2 py-2">
                Tình trạng số liệu
              </th>
              <th scope="col" className="px-2 py-2">
                Văn bản nguồn
              </th>
              <th scope="col" className="px-2 py-2">
                Trạng thái
              </th>
            </tr>
          </thead>
          {indicator.groups.map((group, gi) => (
            <tbody key={gi}>
              {group.parentName && indicator.groups.length + group.rows.length > 2 && (
                <tr className="bg-slate-50">
                  <th scope="colgroup" colSpan={columns} className="px-2 py-1 text-left font-medium text-slate-700">
                    {group.parentName} ({group.rows.length} dòng)
                  </th>
                </tr>
              )}
              {group.rows.map((row) => (
                <GridRow
                  key={row.key}
                  indicator={indicator}
                  row={row}
                  periodId={periodId}
                  figure={newer(row.figure, known[row.key])}
                  draft={drafts[row.key]}
                  selected={selected.has(row.key)}
                  serverErrors={serverErrors[row.key]}
                  readOnly={readOnly}
                  onChange={onChange}
                  onToggle={onToggle}
                />
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}

interface RowProps {
  indicator: EntryIndicator;
  row: EntryRow;
  periodId: number;
  figure: EntryFigure | null;
  draft: Draft | undefined;
  selected: boolean;
  serverErrors: FieldErrors | undefined;
  readOnly: boolean;
  onChange: (key: string, field: Field, text: string) => void;
  onToggle: (key: string, on: boolean) => void;
}

const GridRow = memo(function GridRow({ indicator, row, periodId, figure, draft, selected, serverErrors, readOnly, onChange, onToggle }: RowProps) {
  const ratio = indicator.kind === "RATIO";
  const dirty = isDirty(indicator.kind, draft, figure);
  const clientErrors = useMemo(() => (dirty && draft ? rowErrors(indicator, row, periodId, draft) : {}), [dirty, draft, indicator, row, periodId]);
  const shown = draft ?? draftFrom(figure);
  const label = rowLabel(row);
  const canSelect = !readOnly && figure !== null && (figure.status === "DRAFT" || figure.status === "REJECTED");
  const errorsOf = (field: Field) => [...(clientErrors[field] ?? EMPTY), ...(serverErrors?.[field] ?? EMPTY)];

  const input = (field: Field, name: string, wide = false) => {
    const errors = errorsOf(field);
    const errorId = `err-${row.key}-${field}`.replace(/[^a-zA-Z0-9_-]/g, "_");
    return (
      <td className="px-2 py-1 align-top">
        <input
          type="text"
          inputMode={field === "comment" || field === "sourceDocument" ? "text" : ratio ? "numeric" : "decimal"}
          autoComplete="off"
          aria-label={`${name} – ${label}`}
          aria-invalid={errors.length > 0}
          aria-describedby={errors.length > 0 ? errorId : undefined}
          value={shown[field]}
          readOnly={readOnly}
          maxLength={field === "comment" ? 1000 : field === "sourceDocument" ? MAX_SOURCE_DOCUMENT : 40}
          onChange={(e) => onChange(row.key, field, e.target.value)}
          className={`${wide ? "w-48" : "w-28 text-right"} rounded border px-2 py-1 tabular-nums read-only:bg-slate-50 ${
            errors.length > 0 ? "border-red-600 bg-red-50" : "border-slate-300"
          }`}
        />
        {errors.length > 0 && (
          <p id={errorId} className="mt-0.5 max-w-56 text-xs text-red-800">
            {errors.join(" ")}
          </p>
        )}
      </td>
    );
  };

  return (
    <tr className={`border-t border-slate-200 ${dirty ? "bg-amber-50/60" : ""}`} data-row-key={row.key} data-status={figure?.status ?? "NONE"}>
      <td className="px-2 py-1 align-top">
        {canSelect && (
          <input type="checkbox" aria-label={`Chọn gửi duyệt – ${label}`} checked={selected} onChange={(e) => onToggle(row.key, e.target.checked)} />
        )}
      </td>
      <th scope="row" className="px-2 py-1 text-left align-top font-normal">
        {label}
        {dirty && <span className="ml-1 text-xs text-amber-900">(chưa lưu)</span>}
      </th>
      {ratio ? (
        <>
          {input("numerator", "Tử số")}
          {input("denominator", "Mẫu số")}
          <td className="px-2 py-1 align-top tabular-nums">
            <output aria-label={`Tỷ lệ – ${label}`}>{rateText(cellNumber(shown.numerator), cellNumber(shown.denominator))}</output>
          </td>
        </>
      ) : (
        input("value", "Giá trị")
      )}
      {input("comment", "Ghi chú", true)}
      <td className="px-2 py-1 align-top">
        <select
          aria-label={`Tình trạng số liệu – ${label}`}
          value={shown.observationStatus}
          disabled={readOnly}
          onChange={(e) => onChange(row.key, "observationStatus", e.target.value)}
          className="rounded border border-slate-300 px-1 py-1 disabled:bg-slate-50"
        >
          {OBSERVATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {OBSERVATION_STATUS_LABELS[s].vi}
            </option>
          ))}
        </select>
        {errorsOf("observationStatus").length > 0 && <p className="mt-0.5 max-w-56 text-xs text-red-800">{errorsOf("observationStatus").join(" ")}</p>}
      </td>
      {input("sourceDocument", "Văn bản nguồn", true)}
      <td className="px-2 py-1 align-top">
        <FigureStatusBadge status={figure?.status ?? null} />
        {figure && (
          <div className="mt-0.5 text-xs text-slate-600">
            {figure.updatedByName ?? "Hệ thống"}, {formatDateTime(figure.updatedAt)} ·{" "}
            <a href={`/so-lieu/${figure.id}`} className="underline" aria-label={`Lịch sử số liệu – ${label}`}>
              Lịch sử
            </a>
          </div>
        )}
        {figure?.status === "REJECTED" && figure.reviewComment && (
          <div className="mt-0.5 max-w-64 text-xs text-red-900">Ý kiến người duyệt: {figure.reviewComment}</div>
        )}
      </td>
    </tr>
  );
});

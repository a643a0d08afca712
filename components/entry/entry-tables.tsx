"use client";
/**
 * What the entry grid draws: one table per indicator (IndicatorTable), an
 * ARIA grid with one Tab stop (a roving tabindex) whose keys move between
 * cells as grid-navigation.ts says and which takes pasted blocks; one memoised
 * row per unit (GridRow) with its cells, their messages and the row's save
 * state; and the panel that shows a refused save's conflicts. State lives in
 * entry-grid.tsx.
 */
import { memo, useMemo, useRef, useState } from "react";
import type { EntryFigure, EntryIndicator, EntryRow } from "@/lib/data/entry";
import type { FigureConflict } from "@/lib/services/figures";
import { MAX_SOURCE_DOCUMENT, OBSERVATION_STATUS_LABELS, OBSERVATION_STATUSES } from "@/lib/validations/figure";
import { FIGURE_STATUS_LABELS } from "@/lib/review/figure-status";
import { FigureStatusBadge } from "./figure-status-badge";
import { isBlock } from "./grid-paste";
import { nextCell, tabStop, type CellControl, type CellPos, type GridShape } from "./grid-navigation";
import { SAVE_STATE_LABELS, type SaveState } from "./grid-save";
import {
  cellNumber,
  draftFrom,
  EMPTY,
  figureText,
  formatDateTime,
  gridColumns,
  isDirty,
  keyOf,
  newer,
  pasteFields,
  rateText,
  rowErrors,
  rowLabel,
  type Draft,
  type Field,
  type FieldErrors,
  type GridColumn,
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

/** A block pasted into one of a table's cells, for the grid to lay over the rows shown. */
export interface PasteRequest {
  indicator: EntryIndicator;
  /** The rows shown, in order: the block goes down them. */
  rows: EntryRow[];
  start: { row: number; col: number };
  text: string;
}

interface TableProps {
  indicator: EntryIndicator;
  periodId: number;
  drafts: Record<string, Draft>;
  known: Record<string, EntryFigure>;
  selected: ReadonlySet<string>;
  serverErrors: Record<string, FieldErrors>;
  pasteErrors: Record<string, FieldErrors>;
  saveStates: Record<string, SaveState>;
  /** The rows the filter and search let through. */
  shown: (row: EntryRow) => boolean;
  readOnly: boolean;
  onChange: (key: string, field: Field, text: string) => void;
  onToggle: (key: string, on: boolean) => void;
  onLeave: (key: string) => void;
  onPaste: (request: PasteRequest) => void;
}

const KEYBOARD_HELP_ID = "entry-grid-keys";

/** The keyboard's rules, once per page, referenced by every grid (aria-describedby). */
export function KeyboardHelp() {
  return (
    <p id={KEYBOARD_HELP_ID} className="mt-2 text-sm text-slate-700">
      Bàn phím: phím mũi tên chuyển ô; Enter xuống dòng dưới, Shift+Enter lên dòng trên; Tab, Shift+Tab sang ô bên cạnh; F2 để sửa
      giữa chừng nội dung ô, Esc để trả lại giá trị cũ. Dán được cả một vùng ô chép từ Excel hoặc LibreOffice. Mỗi dòng được lưu nháp
      tự động khi bạn rời ô vừa sửa.
    </p>
  );
}

function cellOf(el: EventTarget | null): { el: HTMLElement; pos: CellPos; control: CellControl } | null {
  if (!(el instanceof HTMLElement) || !el.dataset.cell) return null;
  const [row, col] = el.dataset.cell.split(":").map(Number);
  return { el, pos: { row: row!, col: col! }, control: (el.dataset.control as CellControl | undefined) ?? "text" };
}

export function IndicatorTable(props: TableProps) {
  const { indicator, periodId, drafts, known, selected, serverErrors, pasteErrors, saveStates, shown, readOnly, onChange, onToggle, onLeave, onPaste } = props;
  const ratio = indicator.kind === "RATIO";
  const all = indicator.groups.flatMap((g) => g.rows);
  const entered = all.filter((r) => newer(r.figure, known[r.key]) !== null).length;
  const groups = indicator.groups.map((g) => ({ ...g, rows: g.rows.filter(shown) })).filter((g) => g.rows.length > 0);
  const rows = groups.flatMap((g) => g.rows);
  const columns = gridColumns(indicator.kind);
  const fields = pasteFields(indicator.kind);
  const figureOf = (row: EntryRow) => newer(row.figure, known[row.key]);
  const selectable = (row: EntryRow) => {
    const f = figureOf(row);
    return !readOnly && f !== null && (f.status === "DRAFT" || f.status === "REJECTED");
  };
  const shape: GridShape = {
    rows: rows.length,
    cols: columns.length,
    has: (r, c) => {
      const row = rows[r];
      if (!row) return false;
      if (columns[c] === "select") return selectable(row);
      if (columns[c] === "history") return figureOf(row) !== null;
      if (columns[c] === "observationStatus") return !readOnly; // a disabled select takes no focus
      return c < columns.length;
    },
  };
  const [remembered, setRemembered] = useState<CellPos | null>(null);
  const stop = tabStop(shape, remembered);
  const tableRef = useRef<HTMLTableElement>(null);
  // Where the caret is the text's (F2 or a click), and the value a cell had when focus came: Esc brings it back.
  const editing = useRef(false);
  const pointer = useRef(false);
  const origin = useRef<{ el: HTMLElement; value: string } | null>(null);

  const focusCell = (pos: CellPos) => {
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${pos.row}:${pos.col}"]`);
    if (!el) return;
    el.focus();
    if (el instanceof HTMLInputElement && el.type === "text") el.select();
  };

  const onFocus = (e: React.FocusEvent<HTMLTableElement>) => {
    const cell = cellOf(e.target);
    if (!cell) return;
    if (!remembered || remembered.row !== cell.pos.row || remembered.col !== cell.pos.col) setRemembered(cell.pos);
    editing.current = pointer.current && cell.control === "text";
    pointer.current = false;
    origin.current = { el: cell.el, value: cell.el instanceof HTMLInputElement ? cell.el.value : "" };
  };

  const onBlur = (e: React.FocusEvent<HTMLTableElement>) => {
    const cell = cellOf(e.target);
    editing.current = false;
    if (!cell || !(cell.el instanceof HTMLInputElement) || cell.el.type !== "text") return;
    const key = cell.el.dataset.rowKey;
    if (key && origin.current?.el === cell.el && origin.current.value !== cell.el.value) onLeave(key);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTableElement>) => {
    pointer.current = false;
    const cell = cellOf(e.target);
    if (!cell) return;
    const input = cell.el instanceof HTMLInputElement && cell.el.type === "text" ? cell.el : null;
    if (e.key === "F2" && input) {
      e.preventDefault();
      editing.current = true;
      input.setSelectionRange(input.value.length, input.value.length);
      return;
    }
    if (e.key === "Escape" && input && origin.current?.el === input && !input.readOnly) {
      const key = input.dataset.rowKey;
      const field = input.dataset.field as Field | undefined;
      if (key && field && input.value !== origin.current.value) {
        e.preventDefault();
        onChange(key, field, origin.current.value);
        editing.current = false;
        return;
      }
    }
    const next = nextCell(shape, cell.pos, e, { control: cell.control, editing: editing.current });
    if (!next) return;
    e.preventDefault();
    if (next.row !== cell.pos.row || next.col !== cell.pos.col) focusCell(next);
  };

  const onPasteEvent = (e: React.ClipboardEvent<HTMLTableElement>) => {
    const cell = cellOf(e.target);
    const field = cell?.el.dataset.field as Field | undefined;
    if (!cell || !field) return;
    const text = e.clipboardData.getData("text/plain");
    if (!isBlock(text)) return; // one value: the input takes it as typed
    e.preventDefault();
    onPaste({ indicator, rows, start: { row: cell.pos.row, col: fields.indexOf(field) }, text });
  };

  const headingId = `indicator-${indicator.id}`;
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="text-lg font-semibold">
        {indicator.nameVi}
      </h2>
      <p className="text-sm text-slate-700">
        Đã nhập {entered}/{all.length} ô.
        {rows.length < all.length && ` Đang hiện ${rows.length}/${all.length} dòng theo bộ lọc.`}
        {ratio && indicator.numeratorLabelVi && ` Tử số: ${indicator.numeratorLabelVi}.`}
        {ratio && indicator.denominatorLabelVi && ` Mẫu số: ${indicator.denominatorLabelVi}.`}
        {!ratio && ` Đơn vị: ${indicator.unitVi}.`}
      </p>
      {rows.length === 0 ? (
        <p className="mt-2 rounded border border-slate-200 bg-white p-3 text-sm text-slate-700">Không có dòng nào khớp bộ lọc.</p>
      ) : (
        <div className="mt-2 overflow-x-auto rounded border border-slate-200 bg-white">
          <table
            ref={tableRef}
            role="grid"
            aria-labelledby={headingId}
            aria-describedby={KEYBOARD_HELP_ID}
            className="w-full border-collapse text-left text-sm"
            onFocus={onFocus}
            onBlur={onBlur}
            onKeyDown={onKeyDown}
            onPaste={onPasteEvent}
            onMouseDown={(e) => {
              pointer.current = true;
              // A click into the cell that already has focus starts editing its text, as in a spreadsheet.
              if (e.target === document.activeElement && cellOf(e.target)?.control === "text") editing.current = true;
            }}
          >
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
            {(() => {
              let at = 0;
              return groups.map((group, gi) => (
                <tbody key={gi}>
                  {group.parentName && groups.length + group.rows.length > 2 && (
                    <tr className="bg-slate-50">
                      <th scope="colgroup" colSpan={ratio ? 9 : 7} className="px-2 py-1 text-left font-medium text-slate-700">
                        {group.parentName} ({group.rows.length} dòng)
                      </th>
                    </tr>
                  )}
                  {group.rows.map((row) => {
                    const index = at++;
                    return (
                      <GridRow
                        key={row.key}
                        index={index}
                        columns={columns}
                        stopCol={stop !== null && stop.row === index ? stop.col : null}
                        indicator={indicator}
                        row={row}
                        periodId={periodId}
                        figure={figureOf(row)}
                        draft={drafts[row.key]}
                        selected={selected.has(row.key)}
                        serverErrors={serverErrors[row.key]}
                        pasteErrors={pasteErrors[row.key]}
                        saveState={saveStates[row.key]}
                        readOnly={readOnly}
                        onChange={onChange}
                        onToggle={onToggle}
                        onLeave={onLeave}
                      />
                    );
                  })}
                </tbody>
              ));
            })()}
          </table>
        </div>
      )}
    </section>
  );
}

interface RowProps {
  index: number;
  columns: GridColumn[];
  /** The column of this row that holds the grid's one Tab stop, or null. */
  stopCol: number | null;
  indicator: EntryIndicator;
  row: EntryRow;
  periodId: number;
  figure: EntryFigure | null;
  draft: Draft | undefined;
  selected: boolean;
  serverErrors: FieldErrors | undefined;
  pasteErrors: FieldErrors | undefined;
  saveState: SaveState | undefined;
  readOnly: boolean;
  onChange: (key: string, field: Field, text: string) => void;
  onToggle: (key: string, on: boolean) => void;
  onLeave: (key: string) => void;
}

const SAVE_STYLE: Record<SaveState["kind"], string> = {
  saving: "text-slate-700",
  saved: "text-emerald-800",
  error: "text-red-800",
  conflict: "text-purple-900",
  offline: "text-amber-900",
};

/** The cells' border says the row's state too (with the words in the last column, never colour alone). */
const SAVE_EDGE: Record<SaveState["kind"], string> = {
  saving: "border-slate-500",
  saved: "border-emerald-600",
  error: "border-red-600",
  conflict: "border-2 border-purple-700",
  offline: "border-dashed border-amber-700",
};

const GridRow = memo(function GridRow(props: RowProps) {
  const { index, columns, stopCol, indicator, row, periodId, figure, draft, selected, serverErrors, pasteErrors, saveState, readOnly, onChange, onToggle, onLeave } = props;
  const ratio = indicator.kind === "RATIO";
  const dirty = isDirty(indicator.kind, draft, figure);
  const clientErrors = useMemo(() => (dirty && draft ? rowErrors(indicator, row, periodId, draft) : {}), [dirty, draft, indicator, row, periodId]);
  const shown = draft ?? draftFrom(figure);
  const label = rowLabel(row);
  const canSelect = !readOnly && figure !== null && (figure.status === "DRAFT" || figure.status === "REJECTED");
  const errorsOf = (field: Field) => [...(clientErrors[field] ?? EMPTY), ...(pasteErrors?.[field] ?? EMPTY), ...(serverErrors?.[field] ?? EMPTY)];
  const safeKey = row.key.replace(/[^a-zA-Z0-9_-]/g, "_");
  const stateId = `save-${safeKey}`;
  const cell = (column: GridColumn) => {
    const c = columns.indexOf(column);
    return { "data-cell": `${index}:${c}`, tabIndex: stopCol === c ? 0 : -1 };
  };
  const edge = saveState ? SAVE_EDGE[saveState.kind] : "border-slate-300";

  const input = (field: Field, name: string, wide = false) => {
    const errors = errorsOf(field);
    const errorId = `err-${safeKey}-${field}`;
    return (
      <td className="px-2 py-1 align-top">
        <input
          type="text"
          {...cell(field)}
          data-row-key={row.key}
          data-field={field}
          data-control="text"
          inputMode={field === "comment" || field === "sourceDocument" ? "text" : ratio ? "numeric" : "decimal"}
          autoComplete="off"
          aria-label={`${name} – ${label}`}
          aria-invalid={errors.length > 0}
          aria-describedby={[errors.length > 0 ? errorId : null, saveState ? stateId : null].filter(Boolean).join(" ") || undefined}
          value={shown[field]}
          readOnly={readOnly}
          maxLength={field === "comment" ? 1000 : field === "sourceDocument" ? MAX_SOURCE_DOCUMENT : 40}
          onChange={(e) => onChange(row.key, field, e.target.value)}
          className={`${wide ? "w-48" : "w-28 text-right"} rounded border px-2 py-1 tabular-nums read-only:bg-slate-50 focus:outline-2 focus:outline-offset-1 focus:outline-brand-700 ${
            errors.length > 0 ? "border-red-600 bg-red-50" : edge
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
    <tr
      className={`border-t border-slate-200 ${dirty ? "bg-amber-50/60" : ""}`}
      data-row-key={row.key}
      data-status={figure?.status ?? "NONE"}
      data-save-state={saveState?.kind ?? "none"}
    >
      <td className="px-2 py-1 align-top">
        {canSelect && (
          <input
            type="checkbox"
            {...cell("select")}
            data-control="checkbox"
            aria-label={`Chọn gửi duyệt – ${label}`}
            checked={selected}
            onChange={(e) => onToggle(row.key, e.target.checked)}
          />
        )}
      </td>
      <th scope="row" className="px-2 py-1 text-left align-top font-normal">
        {label}
        {dirty && !saveState && <span className="ml-1 text-xs text-amber-900">(chưa lưu)</span>}
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
          {...cell("observationStatus")}
          data-row-key={row.key}
          data-control="select"
          aria-label={`Tình trạng số liệu – ${label}`}
          aria-invalid={errorsOf("observationStatus").length > 0}
          aria-describedby={errorsOf("observationStatus").length > 0 ? `err-${safeKey}-observationStatus` : undefined}
          value={shown.observationStatus}
          disabled={readOnly}
          onChange={(e) => {
            onChange(row.key, "observationStatus", e.target.value);
            onLeave(row.key);
          }}
          className="rounded border border-slate-300 px-1 py-1 disabled:bg-slate-50"
        >
          {OBSERVATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {OBSERVATION_STATUS_LABELS[s].vi}
            </option>
          ))}
        </select>
        {errorsOf("observationStatus").length > 0 && (
          <p id={`err-${safeKey}-observationStatus`} className="mt-0.5 max-w-56 text-xs text-red-800">
            {errorsOf("observationStatus").join(" ")}
          </p>
        )}
      </td>
      {input("sourceDocument", "Văn bản nguồn", true)}
      <td className="px-2 py-1 align-top">
        <FigureStatusBadge status={figure?.status ?? null} />
        {saveState && (
          <div id={stateId} className={`mt-0.5 text-xs font-medium ${SAVE_STYLE[saveState.kind]}`} data-testid="save-state">
            <span aria-hidden="true">{SAVE_STATE_LABELS[saveState.kind].symbol} </span>
            {SAVE_STATE_LABELS[saveState.kind].text}
            {saveState.message && <span className="font-normal">: {saveState.message}</span>}
          </div>
        )}
        {figure && (
          <div className="mt-0.5 text-xs text-slate-600">
            {figure.updatedByName ?? "Hệ thống"}, {formatDateTime(figure.updatedAt)} ·{" "}
            <a href={`/so-lieu/${figure.id}`} {...cell("history")} data-control="link" className="underline" aria-label={`Lịch sử số liệu – ${label}`}>
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

"use client";
/**
 * The quarterly data-entry grid: one table per indicator, one row per unit
 * (× sector). Edits stay in the browser until "Lưu nháp"; each row remembers
 * the version it was read at, so a save over someone else's change is refused
 * and shown, never applied silently. Cells are checked while typing with the
 * same schema the server uses.
 */
import { memo, useCallback, useEffect, useMemo, useState, useTransition } from "react";
import type { EntryFigure, EntryGrid as EntryGridData, EntryIndicator, EntryRow } from "@/lib/data/entry";
import type { FigureConflict, FigureSnapshot, RowProblem } from "@/lib/services/figures";
import { saveDraftsAction, submitFiguresAction } from "@/lib/actions/figures";
import type { ActionResult } from "@/lib/actions/result";
import {
  figureRowSchemaFor,
  MAX_SOURCE_DOCUMENT,
  MIN_LOCKED_REASON,
  OBSERVATION_STATUS_LABELS,
  OBSERVATION_STATUSES,
  type FigureRowInput,
  type ObservationStatus,
} from "@/lib/validations/figure";
import { formatDate, formatNumber, formatPercent, parseLocaleNumber, PLACEHOLDER } from "@/lib/format/number";
import { FIGURE_STATUS_LABELS } from "@/lib/review/figure-status";
import { FigureStatusBadge } from "./figure-status-badge";
import { vietnamClock } from "@/lib/period/vietnam-time";

type Field = "numerator" | "denominator" | "value" | "comment" | "observationStatus" | "sourceDocument";
const FIELDS: readonly string[] = ["numerator", "denominator", "value", "comment", "observationStatus", "sourceDocument"] satisfies Field[];

interface Draft {
  numerator: string;
  denominator: string;
  value: string;
  comment: string;
  /** How final the figure is (Chính thức / Sơ bộ / Ước tính): exported with it once approved. */
  observationStatus: ObservationStatus;
  /** The document it comes from, optional. */
  sourceDocument: string;
  /** The version the user started from; sent with the save (0 = a new figure). */
  baseVersion: number;
}

type FieldErrors = Partial<Record<Field, string[]>>;

interface Notice {
  kind: "success" | "error";
  text: string;
}

const EMPTY: string[] = [];

function fmt(n: number | null): string {
  return n === null ? "" : formatNumber(n, "vi", { maximumFractionDigits: 4 });
}

/** "09:15 28/11/2026", in Vietnam time. */
function formatDateTime(iso: string): string {
  const d = vietnamClock(new Date(iso));
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${hh}:${mm} ${formatDate(d, "vi")}`;
}

function cellNumber(s: string): number | null {
  if (s.trim() === "") return null;
  return parseLocaleNumber(s) ?? Number.NaN; // NaN equals nothing: an unreadable cell is a change
}

function rateText(numerator: number | null, denominator: number | null): string {
  if (numerator === null || denominator === null || !Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) {
    return PLACEHOLDER;
  }
  return formatPercent((numerator / denominator) * 100, "vi");
}

function figureText(kind: EntryIndicator["kind"], f: Pick<EntryFigure, "numerator" | "denominator" | "value">, unitVi: string): string {
  if (kind === "RATIO") return `${fmt(f.numerator)} / ${fmt(f.denominator)} (${rateText(f.numerator, f.denominator)})`;
  return `${fmt(f.value)} ${unitVi}`;
}

function draftFrom(figure: EntryFigure | null): Draft {
  return {
    numerator: fmt(figure?.numerator ?? null),
    denominator: fmt(figure?.denominator ?? null),
    value: fmt(figure?.value ?? null),
    comment: figure?.comment ?? "",
    observationStatus: figure?.observationStatus ?? "NORMAL",
    sourceDocument: figure?.sourceDocument ?? "",
    baseVersion: figure?.version ?? 0,
  };
}

function isDirty(kind: EntryIndicator["kind"], draft: Draft | undefined, figure: EntryFigure | null): boolean {
  if (!draft) return false;
  if ((draft.comment.trim() || null) !== (figure?.comment ?? null)) return true;
  if (draft.observationStatus !== (figure?.observationStatus ?? "NORMAL")) return true;
  if ((draft.sourceDocument.trim() || null) !== (figure?.sourceDocument ?? null)) return true;
  if (kind === "RATIO") {
    return cellNumber(draft.numerator) !== (figure?.numerator ?? null) || cellNumber(draft.denominator) !== (figure?.denominator ?? null);
  }
  return cellNumber(draft.value) !== (figure?.value ?? null);
}

function rowInput(indicator: EntryIndicator, row: EntryRow, periodId: number, draft: Draft): FigureRowInput {
  const base = {
    indicatorId: row.indicatorId,
    unitId: row.unitId,
    periodId,
    sectorId: row.sectorId,
    comment: draft.comment,
    observationStatus: draft.observationStatus,
    sourceDocument: draft.sourceDocument,
    version: draft.baseVersion,
  };
  return indicator.kind === "RATIO" ? { ...base, numerator: draft.numerator, denominator: draft.denominator } : { ...base, value: draft.value };
}

function rowErrors(indicator: EntryIndicator, row: EntryRow, periodId: number, draft: Draft): FieldErrors {
  const parsed = figureRowSchemaFor(indicator).safeParse(rowInput(indicator, row, periodId, draft));
  if (parsed.success) return {};
  const out: FieldErrors = {};
  const first: Field = indicator.kind === "RATIO" ? "numerator" : "value";
  for (const issue of parsed.error.issues) {
    const p = issue.path[0];
    const field: Field = typeof p === "string" && FIELDS.includes(p) ? (p as Field) : first;
    (out[field] ??= []).push(issue.message);
  }
  return out;
}

function rowLabel(row: EntryRow): string {
  return row.sectorName ? `${row.unitName} – ${row.sectorName}` : row.unitName;
}

/** The newer of two views of a figure: the page's, or what an action just returned. */
function newer(a: EntryFigure | null, b: EntryFigure | null | undefined): EntryFigure | null {
  if (b === undefined) return a;
  if (a === null || b === null) return b ?? a;
  return b.version >= a.version ? b : a;
}

function toEntryFigure(s: FigureSnapshot): EntryFigure {
  return {
    id: s.id,
    numerator: s.numerator,
    denominator: s.denominator,
    value: s.value,
    comment: s.comment,
    observationStatus: s.observationStatus,
    sourceDocument: s.sourceDocument,
    status: s.status,
    version: s.version,
    reviewComment: s.reviewComment,
    updatedAt: s.updatedAt,
    updatedByName: s.updatedByName,
  };
}

function keyOf(r: { indicatorId: number; unitId: number; sectorId: number | null }): string {
  return `${r.indicatorId}:${r.unitId}:${r.sectorId ?? "-"}`;
}

/** Actions never throw, but the network can: then nothing is known to be saved. */
async function reach<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, code: "NETWORK", error: "Không kết nối được máy chủ; thay đổi chưa được lưu. Vui lòng thử lại." };
  }
}

// ---------------------------------------------------------------- the grid

export function EntryGrid({ grid }: { grid: EntryGridData }) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [known, setKnown] = useState<Record<string, EntryFigure>>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<Record<string, FieldErrors>>({});
  const [conflicts, setConflicts] = useState<FigureConflict[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [lockedEdit, setLockedEdit] = useState(false);
  const [reason, setReason] = useState("");
  const [pending, startTransition] = useTransition();

  const locked = grid.period.status === "LOCKED";
  const readOnly = locked && !(grid.canEditLocked && lockedEdit);
  const reasonOk = !locked || reason.trim().length >= MIN_LOCKED_REASON;

  const index = useMemo(() => {
    const map = new Map<string, { row: EntryRow; indicator: EntryIndicator }>();
    for (const indicator of grid.indicators) for (const g of indicator.groups) for (const row of g.rows) map.set(row.key, { row, indicator });
    return map;
  }, [grid]);

  const current = useCallback((key: string) => newer(index.get(key)?.row.figure ?? null, known[key]), [index, known]);

  const dirtyKeys = useMemo(
    () => Object.keys(drafts).filter((key) => {
      const entry = index.get(key);
      return entry !== undefined && isDirty(entry.indicator.kind, drafts[key], current(key));
    }),
    [drafts, index, current],
  );
  const dirtyCount = dirtyKeys.length;

  useEffect(() => {
    if (dirtyCount === 0) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ""; // older browsers need it to show the prompt
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirtyCount]);

  const onChange = useCallback(
    (key: string, field: Field, text: string) => {
      setDrafts((prev) => {
        const base = prev[key] ?? draftFrom(newer(index.get(key)?.row.figure ?? null, known[key]));
        return { ...prev, [key]: { ...base, [field]: text } };
      });
      setServerErrors((prev) => {
        if (!prev[key]) return prev;
        const next = { ...prev };
        delete next[key];
        return next;
      });
    },
    [index, known],
  );

  const onToggle = useCallback((key: string, on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const remember = (figures: FigureSnapshot[]) =>
    setKnown((prev) => {
      const next = { ...prev };
      for (const s of figures) next[keyOf(s)] = toEntryFigure(s);
      return next;
    });

  function save() {
    setNotice(null);
    if (dirtyCount === 0) {
      setNotice({ kind: "error", text: "Không có thay đổi nào để lưu." });
      return;
    }
    if (!reasonOk) {
      setNotice({ kind: "error", text: `Vui lòng nêu lý do sửa số liệu của kỳ đã khóa (ít nhất ${MIN_LOCKED_REASON} ký tự).` });
      return;
    }
    const sent = dirtyKeys.map((key) => ({ key, draft: drafts[key]!, ...index.get(key)! }));
    const invalid = sent.filter(({ indicator, row, draft }) => Object.keys(rowErrors(indicator, row, grid.period.id, draft)).length > 0);
    if (invalid.length > 0) {
      setNotice({ kind: "error", text: `Có ${invalid.length} dòng chưa hợp lệ; hãy sửa các ô được đánh dấu rồi lưu lại.` });
      return;
    }
    startTransition(async () => {
      const result = await reach(() =>
        saveDraftsAction({
          periodId: grid.period.id,
          rows: sent.map(({ indicator, row, draft }) => rowInput(indicator, row, grid.period.id, draft)),
          reason: locked ? reason : null,
        }),
      );
      if (result.ok) {
        remember(result.data.saved);
        const versions = new Map(result.data.saved.map((s) => [keyOf(s), s.version]));
        setDrafts((prev) => {
          const next = { ...prev };
          for (const { key, draft } of sent) {
            const now = next[key];
            if (now === draft) delete next[key];
            // Typed on while saving: keep the newer text, now based on the version just saved.
            else if (now && versions.has(key)) next[key] = { ...now, baseVersion: versions.get(key)! };
          }
          return next;
        });
        setConflicts([]);
        const n = result.data.saved.length;
        setNotice({ kind: "success", text: n > 0 ? `Đã lưu nháp ${n} số liệu.` : "Không có thay đổi nào cần lưu." });
        return;
      }
      if (result.code === "CONFLICT") {
        const list = (result.details as { conflicts?: FigureConflict[] } | undefined)?.conflicts ?? [];
        setConflicts(list);
      } else if (result.code === "INVALID_FIGURE") {
        const problems = (result.details as { problems?: RowProblem[] } | undefined)?.problems ?? [];
        const errors: Record<string, FieldErrors> = {};
        for (const p of problems) {
          const s = sent[p.index];
          if (!s) continue;
          const field: Field = p.field === "numerator" || p.field === "denominator" || p.field === "value" ? p.field : s.indicator.kind === "RATIO" ? "numerator" : "value";
          ((errors[s.key] ??= {})[field] ??= []).push(p.message);
        }
        setServerErrors(errors);
      }
      setNotice({ kind: "error", text: result.error });
    });
  }

  const submittable = (key: string) => {
    const f = current(key);
    return f !== null && (f.status === "DRAFT" || f.status === "REJECTED");
  };
  const selectedSubmittable = [...selected].filter(submittable);
  const allSubmittable = [...index.keys()].filter(submittable);
  const submitKeys = selectedSubmittable.length > 0 ? selectedSubmittable : allSubmittable;

  function submit() {
    setNotice(null);
    if (dirtyCount > 0) {
      setNotice({ kind: "error", text: "Có thay đổi chưa lưu. Hãy bấm “Lưu nháp” trước khi gửi duyệt." });
      return;
    }
    if (submitKeys.length === 0) {
      setNotice({ kind: "error", text: "Không có số liệu nào ở trạng thái Bản nháp hoặc Bị từ chối để gửi duyệt." });
      return;
    }
    if (!reasonOk) {
      setNotice({ kind: "error", text: `Vui lòng nêu lý do sửa số liệu của kỳ đã khóa (ít nhất ${MIN_LOCKED_REASON} ký tự).` });
      return;
    }
    const figures = submitKeys.map((key) => {
      const f = current(key)!;
      return { id: f.id, version: f.version };
    });
    startTransition(async () => {
      const result = await reach(() => submitFiguresAction({ figures, reason: locked ? reason : null }));
      if (result.ok) {
        remember(result.data.submitted);
        setSelected(new Set());
        setConflicts([]);
        setNotice({ kind: "success", text: `Đã gửi duyệt ${result.data.submitted.length} số liệu.` });
        return;
      }
      if (result.code === "CONFLICT") setConflicts((result.details as { conflicts?: FigureConflict[] } | undefined)?.conflicts ?? []);
      setNotice({ kind: "error", text: result.error });
    });
  }

  /** Drop my edit of the row and show the current figure. */
  function takeTheirs(c: FigureConflict) {
    const key = keyOf(c);
    if (c.current) remember([c.current]);
    setDrafts((prev) => {
      const next = { ...prev };
      delete next[key];
      return next;
    });
    setConflicts((prev) => prev.filter((x) => x !== c));
  }

  /** Keep my edit, now knowingly based on the current version: the next save replaces it. */
  function keepMine(c: FigureConflict) {
    const key = keyOf(c);
    if (c.current) remember([c.current]);
    setDrafts((prev) => {
      const mine = prev[key];
      return mine ? { ...prev, [key]: { ...mine, baseVersion: c.current?.version ?? 0 } } : prev;
    });
    setConflicts((prev) => prev.filter((x) => x !== c));
  }

  return (
    <div>
      {locked && (
        <div className="mb-4 rounded border border-slate-300 bg-slate-100 p-3 text-sm">
          <p>
            <strong>Kỳ báo cáo đã khóa sổ.</strong>{" "}
            {grid.canEditLocked ? "Bạn có thể sửa số liệu của kỳ này với tư cách quản trị, kèm lý do; mọi thay đổi được ghi nhật ký." : "Số liệu chỉ xem, không sửa được."}
          </p>
          {grid.canEditLocked && (
            <div className="mt-2 space-y-2">
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={lockedEdit} onChange={(e) => setLockedEdit(e.target.checked)} />
                Sửa số liệu của kỳ đã khóa
              </label>
              {lockedEdit && (
                <div className="flex flex-col">
                  <label htmlFor="locked-reason" className="font-medium">
                    Lý do sửa (bắt buộc, ít nhất {MIN_LOCKED_REASON} ký tự)
                  </label>
                  <textarea
                    id="locked-reason"
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    rows={2}
                    maxLength={1000}
                    aria-invalid={!reasonOk}
                    aria-describedby="locked-reason-hint"
                    className="mt-1 rounded border border-slate-300 bg-white p-2"
                  />
                  <p id="locked-reason-hint" className="text-xs text-slate-600">
                    Lý do được lưu cùng từng thay đổi trong nhật ký.
                  </p>
                </div>
              )}
            </div>
          )}
        </div>
      )}

      {conflicts.length > 0 && (
        <ConflictPanel conflicts={conflicts} index={index} drafts={drafts} onTakeTheirs={takeTheirs} onKeepMine={keepMine} />
      )}

      {grid.indicators.length === 0 && <p className="text-slate-700">Không có chỉ tiêu nào bạn được giao nhập trong kỳ này.</p>}

      {grid.indicators.map((indicator) => (
        <IndicatorTable
          key={indicator.id}
          indicator={indicator}
          periodId={grid.period.id}
          drafts={drafts}
          known={known}
          selected={selected}
          serverErrors={serverErrors}
          readOnly={readOnly}
          onChange={onChange}
          onToggle={onToggle}
        />
      ))}

      {!readOnly && (
        <div className="sticky bottom-0 mt-6 flex flex-wrap items-center gap-3 border-t border-slate-300 bg-white/95 px-1 py-3">
          <button
            type="button"
            onClick={save}
            disabled={pending}
            className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
          >
            Lưu nháp
          </button>
          <button
            type="button"
            onClick={submit}
            disabled={pending}
            className="rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-slate-100 disabled:opacity-60"
          >
            Gửi duyệt
          </button>
          <span className="text-sm text-slate-700">
            {dirtyCount > 0 ? `${dirtyCount} dòng có thay đổi chưa lưu.` : "Không có thay đổi chưa lưu."}{" "}
            {selectedSubmittable.length > 0
              ? `“Gửi duyệt” gửi ${selectedSubmittable.length} số liệu đã chọn.`
              : `“Gửi duyệt” gửi tất cả ${allSubmittable.length} số liệu ở trạng thái ${FIGURE_STATUS_LABELS.DRAFT} hoặc ${FIGURE_STATUS_LABELS.REJECTED}.`}
          </span>
          {pending && <span className="text-sm">Đang xử lý…</span>}
        </div>
      )}
      <div aria-live="polite" role="status" className="mt-2 min-h-6">
        {notice?.kind === "success" && <p className="text-emerald-800">{notice.text}</p>}
      </div>
      <div role="alert" className="mt-1">
        {notice?.kind === "error" && <p className="font-medium text-red-800">{notice.text}</p>}
      </div>
    </div>
  );
}

// ---------------------------------------------------------------- conflicts

function ConflictPanel({
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

function IndicatorTable({ indicator, periodId, drafts, known, selected, serverErrors, readOnly, onChange, onToggle }: TableProps) {
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

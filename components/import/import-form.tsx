"use client";
/**
 * Upload → preview → commit of a spreadsheet. Both steps stream NDJSON events
 * from the import endpoint (progress, then the preview, the result or the
 * error), so a long file shows how far it got. The commit sends the file that
 * was previewed, with its checksum; the server checks everything again.
 */
import { useRef, useState } from "react";
import type { ImportChange, ImportCommitResult, ImportPreview, ImportProgress } from "@/lib/services/figure-import";
import type { ImportStreamEvent } from "@/lib/validations/figure-import";
import { formatNumber } from "@/lib/format/number";

const ENDPOINT = "/nhap-lieu/nhap-tep/xu-ly";
const PHASES: Record<ImportProgress["phase"], string> = { parse: "Đang đọc tệp", check: "Đang kiểm tra các dòng", write: "Đang ghi số liệu" };

type State =
  | { step: "idle" }
  | { step: "working"; mode: "preview" | "commit"; progress: ImportProgress | null; preview?: ImportPreview }
  | { step: "previewed"; preview: ImportPreview }
  | { step: "committed"; result: ImportCommitResult; preview: ImportPreview }
  | { step: "failed"; message: string; preview?: ImportPreview };

function n(value: number): string {
  return formatNumber(value, "vi");
}

function figureText(v: { numerator: number | null; denominator: number | null; value: number | null }): string {
  if (v.numerator !== null || v.denominator !== null) return `${v.numerator === null ? "—" : formatNumber(v.numerator, "vi", { maximumFractionDigits: 4 })} / ${v.denominator === null ? "—" : formatNumber(v.denominator, "vi", { maximumFractionDigits: 4 })}`;
  return v.value === null ? "—" : formatNumber(v.value, "vi", { maximumFractionDigits: 4 });
}

async function* events(response: Response): AsyncGenerator<ImportStreamEvent> {
  if (!response.body) return;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line) yield JSON.parse(line) as ImportStreamEvent;
    }
    if (done) break;
  }
  if (buffer.trim()) yield JSON.parse(buffer) as ImportStreamEvent;
}

export function ImportForm({ period, needsReason }: { period: { id: number; key: string; label: string }; needsReason: boolean }) {
  const [state, setState] = useState<State>({ step: "idle" });
  const fileRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const busy = state.step === "working";

  async function run(mode: "preview" | "commit", preview?: ImportPreview) {
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setState({ step: "failed", message: "Hãy chọn một tệp .xlsx hoặc .csv." });
      return;
    }
    setState({ step: "working", mode, progress: null, preview });
    const body = new FormData();
    body.set("file", file);
    body.set("periodId", String(period.id));
    body.set("mode", mode);
    if (reasonRef.current?.value) body.set("reason", reasonRef.current.value);
    if (mode === "commit" && preview) body.set("sha256", preview.sha256);
    try {
      const response = await fetch(ENDPOINT, { method: "POST", body });
      let finished = false;
      for await (const event of events(response)) {
        if (event.type === "progress") setState({ step: "working", mode, progress: event, preview });
        else if (event.type === "preview") {
          finished = true;
          setState({ step: "previewed", preview: event.preview });
        } else if (event.type === "committed") {
          finished = true;
          setState({ step: "committed", result: event.result, preview: preview! });
        } else {
          finished = true;
          setState({ step: "failed", message: event.error, preview });
        }
      }
      if (!finished) setState({ step: "failed", message: "Kết nối bị gián đoạn; không rõ tệp đã được ghi chưa. Hãy xem trước lại để kiểm tra.", preview });
    } catch {
      setState({ step: "failed", message: "Không gửi được tệp; hãy kiểm tra kết nối rồi thử lại.", preview });
    }
  }

  const preview = state.step === "idle" ? undefined : state.preview;
  const canCommit = state.step === "previewed" && state.preview.counts.errors === 0 && state.preview.counts.created + state.preview.counts.changed > 0;

  return (
    <div className="mt-4">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run("preview");
        }}
        className="flex flex-col gap-3"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="tep" className="font-medium">
            Tệp số liệu (.xlsx hoặc .csv) của {period.label}
          </label>
          <input
            ref={fileRef}
            id="tep"
            name="file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            className="rounded border border-slate-300 bg-white p-1.5"
            onChange={() => setState({ step: "idle" })}
            disabled={busy}
          />
        </div>
        {needsReason && (
          <div className="flex flex-col gap-1">
            <label htmlFor="ly-do" className="font-medium">
              Lý do sửa số liệu của kỳ đã khóa (ít nhất 10 ký tự)
            </label>
            <textarea ref={reasonRef} id="ly-do" name="reason" rows={2} className="rounded border border-slate-300 p-1.5" disabled={busy} />
          </div>
        )}
        <div>
          <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
            Xem trước
          </button>
        </div>
      </form>

      <div role="status" aria-live="polite" className="mt-4">
        {state.step === "working" && (
          <div>
            <p>
              {state.progress ? PHASES[state.progress.phase] : state.mode === "preview" ? "Đang gửi tệp" : "Đang ghi"}
              {state.progress && state.progress.phase !== "parse" && state.progress.total > 0
                ? `: ${n(state.progress.done)} / ${n(state.progress.total)} dòng`
                : "…"}
            </p>
            <progress
              className="mt-1 w-full"
              aria-label="Tiến độ"
              max={state.progress?.total || 1}
              value={state.progress && state.progress.phase !== "parse" ? state.progress.done : undefined}
            />
          </div>
        )}
        {state.step === "committed" && (
          <div className="rounded border border-green-700 bg-green-50 p-3">
            <p className="font-semibold">
              Đã ghi: {n(state.result.counts.created)} số liệu mới, {n(state.result.counts.changed)} số liệu thay đổi
              {state.result.counts.unchanged > 0 ? `, ${n(state.result.counts.unchanged)} giữ nguyên` : ""}.
            </p>
            <p className="mt-1">
              Số liệu được lưu dạng Bản nháp. Hãy kiểm tra và gửi duyệt ở{" "}
              <a className="text-brand-800 underline" href={`/nhap-lieu?ky=${period.key}`}>
                bảng nhập liệu {period.label}
              </a>
              .
            </p>
          </div>
        )}
      </div>
      {state.step === "failed" && (
        <p role="alert" className="mt-4 rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {state.message}
        </p>
      )}

      {preview && state.step !== "committed" && <PreviewView preview={preview} />}

      {canCommit && (
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => void run("commit", state.preview)}
            className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            Ghi {n(state.preview.counts.created + state.preview.counts.changed)} số liệu
          </button>
          <span className="text-sm text-slate-700">Mọi dòng được ghi cùng lúc, hoặc không dòng nào.</span>
        </div>
      )}
    </div>
  );
}

const KIND_LABELS: Record<ImportChange["kind"], string> = { create: "Tạo mới", update: "Thay đổi", unchanged: "Giữ nguyên" };

function PreviewView({ preview }: { preview: ImportPreview }) {
  const c = preview.counts;
  return (
    <section aria-labelledby="xem-truoc" className="mt-6">
      <h3 id="xem-truoc" className="text-lg font-semibold text-brand-800">
        Xem trước: {preview.fileName}
      </h3>
      <dl className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-5">
        {[
          ["Tạo mới", c.created],
          ["Thay đổi", c.changed],
          ["Giữ nguyên", c.unchanged],
          ["Bỏ trống", c.skipped],
          ["Lỗi", c.errors],
        ].map(([label, value]) => (
          <div key={label} className={`rounded border p-2 ${label === "Lỗi" && Number(value) > 0 ? "border-red-700 bg-red-50" : "border-slate-200"}`}>
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="text-xl font-semibold">{n(Number(value))}</dd>
          </div>
        ))}
      </dl>
      {c.errors === 0 && c.created + c.changed === 0 && <p className="mt-3">Tệp không có thay đổi nào so với số liệu hiện có: không có gì để ghi.</p>}
      {c.errors > 0 && (
        <p className="mt-3 font-medium text-red-900">
          Tệp còn {n(c.errors)} lỗi: hãy sửa trong tệp rồi tải lên lại. Chưa có gì được ghi.
        </p>
      )}
      {preview.warnings.length > 0 && (
        <ul className="mt-3 list-disc pl-6 text-sm">
          {preview.warnings.map((w, i) => (
            <li key={i}>
              Lưu ý{w.letter ? ` (cột ${w.letter})` : ""}: {w.message}
            </li>
          ))}
        </ul>
      )}
      {preview.errors.length > 0 && (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="text-left font-semibold">
              Lỗi{c.errors > preview.errors.length ? ` (${n(preview.errors.length)} lỗi đầu tiên trên ${n(c.errors)})` : ""}
            </caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-1">Dòng</th>
                <th scope="col" className="p-1">Cột</th>
                <th scope="col" className="p-1">Lỗi</th>
              </tr>
            </thead>
            <tbody>
              {preview.errors.map((e, i) => (
                <tr key={i} className="border-b border-slate-200 align-top">
                  <td className="p-1">{e.line ?? "—"}</td>
                  <td className="p-1">{e.column ? `${e.column}${e.letter ? ` (${e.letter})` : ""}` : "—"}</td>
                  <td className="p-1">{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.changes.length > 0 && (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="text-left font-semibold">
              Số liệu sẽ được ghi{c.created + c.changed > preview.changes.length ? ` (${n(preview.changes.length)} dòng đầu tiên trên ${n(c.created + c.changed)})` : ""}
            </caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-1">Dòng</th>
                <th scope="col" className="p-1">Loại</th>
                <th scope="col" className="p-1">Chỉ tiêu</th>
                <th scope="col" className="p-1">Đơn vị</th>
                <th scope="col" className="p-1">Hiện có</th>
                <th scope="col" className="p-1">Trong tệp</th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.map((ch) => (
                <tr key={ch.line} className="border-b border-slate-200">
                  <td className="p-1">{ch.line}</td>
                  <td className="p-1">{KIND_LABELS[ch.kind]}</td>
                  <td className="p-1">{ch.indicatorCode}</td>
                  <td className="p-1">
                    {ch.unitName}
                    {ch.sectorCode ? ` — ${ch.sectorCode}` : ""}
                  </td>
                  <td className="p-1">{ch.before ? `${figureText(ch.before)} (${ch.before.statusLabel}, phiên bản ${ch.before.version})` : "—"}</td>
                  <td className="p-1">{figureText(ch.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

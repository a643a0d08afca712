"use client";
/**
 * Import of a programme definition file (ADR 033): choose a .xlsx or .json → preview (what would
 * be created; every problem by sheet, row and column) → confirm → written whole, or nothing.
 */
import { useRef, useState } from "react";
import type { ProgrammeImportPreview, ProgrammeImportResult } from "@/lib/services/programme-import";
import type { ProgrammeImportReply } from "@/lib/validations/programme-import";
import type { FileIssue } from "@/lib/programme-file/xlsx";
import { BUTTON } from "./form-controls";
import { useHydrated } from "./use-hydrated";

const ENDPOINT = "/quan-tri/chuong-trinh/nhap-tep/xu-ly";

type State =
  | { step: "idle" }
  | { step: "working"; what: "preview" | "commit" }
  | { step: "preview"; preview: ProgrammeImportPreview }
  | { step: "committed"; result: ProgrammeImportResult }
  | { step: "error"; message: string; preview?: ProgrammeImportPreview };

const n = (x: number) => x.toLocaleString("vi-VN");

export function ProgrammeImportForm() {
  const ready = useHydrated();
  const fileRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ step: "idle" });
  const busy = state.step === "working";

  async function run(mode: "preview" | "commit") {
    const file = fileRef.current?.files?.[0];
    if (!file) return setState({ step: "error", message: "Hãy chọn một tệp .xlsx hoặc .json." });
    const previous = state.step === "preview" ? state.preview : undefined;
    const body = new FormData();
    body.set("file", file);
    body.set("mode", mode);
    if (mode === "commit" && previous) body.set("sha256", previous.sha256);
    setState({ step: "working", what: mode });
    try {
      const response = await fetch(ENDPOINT, { method: "POST", body });
      const reply = (await response.json()) as ProgrammeImportReply;
      if (reply.type === "preview") setState({ step: "preview", preview: reply.preview });
      else if (reply.type === "committed") setState({ step: "committed", result: reply.result });
      else setState({ step: "error", message: reply.error, preview: previous });
    } catch {
      setState({ step: "error", message: "Không gửi được tệp tới máy chủ; hãy kiểm tra kết nối rồi thử lại.", preview: previous });
    }
  }

  const preview = state.step === "preview" ? state.preview : state.step === "error" ? state.preview : undefined;
  return (
    <div className="mt-4">
      <form
        aria-label="Nhập tệp định nghĩa chương trình"
        onSubmit={(e) => {
          e.preventDefault();
          void run("preview");
        }}
        className="flex flex-col gap-3"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="tep-chuong-trinh" className="font-medium">
            Tệp định nghĩa chương trình (.xlsx hoặc .json)
          </label>
          <input
            ref={fileRef}
            id="tep-chuong-trinh"
            name="file"
            type="file"
            accept=".xlsx,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/json"
            className="rounded border border-slate-400 bg-white p-1.5"
            onChange={() => setState({ step: "idle" })}
            disabled={busy}
          />
        </div>
        <div>
          <button type="submit" disabled={!ready || busy} className={BUTTON}>
            Xem trước
          </button>
        </div>
      </form>

      <div role="status" aria-live="polite" className="mt-4">
        {state.step === "working" && <p>{state.what === "preview" ? "Đang đọc và kiểm tra tệp…" : "Đang ghi chương trình…"}</p>}
        {state.step === "committed" && (
          <p className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
            Đã nhập chương trình {state.result.code}: {n(state.result.counts.newIndicators)} chỉ tiêu mới, {n(state.result.counts.targets)} mục tiêu, {n(state.result.counts.baselines)} mức gốc.{" "}
            <a className="underline" href="/quan-tri/chuong-trinh">
              Về danh sách chương trình
            </a>
          </p>
        )}
      </div>
      {state.step === "error" && (
        <p role="alert" className="mt-4 rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {state.message}
        </p>
      )}
      {preview && <Preview preview={preview} onCommit={() => void run("commit")} busy={busy} />}
    </div>
  );
}

function Preview({ preview, onCommit, busy }: { preview: ProgrammeImportPreview; onCommit: () => void; busy: boolean }) {
  const { counts, programme } = preview;
  const ok = counts.errors === 0 && programme !== null;
  return (
    <section aria-labelledby="xem-truoc" className="mt-6 space-y-4" data-preview>
      <h2 id="xem-truoc" className="text-lg font-semibold text-brand-800">
        Xem trước: {preview.fileName}
      </h2>
      {programme && (
        <div>
          <p>
            Chương trình <strong>{programme.code}</strong> — {programme.titleVi} ({programme.startYear}–{programme.endYear}
            {programme.visionYear !== null ? `, định hướng đến ${programme.visionYear}` : ""}; {programme.scope === "PROVINCE" ? "của tỉnh" : "quốc gia"})
          </p>
          <p data-preview-counts>
            Sẽ tạo: 1 chương trình, {n(counts.newIndicators)} chỉ tiêu mới, {n(counts.targets)} mục tiêu, {n(counts.baselines)} mức gốc
            {counts.existingIndicators > 0 ? `; tham chiếu ${n(counts.existingIndicators)} chỉ tiêu đã có (không sửa)` : ""}.
          </p>
          {preview.newIndicators.length > 0 && (
            <p className="text-sm">Chỉ tiêu mới: {preview.newIndicators.map((i) => `${i.code} (${i.nameVi})`).join("; ")}</p>
          )}
        </div>
      )}
      {counts.errors > 0 && <Issues title={`${n(counts.errors)} lỗi — không có gì được ghi. Hãy sửa tệp rồi tải lên lại.`} issues={preview.errors} json={preview.format === "json"} tone="error" />}
      {preview.warnings.length > 0 && <Issues title={`${n(preview.warnings.length)} lưu ý`} issues={preview.warnings} json={preview.format === "json"} tone="warning" />}
      {ok && (
        <div>
          <p className="mb-2">Ghi tất cả trong một lần: hoặc ghi đủ, hoặc không ghi gì.</p>
          <button type="button" onClick={onCommit} disabled={busy} className={BUTTON}>
            Ghi chương trình {programme.code}
          </button>
        </div>
      )}
    </section>
  );
}

function Issues({ title, issues, json, tone }: { title: string; issues: FileIssue[]; json: boolean; tone: "error" | "warning" }) {
  return (
    <div>
      <h3 className={`font-semibold ${tone === "error" ? "text-red-900" : "text-amber-900"}`}>{title}</h3>
      <div className="mt-2 overflow-x-auto rounded border border-slate-200" role="region" aria-label={title} tabIndex={0}>
        <table className="w-full border-collapse text-left text-sm" data-issues={tone}>
          <thead>
            <tr className="border-b border-slate-300 bg-white text-slate-700">
              <th scope="col" className="px-3 py-2">{json ? "Phần" : "Trang tính"}</th>
              <th scope="col" className="px-3 py-2">{json ? "Mục" : "Dòng"}</th>
              <th scope="col" className="px-3 py-2">{json ? "Trường" : "Cột"}</th>
              <th scope="col" className="px-3 py-2">{tone === "error" ? "Lỗi" : "Lưu ý"}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((i, k) => (
              <tr key={k} className="border-b border-slate-200 bg-white align-top">
                <td className="px-3 py-2">{i.sheet ?? "Cả tệp"}</td>
                <td className="px-3 py-2 tabular-nums">{i.row ?? ""}</td>
                <td className="px-3 py-2">{i.column ?? ""}</td>
                <td className="px-3 py-2">{i.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

"use client";
/**
 * Lock / unlock (reason required to unlock) and the deadline of one period.
 * Plain forms; results and refusals are announced in a live region.
 */
import { useActionState, useId } from "react";
import { lockPeriod, setDeadline, unlockPeriod } from "@/lib/actions/periods";
import type { ActionResult } from "@/lib/actions/result";
import { UNLOCK_REASON_MIN } from "@/lib/validations/period";

interface Props {
  period: { id: number; label: string; status: "OPEN" | "LOCKED"; deadlineDay: string };
}

type State = { ok: boolean; message: string; code?: string; details?: unknown; fieldErrors?: Record<string, string[]> } | null;

function toState(result: ActionResult<unknown>, success: string): State {
  return result.ok
    ? { ok: true, message: success }
    : { ok: false, message: result.error, code: result.code, details: result.details, fieldErrors: result.fieldErrors };
}

/** The open work a lock would strand, as the service counted it (PENDING_WORK). */
function pendingOf(state: State): { submitted: number; drafts: number; units: string[]; unitCount: number } | null {
  if (!state || state.ok || state.code !== "PENDING_WORK") return null;
  const d = state.details as { submitted?: unknown; drafts?: unknown; units?: unknown; unitCount?: unknown } | undefined;
  if (typeof d?.submitted !== "number" || typeof d.drafts !== "number") return null;
  return {
    submitted: d.submitted,
    drafts: d.drafts,
    units: Array.isArray(d.units) ? d.units.filter((u): u is string => typeof u === "string") : [],
    unitCount: typeof d.unitCount === "number" ? d.unitCount : 0,
  };
}

export function PeriodActions({ period }: Props) {
  const id = useId();
  const [lockState, lockAction, lockPending] = useActionState<State, FormData>(async (_prev, form) => {
    const input = { periodId: period.id, reason: String(form.get("reason") ?? "") };
    // After the admin was shown the open work: the counts they accept, which the service checks again.
    const pending =
      form.get("pending-submitted") !== null
        ? { submitted: Number(form.get("pending-submitted")), drafts: Number(form.get("pending-drafts")) }
        : undefined;
    // The form as rendered says what was asked, whatever the period became since.
    return form.get("intent") === "lock"
      ? toState(await lockPeriod({ ...input, pending }), `Đã khóa ${period.label}.`)
      : toState(await unlockPeriod(input), `Đã mở khóa ${period.label}.`);
  }, null);
  const [deadlineState, deadlineAction, deadlinePending] = useActionState<State, FormData>(async (_prev, form) => {
    const input = { periodId: period.id, deadline: String(form.get("deadline") ?? ""), reason: String(form.get("reason") ?? "") };
    return toState(await setDeadline(input), `Đã đổi hạn nộp của ${period.label}.`);
  }, null);

  const unlocking = period.status === "LOCKED";
  const pending = unlocking ? null : pendingOf(lockState);
  const reasonError = lockState?.fieldErrors?.reason?.[0];
  const deadlineError = deadlineState?.fieldErrors?.deadline?.[0];
  return (
    <div className="flex flex-col gap-3">
      <form action={lockAction} className="flex flex-wrap items-end gap-2" aria-label={`${unlocking ? "Mở khóa" : "Khóa"} ${period.label}`}>
        <input type="hidden" name="intent" value={unlocking ? "unlock" : "lock"} />
        <div className="flex flex-col">
          <label htmlFor={`${id}-ly-do`} className="text-xs font-medium">
            {unlocking ? `Lý do mở khóa (ít nhất ${UNLOCK_REASON_MIN} ký tự)` : "Lý do khóa (không bắt buộc)"}
          </label>
          <input
            id={`${id}-ly-do`}
            name="reason"
            required={unlocking}
            minLength={unlocking ? UNLOCK_REASON_MIN : undefined}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${id}-ly-do-loi` : undefined}
            className="w-64 rounded border border-slate-400 px-2 py-1 aria-[invalid=true]:border-red-700"
          />
          {reasonError && (
            <span id={`${id}-ly-do-loi`} className="text-xs text-red-800">
              {reasonError}
            </span>
          )}
        </div>
        <button
          type="submit"
          disabled={lockPending}
          className={`rounded px-3 py-1 font-medium disabled:opacity-60 ${unlocking ? "border border-brand-700 text-brand-800 hover:bg-slate-100" : "bg-brand-700 text-white hover:bg-brand-800"}`}
        >
          {unlocking ? "Mở khóa" : pending ? "Vẫn khóa kỳ" : "Khóa kỳ"}
        </button>
        {pending && (
          <div className="basis-full rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950" data-testid="pending-work">
            <input type="hidden" name="pending-submitted" value={pending.submitted} />
            <input type="hidden" name="pending-drafts" value={pending.drafts} />
            <p>
              <span aria-hidden="true">⚠ </span>
              Còn <strong>{pending.submitted}</strong> số liệu chờ duyệt và <strong>{pending.drafts}</strong> bản nháp hoặc bị từ chối, của{" "}
              {pending.unitCount} đơn vị. Sau khi khóa, người nhập liệu không sửa hay nộp được nữa; số liệu chờ duyệt vẫn được duyệt hoặc từ chối.
            </p>
            {pending.units.length > 0 && (
              <p className="mt-1">
                Đơn vị: {pending.units.join(", ")}
                {pending.unitCount > pending.units.length ? ` và ${pending.unitCount - pending.units.length} đơn vị khác` : ""}.
              </p>
            )}
          </div>
        )}
      </form>
      <form action={deadlineAction} className="flex flex-wrap items-end gap-2" aria-label={`Đổi hạn nộp ${period.label}`}>
        <div className="flex flex-col">
          <label htmlFor={`${id}-han`} className="text-xs font-medium">
            Hạn nộp mới
          </label>
          <input
            id={`${id}-han`}
            name="deadline"
            type="date"
            required
            defaultValue={period.deadlineDay}
            aria-invalid={deadlineError ? true : undefined}
            aria-describedby={deadlineError ? `${id}-han-loi` : undefined}
            className="rounded border border-slate-400 px-2 py-1"
          />
          {deadlineError && (
            <span id={`${id}-han-loi`} className="text-xs text-red-800">
              {deadlineError}
            </span>
          )}
        </div>
        <div className="flex flex-col">
          <label htmlFor={`${id}-han-ly-do`} className="text-xs font-medium">
            Lý do (không bắt buộc)
          </label>
          <input id={`${id}-han-ly-do`} name="reason" className="w-48 rounded border border-slate-400 px-2 py-1" />
        </div>
        <button type="submit" disabled={deadlinePending} className="rounded border border-brand-700 px-3 py-1 text-brand-800 hover:bg-slate-100 disabled:opacity-60">
          Đổi hạn nộp
        </button>
      </form>
      <div role="status" aria-live="polite" className="text-xs">
        {[lockState, deadlineState].map(
          (s, i) =>
            s && (
              <p key={i} className={s.ok ? "text-emerald-900" : "text-red-800"}>
                <span aria-hidden="true">{s.ok ? "✓ " : "✕ "}</span>
                {s.message}
              </p>
            ),
        )}
      </div>
    </div>
  );
}

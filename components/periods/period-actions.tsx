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

type State = { ok: boolean; message: string; fieldErrors?: Record<string, string[]> } | null;

function toState(result: ActionResult<unknown>, success: string): State {
  return result.ok ? { ok: true, message: success } : { ok: false, message: result.error, fieldErrors: result.fieldErrors };
}

export function PeriodActions({ period }: Props) {
  const id = useId();
  const [lockState, lockAction, lockPending] = useActionState<State, FormData>(async (_prev, form) => {
    const input = { periodId: period.id, reason: String(form.get("reason") ?? "") };
    // The form as rendered says what was asked, whatever the period became since.
    return form.get("intent") === "lock"
      ? toState(await lockPeriod(input), `Đã khóa ${period.label}.`)
      : toState(await unlockPeriod(input), `Đã mở khóa ${period.label}.`);
  }, null);
  const [deadlineState, deadlineAction, deadlinePending] = useActionState<State, FormData>(async (_prev, form) => {
    const input = { periodId: period.id, deadline: String(form.get("deadline") ?? ""), reason: String(form.get("reason") ?? "") };
    return toState(await setDeadline(input), `Đã đổi hạn nộp của ${period.label}.`);
  }, null);

  const unlocking = period.status === "LOCKED";
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
          {unlocking ? "Mở khóa" : "Khóa kỳ"}
        </button>
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

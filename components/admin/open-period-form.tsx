"use client";
/** "Open the next quarter": names the quarter shown, so a double submit cannot open two. */
import { useId } from "react";
import { Field } from "@/components/auth/field";
import { openNextPeriod } from "@/lib/actions/periods";
import { formatQuarter, makeQuarter } from "@/lib/period/quarter";
import { BUTTON, FormResult } from "./form-controls";
import { useAdminForm } from "./use-admin-form";
import { useHydrated } from "./use-hydrated";

export function OpenPeriodForm({ next }: { next: { key: string; label: string; defaultDeadlineDay: string; tooEarly: boolean } }) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(
    openNextPeriod,
    (form) => ({ quarter: next.key, deadline: form.get("deadline"), reason: form.get("reason") }),
    (opened) => `Đã mở ${formatQuarter(makeQuarter(opened.year, opened.quarter), "vi")}.`,
  );
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="mt-4 max-w-3xl space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby={`${id}-tieu-de`}>
      <h2 id={`${id}-tieu-de`} className="text-lg font-semibold text-brand-800">
        Mở quý tiếp theo: {next.label}
      </h2>
      {next.tooEarly ? (
        <p className="text-sm">Chưa mở được {next.label}: chỉ mở trước được quý kế tiếp của quý hiện tại.</p>
      ) : (
        <>
          <div className="flex flex-wrap gap-4">
            <Field
              id={`${id}-han`}
              name="deadline"
              label="Hạn nộp"
              type="date"
              defaultValue={next.defaultDeadlineDay}
              hint="Mặc định: ngày thứ 20 sau khi quý kết thúc (23:59 giờ Việt Nam)."
              errors={state?.fieldErrors?.deadline}
            />
            <Field id={`${id}-ly-do`} name="reason" label="Ghi chú (không bắt buộc)" errors={state?.fieldErrors?.reason} />
          </div>
          <button type="submit" disabled={!ready || pending} className={BUTTON}>
            Mở {next.label}
          </button>
        </>
      )}
      {/* Outside the branch: once a quarter is opened, the next one may be too early to open. */}
      <FormResult state={state} />
    </form>
  );
}

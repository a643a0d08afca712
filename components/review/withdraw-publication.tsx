"use client";
/**
 * Withdraw a publication made by mistake (issue #16, item 4): the approver
 * says why; the figure leaves the public pages, the open data and every
 * verdict at once and goes back to its editor. Behind a disclosure, with the
 * consequence spelled out before the button.
 */
import { useId } from "react";
import { Field } from "@/components/auth/field";
import { BUTTON_DANGER, FormResult } from "@/components/admin/form-controls";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { useHydrated } from "@/components/admin/use-hydrated";
import { withdrawPublication } from "@/lib/actions/review";
import { WITHDRAW_REASON_MIN } from "@/lib/validations/review";

export function WithdrawPublicationForm({ figureId, revision }: { figureId: number; revision: number }) {
  const id = useId();
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(
    withdrawPublication,
    (form) => ({ figureId, revision, reason: form.get("reason") }),
    (r) => (r.status === "REJECTED" ? `Đã rút lần công bố ${r.revision}; số liệu được trả lại người nhập để sửa.` : `Đã rút lần công bố ${r.revision}.`),
  );
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-sm text-red-900 underline">Rút công bố</summary>
      <form method="post" onSubmit={onSubmit} noValidate className="mt-2 max-w-md space-y-2" aria-label={`Rút lần công bố ${revision}`}>
        <p className="text-sm text-slate-800">
          Số liệu sẽ không còn trên trang công khai, trong dữ liệu mở và trong các đánh giá, và được trả lại người nhập để sửa. Lần công bố này vẫn được giữ
          trong lịch sử.
        </p>
        <Field id={`${id}-ly-do`} name="reason" label={`Lý do rút công bố (ít nhất ${WITHDRAW_REASON_MIN} ký tự)`} required errors={state?.fieldErrors?.reason} />
        <FormResult state={state} />
        <button type="submit" disabled={!ready || pending} className={BUTTON_DANGER}>
          Rút công bố
        </button>
      </form>
    </details>
  );
}

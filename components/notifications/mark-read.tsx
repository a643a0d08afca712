"use client";
/**
 * Mark one notification read, or all those on the page (up to the newest shown: one arriving
 * meanwhile stays unread). The page and the header's count refresh from the server.
 */
import { BUTTON_SECONDARY, FormResult } from "@/components/admin/form-controls";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { useHydrated } from "@/components/admin/use-hydrated";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/actions/notifications";

export function MarkReadButton({ id, label }: { id: string; label: string }) {
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(markNotificationRead, () => ({ id }), () => "Đã đánh dấu là đã đọc.");
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="inline">
      <button type="submit" disabled={!ready || pending} className={`${BUTTON_SECONDARY} text-sm`} aria-label={`Đánh dấu đã đọc: ${label}`}>
        Đánh dấu đã đọc
      </button>
      {state && !state.ok && <FormResult state={state} />}
    </form>
  );
}

export function MarkAllReadButton({ upTo, unread }: { upTo: string; unread: number }) {
  const ready = useHydrated();
  const [state, onSubmit, pending] = useAdminForm(
    markAllNotificationsRead,
    () => ({ upTo }),
    (r) => (r.marked === 0 ? "Không còn thông báo nào chưa đọc." : `Đã đánh dấu ${r.marked} thông báo là đã đọc.`),
  );
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-2">
      <button type="submit" disabled={!ready || pending || unread === 0} className={BUTTON_SECONDARY}>
        Đánh dấu tất cả là đã đọc
      </button>
      <FormResult state={state} />
    </form>
  );
}

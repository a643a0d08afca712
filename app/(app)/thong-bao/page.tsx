import type { Metadata } from "next";
import Link from "next/link";
import { MarkAllReadButton, MarkReadButton } from "@/components/notifications/mark-read";
import { requirePermission } from "@/lib/auth/session";
import { getNotifications, NOTIFICATION_PAGE_SIZE } from "@/lib/data/notifications";
import { KIND_LABELS } from "@/lib/notifications/texts";
import { formatVietnamDateTime, vietnamTimestamp } from "@/lib/period/vietnam-time";

export const metadata: Metadata = { title: "Thông báo" };

/** A signed-in user's own notifications (ADR 030), newest first. */
export default async function NotificationsPage() {
  const actor = await requirePermission("notification.read");
  const { rows, unread, total } = await getNotifications(actor);
  const newest = rows[0];
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">Thông báo</h1>
      <p className="mt-2 max-w-3xl text-slate-700" data-testid="notification-summary">
        {total === 0 ? "Bạn chưa có thông báo nào." : `${unread} chưa đọc trên ${total} thông báo.`}{" "}
        <span lang="en" className="text-slate-600">
          {total === 0 ? "No notifications yet." : `${unread} unread of ${total}.`}
        </span>
      </p>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">
        Thông báo khi số liệu chờ bạn duyệt, khi số liệu của bạn bị từ chối hoặc rút công bố, và khi sắp đến hạn nộp. Giờ là giờ Việt Nam.
      </p>
      {newest && (
        <div className="mt-4">
          <MarkAllReadButton upTo={newest.createdAt.toISOString()} unread={unread} />
        </div>
      )}
      {rows.length > 0 && (
        <ul className="mt-6 divide-y divide-slate-200 border-y border-slate-200" aria-label="Danh sách thông báo">
          {rows.map((n) => {
            const label = KIND_LABELS[n.kind];
            return (
              <li key={n.id} className={`py-3 ${n.readAt ? "" : "bg-amber-50"}`} data-testid="notification" data-unread={n.readAt ? undefined : "1"}>
                <div className="flex flex-wrap items-baseline justify-between gap-2 px-2">
                  <p className="font-semibold text-slate-900">
                    {!n.readAt && <span className="mr-2 rounded bg-amber-800 px-1.5 py-0.5 text-xs font-semibold text-white">Chưa đọc</span>}
                    {label.vi}
                  </p>
                  <time dateTime={n.createdAt.toISOString()} title={vietnamTimestamp(n.createdAt)} className="text-sm text-slate-700">
                    {formatVietnamDateTime(n.createdAt)}
                  </time>
                </div>
                <p className="mt-1 px-2 text-slate-900">{n.textVi}</p>
                <p lang="en" className="mt-0.5 px-2 text-sm text-slate-600">
                  {n.textEn}
                </p>
                <div className="mt-2 flex flex-wrap items-center gap-3 px-2">
                  <Link href={n.link} className="text-brand-800 underline">
                    Xem{n.kind === "FIGURES_SUBMITTED" ? " hàng chờ duyệt" : n.link.startsWith("/so-lieu/") ? " số liệu" : " bảng nhập liệu"}
                  </Link>
                  {!n.readAt && <MarkReadButton id={n.id} label={n.textVi} />}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {total > rows.length && <p className="mt-4 text-sm text-slate-700">Chỉ hiện {NOTIFICATION_PAGE_SIZE} thông báo mới nhất.</p>}
    </>
  );
}

import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { getDictionary } from "@/lib/i18n/dictionary";
import { formatVietnamDateTime } from "@/lib/period/vietnam-time";

/**
 * The staff header; printed (A4), it is a plain title line with who printed it and when — no menu, no "Đăng xuất" (issue #16, item 10).
 * `signOut` is the "Đăng xuất" control: SignOutButton on the App Router's pages, SignOutForm on the pages without JavaScript (ADR 035).
 * Plain links: every staff page is a full page load (ADR 031).
 */
export function AppHeader({ actor, unread, signOut }: { actor: Actor; unread: number; signOut: React.ReactNode }) {
  return (
    <header className="app-header bg-brand-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <a href="/" className="font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-white">
          {getDictionary("vi").meta.siteName}
        </a>
        <p className="print-only text-sm" data-printed>
          In lúc {formatVietnamDateTime(new Date())} (giờ Việt Nam) — {actor.name}
        </p>
        <div className="print-hidden flex flex-wrap items-center gap-3 text-sm">
          <p data-testid="current-user">
            <span className="font-medium">{actor.name}</span>
            <span className="mx-1" aria-hidden="true">
              ·
            </span>
            <span className="sr-only">vai trò: </span>
            <span>{ROLE_LABELS[actor.role].vi}</span>
          </p>
          {!actor.mustChangePassword && (
            <a
              href="/thong-bao"
              data-testid="notification-count"
              data-unread={unread}
              className="rounded px-1 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-white"
            >
              Thông báo
              {unread > 0 ? (
                <>
                  {" "}
                  <span className="rounded-full bg-amber-300 px-2 py-0.5 text-xs font-bold text-slate-950">{unread}</span>
                  <span className="sr-only"> chưa đọc</span>
                </>
              ) : (
                <span className="sr-only"> (không có thông báo chưa đọc)</span>
              )}
            </a>
          )}
          {signOut}
        </div>
      </div>
    </header>
  );
}

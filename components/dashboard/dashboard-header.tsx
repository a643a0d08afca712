/** The dashboard's sub-navigation and the print view's heading. */
import { dashboardQuery, type DashboardParams } from "@/lib/validations/dashboard";
import { formatDate } from "@/lib/format/number";

const SECTIONS = [
  { href: "/theo-doi", label: "Tổng quan chỉ tiêu" },
  { href: "/theo-doi/day-du", label: "Tình hình báo cáo" },
] as const;

export function DashboardHeader({ current, params, title, print }: { current: string; params: DashboardParams; title: string; print: boolean }) {
  const keep: DashboardParams = { ky: params.ky, "ranh-gioi": params["ranh-gioi"] };
  return (
    <>
      {print ? (
        <p className="text-sm">
          Bản in ngày {formatDate(new Date(), "vi")} · Theo dõi chuyển đổi số ·{" "}
          <a href={`${current}${dashboardQuery({ ...params, "ban-in": undefined })}`} className="print-hidden text-brand-700 underline">
            Quay lại bản xem
          </a>
        </p>
      ) : (
        <nav aria-label="Bảng điều hành" className="print-hidden">
          <ul className="flex flex-wrap gap-3 text-sm">
            {SECTIONS.map((s) => (
              <li key={s.href}>
                <a
                  href={`${s.href}${dashboardQuery(keep)}`}
                  aria-current={current === s.href ? "page" : undefined}
                  className={current === s.href ? "inline-block py-1 font-semibold text-brand-800" : "inline-block py-1 text-brand-700 underline underline-offset-2"}
                >
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <h1 className="mt-2 text-2xl font-bold text-brand-800">{title}</h1>
    </>
  );
}

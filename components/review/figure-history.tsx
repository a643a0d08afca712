import { FigureStatusBadge } from "@/components/entry/figure-status-badge";
import type { FigureHistory } from "@/lib/data/figure-history";
import { auditActionLabel, describeAuditChanges } from "@/lib/review/audit-diff";
import { formatVietnamDateTime } from "@/lib/period/vietnam-time";
import { PERIOD_STATUS_LABELS } from "@/lib/review/figure-status";
import { WithdrawPublicationForm } from "./withdraw-publication";

/** A figure's current state, its publications and its audit trail, newest first. */
export function FigureHistoryView({ history, canWithdraw = false }: { history: FigureHistory; canWithdraw?: boolean }) {
  const { figure, indicator, sector, unit, period, department } = history;
  // Events are newest first.
  const last = history.events[0] ?? null;
  return (
    <article aria-labelledby="tieu-de-so-lieu">
      <h1 id="tieu-de-so-lieu" className="text-2xl font-bold text-brand-800">
        Lịch sử số liệu: {indicator.nameVi}
      </h1>
      <p className="mt-1 text-slate-700">
        {sector && <>Ngành, lĩnh vực: {sector.nameVi} · </>}
        {unit.name} · {period.label} (kỳ {PERIOD_STATUS_LABELS[period.status].toLowerCase()}) · {department.nameVi}
      </p>

      <section className="mt-6" aria-labelledby="hien-tai">
        <h2 id="hien-tai" className="text-lg font-semibold">
          Trạng thái hiện tại
        </h2>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">Trạng thái</dt>
          <dd>
            <FigureStatusBadge status={figure.status} />
          </dd>
          <dt className="text-slate-600">Giá trị</dt>
          <dd className="tabular-nums">
            <strong>{figure.valueText}</strong>
            {figure.partsText && (
              <span className="ml-2 text-slate-600">
                ({indicator.numeratorLabelVi ?? "tử số"} / {indicator.denominatorLabelVi ?? "mẫu số"}: {figure.partsText})
              </span>
            )}
          </dd>
          <dt className="text-slate-600">Phiên bản</dt>
          <dd>{figure.version}</dd>
          {figure.comment && (
            <>
              <dt className="text-slate-600">Ghi chú của người nhập</dt>
              <dd>{figure.comment}</dd>
            </>
          )}
          {figure.reviewComment && (
            <>
              <dt className="text-slate-600">Ý kiến người duyệt</dt>
              <dd data-review-comment>{figure.reviewComment}</dd>
            </>
          )}
          {/* Who did the last thing to it, from the audit (a rejection is the approver's, not the editor's). */}
          <dt className="text-slate-600">Thay đổi gần nhất</dt>
          <dd data-last-change>
            {last ? (
              <>
                {formatVietnamDateTime(last.at)} — {last.actorLabel} ({auditActionLabel(last.action).toLowerCase()})
              </>
            ) : (
              <>
                {formatVietnamDateTime(figure.updatedAt)}
                {figure.updatedBy && <> — {figure.updatedBy}</>}
              </>
            )}
          </dd>
          <dt className="text-slate-600">Người nhập, sửa gần nhất</dt>
          <dd>{figure.updatedBy ?? "—"}</dd>
          <dt className="text-slate-600">Nộp duyệt lúc</dt>
          <dd>{formatVietnamDateTime(figure.submittedAt)}</dd>
          <dt className="text-slate-600">Duyệt / từ chối</dt>
          <dd>
            {formatVietnamDateTime(figure.reviewedAt)}
            {figure.reviewedBy && <> — {figure.reviewedBy}</>}
          </dd>
        </dl>
      </section>

      <section className="mt-8" aria-labelledby="cong-bo">
        <h2 id="cong-bo" className="text-lg font-semibold">
          Các lần công bố
        </h2>
        {history.publications.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">Chưa được công bố: công chúng chưa thấy số liệu này.</p>
        ) : (
          <div className="mt-2 overflow-x-auto rounded border border-slate-200">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">Các lần công bố, mới nhất trước</caption>
              <thead>
                <tr className="border-b border-slate-300 bg-white text-slate-700">
                  <th scope="col" className="px-3 py-2">Lần</th>
                  <th scope="col" className="px-3 py-2">Giá trị</th>
                  <th scope="col" className="px-3 py-2">Người duyệt</th>
                  <th scope="col" className="px-3 py-2">Duyệt lúc</th>
                  <th scope="col" className="px-3 py-2">Tình trạng</th>
                </tr>
              </thead>
              <tbody>
                {history.publications.map((p) => (
                  <tr key={p.revision} className="border-b border-slate-200 bg-white" data-revision={p.revision}>
                    <th scope="row" className="px-3 py-2 font-normal">
                      {p.revision}
                    </th>
                    <td className="px-3 py-2 tabular-nums">
                      {p.valueText}
                      {p.partsText && <span className="block text-xs text-slate-600">{p.partsText}</span>}
                    </td>
                    <td className="px-3 py-2">{p.approvedBy ?? "—"}</td>
                    <td className="px-3 py-2">{formatVietnamDateTime(p.approvedAt)}</td>
                    <td className="px-3 py-2">
                      {p.withdrawnAt ? (
                        <span data-withdrawn="">
                          Đã rút công bố lúc {formatVietnamDateTime(p.withdrawnAt)}
                          {p.withdrawnBy && ` (${p.withdrawnBy})`}: {p.withdrawalReason}
                        </span>
                      ) : p.supersededAt ? (
                        `Đã được thay thế lúc ${formatVietnamDateTime(p.supersededAt)}`
                      ) : (
                        <>
                          <strong>Đang công bố</strong>
                          {canWithdraw && <WithdrawPublicationForm figureId={figure.id} revision={p.revision} />}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="mt-8" aria-labelledby="nhat-ky">
        <h2 id="nhat-ky" className="text-lg font-semibold">
          Nhật ký thay đổi
        </h2>
        {history.events.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">Chưa có thay đổi nào được ghi nhận (số liệu nạp ban đầu).</p>
        ) : (
          <div className="mt-2 overflow-x-auto rounded border border-slate-200">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">Nhật ký thay đổi, mới nhất trước</caption>
              <thead>
                <tr className="border-b border-slate-300 bg-white text-slate-700">
                  <th scope="col" className="px-3 py-2">Thời điểm</th>
                  <th scope="col" className="px-3 py-2">Người thực hiện</th>
                  <th scope="col" className="px-3 py-2">Thao tác</th>
                  <th scope="col" className="px-3 py-2">Thay đổi</th>
                  <th scope="col" className="px-3 py-2">Lý do</th>
                </tr>
              </thead>
              <tbody>
                {history.events.map((e) => {
                  const changes = describeAuditChanges(e.before, e.after);
                  return (
                    <tr key={e.id} className="border-b border-slate-200 bg-white align-top" data-action={e.action}>
                      <td className="whitespace-nowrap px-3 py-2">{formatVietnamDateTime(e.at)}</td>
                      <td className="px-3 py-2">{e.actorLabel}</td>
                      <td className="px-3 py-2">{auditActionLabel(e.action)}</td>
                      <td className="px-3 py-2">
                        {changes.length === 0 ? (
                          "—"
                        ) : (
                          <ul>
                            {changes.map((c) => (
                              <li key={c.field}>
                                {c.label}: {c.before} → {c.after}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td className="px-3 py-2">{e.reason ?? "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}

import { Suspense } from "react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { DemoNotice } from "@/components/demo-notice";
import { NoPermission } from "@/components/app-shell/no-permission";
import { ReviewFilters } from "@/components/review/review-filters";
import { ReviewQueue } from "@/components/review/review-queue";
import { getCurrentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getReviewQueue } from "@/lib/data/review";
import { OUTLIER_THRESHOLDS } from "@/lib/review/outliers";
import { reviewQueueParamsSchema } from "@/lib/validations/review";

export const metadata: Metadata = { title: "Duyệt số liệu" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">Duyệt số liệu</h1>
      <Suspense fallback={<p className="mt-4">Đang tải danh sách chờ duyệt…</p>}>
        <Review searchParams={searchParams} />
      </Suspense>
    </>
  );
}

async function Review({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = reviewQueueParamsSchema.parse(await searchParams);
  const actor = await getCurrentActor();
  if (!actor) {
    const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
    const here = query.size > 0 ? `/duyet?${query}` : "/duyet";
    redirect(`/dang-nhap?callbackUrl=${encodeURIComponent(here)}`);
  }
  if (!can(actor.role, "figure.review")) return <NoPermission what="duyệt số liệu" />;

  const queue = await getReviewQueue(actor, { periodKey: params.ky, departmentId: params["don-vi"] });
  return (
    <>
      <p className="mt-2 max-w-3xl text-slate-700">
        Duyệt là công bố: số liệu được duyệt hiện ngay trên trang công khai. Số liệu bị từ chối trở lại người nhập liệu
        kèm lý do. Cảnh báo ⚠ khi giá trị lệch quá {OUTLIER_THRESHOLDS.stdDevs} độ lệch chuẩn so với{" "}
        {OUTLIER_THRESHOLDS.historyLength} quý gần nhất, hoặc tỷ lệ giảm quá {OUTLIER_THRESHOLDS.rateFallPoints} điểm % so
        với quý trước.
      </p>
      {queue.hasDemoData && (
        <div className="mt-4">
          <DemoNotice />
        </div>
      )}
      <div className="mt-4">
        <ReviewFilters queue={queue} />
      </div>
      {queue.total === 0 ? (
        <p className="mt-6" role="status">
          Không có số liệu nào chờ duyệt{queue.filters.periodKey || queue.filters.departmentId ? " theo bộ lọc đã chọn" : ""}.
        </p>
      ) : (
        <ReviewQueue groups={queue.groups} />
      )}
    </>
  );
}

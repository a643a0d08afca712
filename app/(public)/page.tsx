import { Suspense } from "react";
import { connection } from "next/server";
import { DemoNotice } from "@/components/demo-notice";
import { TargetTable } from "@/components/targets/target-table";
import { getTargetOverview } from "@/lib/data/targets";
import { formatQuarter } from "@/lib/period/quarter";
import { GROUP_ORDER, type IndicatorGroup } from "@/lib/progress/target-overview";

const GROUP_TITLES: Record<IndicatorGroup, string> = {
  DIGITAL_GOVERNMENT: "Chính quyền số",
  DIGITAL_ECONOMY: "Kinh tế số",
  DIGITAL_SOCIETY: "Xã hội số",
  INFRASTRUCTURE: "Hạ tầng số",
};

export default function HomePage() {
  return (
    <Suspense fallback={<p className="p-6">Đang tải số liệu…</p>}>
      <Overview />
    </Suspense>
  );
}

async function Overview() {
  await connection(); // read the database at request time, not at build time
  const overview = await getTargetOverview();
  return (
    <>
      {overview.hasDemoData && <DemoNotice />}
      <main className="mx-auto max-w-6xl px-4 py-8">
        <h1 className="text-2xl font-bold text-brand-800">Theo dõi chuyển đổi số tỉnh Thái Nguyên</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Tiến độ các mục tiêu của Nghị quyết số 01-NQ/TU của Ban Chấp hành Đảng bộ tỉnh về Chương trình chuyển đổi số
          giai đoạn 2021–2025, định hướng đến năm 2030. Chỉ hiển thị số liệu đã được phê duyệt; trạng thái tính đến{" "}
          {formatQuarter(overview.asOf, "vi")}.
        </p>
        {GROUP_ORDER.map((group) => {
          const rows = overview.rows.filter((r) => r.indicator.group === group);
          if (rows.length === 0) return null;
          return (
            <section key={group} className="mt-8" aria-labelledby={`group-${group}`}>
              <h2 id={`group-${group}`} className="mb-3 text-lg font-semibold">
                {GROUP_TITLES[group]}
              </h2>
              <div className="overflow-x-auto rounded border border-slate-200">
                <TargetTable caption={`Mục tiêu ${GROUP_TITLES[group].toLowerCase()}`} rows={rows} />
              </div>
            </section>
          );
        })}
      </main>
    </>
  );
}

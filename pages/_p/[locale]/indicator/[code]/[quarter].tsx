/**
 * `/chi-tieu/CODE` and `/en/indicators/CODE` (rewritten here by next.config.ts,
 * lib/public-pages/public-routes.ts, with the breakdown's quarter from ?quy= /
 * ?quarter= as the last segment, or "latest"): one indicator, its series,
 * breakdown and history.
 */
import type { GetStaticProps } from "next";
import { CHART_TOOLTIP_SCRIPT } from "@/components/charts/server-chart";
import { IndicatorView, indicatorMetadata } from "@/components/public/indicator-page";
import { PageHead } from "@/components/public/page-head";
import { PublicShell } from "@/components/public/public-shell";
import { buildOverview } from "@/lib/data/overview-model";
import { parseQuarter } from "@/lib/period/quarter";
import { indicatorRedirect, loadIndicator, pageBase, type IndicatorProps } from "@/lib/public-pages/load";
import { PUBLIC_PAGE_REVALIDATE, renderOnFirstRequest } from "@/lib/public-pages/static-paths";

// Cached HTML without Next's runtime or any inline script (ADR 012).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };
export const getStaticPaths = renderOnFirstRequest;

export const getStaticProps: GetStaticProps<IndicatorProps> = async ({ params }) => {
  const base = pageBase(params);
  const code = params?.code;
  const quarter = params?.quarter;
  if (!base || typeof code !== "string" || typeof quarter !== "string") return { notFound: true };
  // A code or quarter written another way: to the page's one URL; not a code at all: 404 (neither is kept).
  const redirect = indicatorRedirect(base.locale, code, quarter);
  if (redirect !== null) return redirect ?? { notFound: true };
  const props = await loadIndicator(base, code, quarter);
  // An unknown code, or a quarter without a breakdown: the public 404, rendered by no one (ADR 015).
  return props ? { props, revalidate: PUBLIC_PAGE_REVALIDATE } : { notFound: true };
};

export default function Indicator({ locale, asOf, detail, breakdown, selected }: IndicatorProps) {
  const overview = buildOverview(detail.overview, parseQuarter(asOf)!);
  const isDemo = overview.hasDemoData || breakdown?.isDemo === true || detail.overview.baselines.some((b) => b.isDemo);
  return (
    <>
      <PageHead metadata={indicatorMetadata(locale, detail.indicator)} />
      <PublicShell locale={locale} page={{ page: "indicator", code: detail.indicator.code }} isDemo={isDemo}>
        <IndicatorView detail={detail} overview={overview} breakdown={breakdown} selectedQuarter={selected ? parseQuarter(selected) : null} locale={locale} />
      </PublicShell>
      <script src={CHART_TOOLTIP_SCRIPT} defer />
    </>
  );
}

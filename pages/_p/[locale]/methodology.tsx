/** `/phuong-phap` and `/en/methodology` (rewritten here by next.config.ts, lib/public-pages/public-routes.ts): how the figures are computed. */
import type { GetStaticProps } from "next";
import { MethodologyView, methodologyMetadata } from "@/components/public/methodology-page";
import { PageHead } from "@/components/public/page-head";
import { PublicShell } from "@/components/public/public-shell";
import { loadMethodology, pageBase, type MethodologyProps } from "@/lib/public-pages/load";
import { PUBLIC_PAGE_REVALIDATE, renderOnFirstRequest } from "@/lib/public-pages/static-paths";

// Cached HTML without Next's runtime or any inline script (ADR 012).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };
export const getStaticPaths = renderOnFirstRequest;

export const getStaticProps: GetStaticProps<MethodologyProps> = async ({ params }) => {
  const base = pageBase(params);
  return base ? { props: await loadMethodology(base), revalidate: PUBLIC_PAGE_REVALIDATE } : { notFound: true };
};

export default function Methodology({ locale, indicators, isDemo }: MethodologyProps) {
  return (
    <>
      <PageHead metadata={methodologyMetadata(locale)} />
      <PublicShell locale={locale} page={{ page: "methodology" }} isDemo={isDemo}>
        <MethodologyView indicators={indicators} locale={locale} />
      </PublicShell>
    </>
  );
}

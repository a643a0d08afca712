/** `/du-lieu/api` and `/en/data/api` (rewritten here by next.config.ts, lib/public-pages/public-routes.ts): the open-data API's documentation. */
import type { GetStaticProps } from "next";
import { ApiView, apiMetadata } from "@/components/public/api-page";
import { PageHead } from "@/components/public/page-head";
import { PublicShell } from "@/components/public/public-shell";
import { loadData, pageBase, type DataProps } from "@/lib/public-pages/load";
import { PUBLIC_PAGE_REVALIDATE, renderOnFirstRequest } from "@/lib/public-pages/static-paths";

// Cached HTML without Next's runtime or any inline script (ADR 012).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };
export const getStaticPaths = renderOnFirstRequest;

// The demo notice needs to know whether the published figures are demo ones: the downloads' summary says.
export const getStaticProps: GetStaticProps<DataProps> = async ({ params }) => {
  const base = pageBase(params);
  return base ? { props: await loadData(base), revalidate: PUBLIC_PAGE_REVALIDATE } : { notFound: true };
};

export default function Api({ locale, summary }: DataProps) {
  return (
    <>
      <PageHead metadata={apiMetadata(locale)} />
      <PublicShell locale={locale} page={{ page: "api" }} isDemo={summary.isDemo}>
        <ApiView locale={locale} />
      </PublicShell>
    </>
  );
}

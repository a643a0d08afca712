/** `/du-lieu` and `/en/data` (rewritten here by next.config.ts, lib/public-pages/public-routes.ts): the downloads and their columns. */
import type { GetStaticProps } from "next";
import { DataView, dataMetadata } from "@/components/public/data-page";
import { PageHead } from "@/components/public/page-head";
import { PublicShell } from "@/components/public/public-shell";
import { loadData, pageBase, type DataProps } from "@/lib/public-pages/load";
import { PUBLIC_PAGE_REVALIDATE, renderOnFirstRequest } from "@/lib/public-pages/static-paths";

// Cached HTML without Next's runtime or any inline script (ADR 012).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };
export const getStaticPaths = renderOnFirstRequest;

export const getStaticProps: GetStaticProps<DataProps> = async ({ params }) => {
  const base = pageBase(params);
  return base ? { props: await loadData(base), revalidate: PUBLIC_PAGE_REVALIDATE } : { notFound: true };
};

export default function Data({ locale, summary }: DataProps) {
  return (
    <>
      <PageHead metadata={dataMetadata(locale)} />
      <PublicShell locale={locale} page={{ page: "data" }} isDemo={summary.isDemo}>
        <DataView summary={summary} locale={locale} />
      </PublicShell>
    </>
  );
}

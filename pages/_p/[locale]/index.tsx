/** `/` and `/en` (next.config.ts rewrites them here, lib/public-pages/public-routes.ts): the targets of the province's programme in force. */
import type { GetStaticProps } from "next";
import { HomeView, homeMetadata } from "@/components/public/home-page";
import { PageHead } from "@/components/public/page-head";
import { PublicShell } from "@/components/public/public-shell";
import { buildOverview } from "@/lib/data/overview-model";
import { parseQuarter } from "@/lib/period/quarter";
import { loadHome, pageBase, type HomeProps } from "@/lib/public-pages/load";
import { PUBLIC_PAGE_REVALIDATE, renderOnFirstRequest } from "@/lib/public-pages/static-paths";

// Cached HTML without Next's runtime or any inline script (ADR 012).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };
export const getStaticPaths = renderOnFirstRequest;

export const getStaticProps: GetStaticProps<HomeProps> = async ({ params }) => {
  const base = pageBase(params);
  return base ? { props: await loadHome(base), revalidate: PUBLIC_PAGE_REVALIDATE } : { notFound: true };
};

export default function Home({ locale, asOf, inputs, programmes, programmeId }: HomeProps) {
  const overview = buildOverview(inputs, parseQuarter(asOf)!);
  return (
    <>
      <PageHead metadata={homeMetadata(locale)} />
      <PublicShell locale={locale} page={{ page: "home" }} isDemo={overview.hasDemoData}>
        <HomeView overview={overview} locale={locale} programmes={programmes} programmeId={programmeId} view="home" />
      </PublicShell>
    </>
  );
}

/**
 * `/chuong-trinh/<slug>` and `/en/programmes/<slug>` (rewritten here by
 * next.config.ts, lib/public-pages/public-routes.ts): one of the province's programmes, its
 * targets and their verdicts — an ended one stays readable with its final ones.
 */
import type { GetStaticProps } from "next";
import { HomeView, programmeMetadata } from "@/components/public/home-page";
import { PageHead } from "@/components/public/page-head";
import { PublicShell } from "@/components/public/public-shell";
import { buildOverview } from "@/lib/data/overview-model";
import { parseQuarter } from "@/lib/period/quarter";
import { loadProgramme, pageBase, programmeRedirect, type HomeProps } from "@/lib/public-pages/load";
import { PUBLIC_PAGE_REVALIDATE, renderOnFirstRequest } from "@/lib/public-pages/static-paths";

// Cached HTML without Next's runtime or any inline script (ADR 012).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };
export const getStaticPaths = renderOnFirstRequest;

export const getStaticProps: GetStaticProps<HomeProps> = async ({ params }) => {
  const base = pageBase(params);
  const slug = params?.slug;
  if (!base || typeof slug !== "string") return { notFound: true };
  // A slug written another way: to its one URL; not a slug at all: 404 (neither is kept).
  const redirect = programmeRedirect(base.locale, slug);
  if (redirect !== null) return redirect ?? { notFound: true };
  const props = await loadProgramme(base, slug);
  // A slug that names no programme of the province: the public 404, rendered by no one (ADR 015).
  return props ? { props, revalidate: PUBLIC_PAGE_REVALIDATE } : { notFound: true };
};

export default function Programme(props: HomeProps) {
  const overview = buildOverview(props.inputs, parseQuarter(props.asOf)!);
  const programme = props.programmes.find((p) => p.id === props.programmeId)!;
  return (
    <>
      <PageHead metadata={programmeMetadata(props.locale, programme)} />
      <PublicShell locale={props.locale} page={{ page: "programme", slug: programme.slug }} isDemo={overview.hasDemoData}>
        <HomeView overview={overview} locale={props.locale} programmes={props.programmes} programmeId={props.programmeId} view="programme" />
      </PublicShell>
    </>
  );
}

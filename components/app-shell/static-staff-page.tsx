/**
 * The page component of the staff pages that are Pages Router pages without JavaScript (the
 * dashboard, ADR 035): the <head> and the body rendered by getServerSideProps
 * (static-staff-props.tsx) — the staff shell around the page's content, as one HTML string. With
 * `unstable_runtimeJS: false` the props are not sent to the browser: the page's data is in the
 * HTML once.
 */
import Head from "next/head";
import { STAFF_DESCRIPTION } from "@/components/staff-metadata";

export interface StaticStaffPageProps {
  title: string;
  html: string;
}

export function StaticStaffPage({ title, html }: StaticStaffPageProps) {
  return (
    <>
      <Head>
        <title>{title}</title>
        <meta key="viewport" name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={STAFF_DESCRIPTION} />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      </Head>
      <div className="contents" dangerouslySetInnerHTML={{ __html: html }} />
    </>
  );
}

/**
 * The public 404 (ADR 012), where proxy.ts sends every unknown URL (and
 * /khong-tim-thay, where an unknown indicator code is redirected): in
 * Vietnamese, then English, in the public pages' frame, without JavaScript,
 * with status 404. Rendered per request (it reads no data): a status other
 * than 200 needs getServerSideProps, and Next renders its own App Router 404
 * for a cached page's `notFound`.
 */
import type { GetServerSideProps } from "next";
import Head from "next/head";
import { NotFoundView } from "@/components/public/not-found-page";
import { getDictionary } from "@/lib/i18n/dictionary";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps = async ({ res }) => {
  res.statusCode = 404;
  res.setHeader("Cache-Control", "no-store");
  return { props: {} };
};

export default function NotFound() {
  const vi = getDictionary("vi").meta;
  const en = getDictionary("en").meta;
  return (
    <>
      <Head>
        <title>{`${vi.notFoundTitle} · ${en.notFoundTitle} — ${vi.titleSuffix}`}</title>
        <meta key="viewport" name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      </Head>
      <NotFoundView />
    </>
  );
}

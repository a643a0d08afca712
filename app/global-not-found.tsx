/**
 * The public 404 for every URL nothing answers (Next's `globalNotFound`): an
 * unmatched staff address, and a public page whose getStaticProps says
 * `notFound` (an unknown indicator code, a quarter without figures — issue
 * #12: answered 404 without rendering or storing a page). Next renders its
 * App Router 404 entry for a Pages Router `notFound`, so this file is what the
 * visitor sees there too: the same bilingual page as pages/_p/not-found.tsx.
 */
import type { Metadata } from "next";
import { NotFoundView } from "@/components/public/not-found-page";
import { RootDocument } from "@/components/root-document";
import { getDictionary } from "@/lib/i18n/dictionary";

const vi = getDictionary("vi").meta;
const en = getDictionary("en").meta;

export const metadata: Metadata = {
  title: `${vi.notFoundTitle} · ${en.notFoundTitle} — ${vi.titleSuffix}`,
  robots: { index: false },
};

export default function GlobalNotFound() {
  return (
    <RootDocument lang="vi">
      <NotFoundView />
    </RootDocument>
  );
}

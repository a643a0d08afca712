import { getDictionary } from "@/lib/i18n/dictionary";
import { pathFor } from "@/lib/i18n/routes";
import { PublicShell } from "./public-shell";

/**
 * The public 404 (pages/_p/not-found.tsx): an unknown URL or indicator code. One static
 * page for both languages — it cannot know which one the visitor reads — so it
 * says it in Vietnamese, then in English (marked lang="en"), each with a link
 * to its home page.
 */
export function NotFoundView() {
  const vi = getDictionary("vi");
  const en = getDictionary("en");
  return (
    <PublicShell locale="vi" page={{ page: "home" }} isDemo={false}>
      <h1 className="text-2xl font-bold text-brand-800">{vi.notFound.heading}</h1>
      <p className="mt-2 text-slate-800">{vi.notFound.body}</p>
      <p className="mt-2">
        <a href={pathFor("vi", { page: "home" })} className="text-brand-700 underline underline-offset-2">
          {vi.indicator.backToHome}
        </a>
      </p>
      <section lang="en" aria-labelledby="not-found-en" className="mt-8 border-t border-slate-200 pt-6">
        <h2 id="not-found-en" className="text-xl font-semibold text-brand-800">
          {en.notFound.heading}
        </h2>
        <p className="mt-2 text-slate-800">{en.notFound.body}</p>
        <p className="mt-2">
          <a href={pathFor("en", { page: "home" })} className="text-brand-700 underline underline-offset-2">
            {en.indicator.backToHome}
          </a>
        </p>
      </section>
    </PublicShell>
  );
}

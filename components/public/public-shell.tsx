/**
 * The frame of every public page: skip link, header with the site name, the
 * navigation and the language switch (to the same page in the other
 * language), the demo notice while figures are demo data, and the footer.
 *
 * Links between public pages are plain <a>: every public page is a full page
 * load, which its server-rendered charts rely on (components/charts/server-chart.tsx),
 * and which spares the home page the client router's prefetching.
 */
import { DemoNotice } from "@/components/demo-notice";
import { STAFF_AREA } from "@/lib/auth/landing";
import { getDictionary } from "@/lib/i18n/dictionary";
import { HTML_LANG, otherLocale, type Locale } from "@/lib/i18n/locales";
import { pathFor, type PublicPage } from "@/lib/i18n/routes";

const MAIN_ID = "noi-dung";
/** Shows the signed-in state on the cached pages: a file of this origin, allowed by their CSP. */
export const STAFF_LINK_SCRIPT = "/staff-link.js";

export function PublicShell({
  locale,
  page,
  isDemo,
  children,
}: {
  locale: Locale;
  page: PublicPage;
  isDemo: boolean;
  children: React.ReactNode;
}) {
  const t = getDictionary(locale);
  const other = otherLocale(locale);
  const nav = [
    { href: pathFor(locale, { page: "home" }), label: t.chrome.home, current: page.page === "home" },
    { href: pathFor(locale, { page: "methodology" }), label: t.chrome.methodology, current: page.page === "methodology" },
    { href: pathFor(locale, { page: "data" }), label: t.chrome.data, current: page.page === "data" },
  ];
  return (
    <>
      <a
        href={`#${MAIN_ID}`}
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800 focus:shadow"
      >
        {t.chrome.skipLink}
      </a>
      <header className="site-header bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <a href={pathFor(locale, { page: "home" })} className="font-semibold text-white focus-visible:outline-2 focus-visible:outline-white">
            {t.meta.siteName}
          </a>
          <nav aria-label={t.chrome.navLabel} className="print-hidden">
            <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
              {nav.map((item) => (
                <li key={item.href}>
                  <a
                    href={item.href}
                    aria-current={item.current ? "page" : undefined}
                    className="text-white underline-offset-4 hover:underline aria-[current=page]:underline"
                  >
                    {item.label}
                  </a>
                </li>
              ))}
              <li>
                {/* A staff member signed in sees their name here (public/staff-link.js); the link leads to their work either way. */}
                <a
                  href={STAFF_AREA}
                  data-staff-link=""
                  data-signed-in-text={t.chrome.staffAreaSignedIn}
                  className="text-white underline-offset-4 hover:underline"
                >
                  {t.chrome.staffArea}
                </a>
              </li>
              <li>
                <a
                  href={pathFor(other, page)}
                  hrefLang={HTML_LANG[other]}
                  lang={HTML_LANG[other]}
                  className="rounded border border-white/70 px-2 py-0.5 text-white hover:bg-white/10"
                >
                  <span className="sr-only" lang={HTML_LANG[locale]}>
                    {t.chrome.languageSwitchLabel}:{" "}
                  </span>
                  {getDictionary(other).languageName}
                </a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      {isDemo && <DemoNotice locale={locale} />}
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      <footer className="site-footer border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl space-y-2 px-4 py-6 text-sm text-slate-700">
          <p>{t.chrome.footerApprovedOnly}</p>
          <p className="print-hidden">
            <a href={STAFF_AREA} className="text-brand-700 underline underline-offset-2">
              {t.chrome.staffSignIn}
            </a>
          </p>
        </div>
      </footer>
      <script src={STAFF_LINK_SCRIPT} defer />
    </>
  );
}

/**
 * The <head> of a public page (Pages Router, next/head): title, description,
 * canonical and hreflang links, Open Graph and Twitter card tags from
 * lib/i18n/metadata.ts, the viewport and the icon. The `key`s replace Next's
 * defaults instead of adding to them.
 */
import Head from "next/head";
import type { PublicMetadata } from "@/lib/i18n/metadata";

export function PageHead({ metadata: m }: { metadata: PublicMetadata }) {
  return (
    <Head>
      <title>{m.title}</title>
      <meta key="viewport" name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="description" content={m.description} />
      <link rel="canonical" href={m.canonical} />
      {m.alternates.map((a) => (
        <link key={a.hrefLang} rel="alternate" hrefLang={a.hrefLang} href={a.href} />
      ))}
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content={m.siteName} />
      <meta property="og:title" content={m.title} />
      <meta property="og:description" content={m.description} />
      <meta property="og:url" content={m.canonical} />
      <meta property="og:locale" content={m.ogLocale} />
      <meta property="og:locale:alternate" content={m.ogAlternateLocale} />
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={m.title} />
      <meta name="twitter:description" content={m.description} />
      <link rel="icon" href="/icon.svg" type="image/svg+xml" />
    </Head>
  );
}

/**
 * Where the public site is served, for absolute URLs in Open Graph and
 * hreflang links (crawlers and link previews need absolute ones).
 */

/**
 * NEXTAUTH_URL is the documented "public URL of the app" (README,
 * Configuration); without it the local address `npm start` prints.
 */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): URL {
  const configured = env.NEXTAUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured);
    } catch {
      // An invalid value is next-auth's to report; fall through to the local address.
    }
  }
  return new URL(`http://localhost:${env.PORT ?? 3000}`);
}

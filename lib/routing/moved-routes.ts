/**
 * Staff URLs that moved (#17: Vietnamese slugs everywhere, one key per
 * indicator; ADR 026), answered with a permanent redirect so bookmarks and
 * links in old e-mails keep working; Next keeps the query string. Read by
 * next.config.ts, before the proxy and the routes.
 */
export interface MovedRoute {
  source: string;
  destination: string;
  permanent: true;
}

export const MOVED_ROUTES: readonly MovedRoute[] = [
  // The officials' dashboard: English /dashboard → /theo-doi ("theo dõi" = tracking), children alike.
  { source: "/dashboard", destination: "/theo-doi", permanent: true },
  { source: "/dashboard/:path*", destination: "/theo-doi/:path*", permanent: true },
  // Reporting periods are an admin section.
  { source: "/ky-bao-cao", destination: "/quan-tri/ky-bao-cao", permanent: true },
];

import path from "node:path";
import type { NextConfig } from "next";
import { IMPORT_PROXY_BODY_LIMIT } from "./lib/import/columns";
import { publicPageHeaders, publicPageRewrites } from "./lib/public-pages/public-routes";
import { MOVED_ROUTES } from "./lib/routing/moved-routes";
import { ACTION_BODY_LIMIT } from "./lib/security/server-action-gate";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // app/global-not-found.tsx: the bilingual public 404 for unmatched URLs and for a public page's `notFound`.
  experimental: {
    globalNotFound: true,
    // Spreadsheet uploads (20 MB) pass the proxy whole; the route refuses larger ones as they stream in.
    proxyClientMaxBodySize: IMPORT_PROXY_BODY_LIMIT,
    // The proxy refuses larger action bodies with a message (lib/security/server-action-gate.ts); Next's own limit is the same.
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT },
  },
  // The PGlite and pg drivers are Node packages with WebAssembly and native
  // fallbacks; keep them out of the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "pg-boss", "nodemailer", "@node-rs/argon2"],
  // Next's page cache, with the public pages served only in the generation they were rendered in (ADR 015).
  cacheHandler: path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "public-pages", "page-cache-handler.mjs"),
  // Staff URLs that moved (#17): permanent redirects, before the proxy (lib/routing/moved-routes.ts).
  async redirects() {
    return [...MOVED_ROUTES];
  },
  // The public URLs to their cached pages, and their headers, without the proxy (ADR 015,
  // lib/public-pages/public-routes.ts).
  async headers() {
    return publicPageHeaders();
  },
  async rewrites() {
    return { beforeFiles: publicPageRewrites(), afterFiles: [], fallback: [] };
  },
};

export default nextConfig;

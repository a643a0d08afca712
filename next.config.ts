import type { NextConfig } from "next";
import { IMPORT_PROXY_BODY_LIMIT } from "./lib/import/columns";
import { publicPageRewrites } from "./lib/public-pages/rewrites";
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
  // The public URLs to their cached pages, as the proxy decided (ADR 012, lib/public-pages/rewrites.ts).
  // Staff URLs that moved (#17): permanent redirects, before the proxy (lib/routing/moved-routes.ts).
  async redirects() {
    return [...MOVED_ROUTES];
  },
  async rewrites() {
    return { beforeFiles: publicPageRewrites(), afterFiles: [], fallback: [] };
  },
};

export default nextConfig;

/**
 * How the proxy hands a public URL to its cached page (ADR 012) — without
 * imports, because next.config.ts loads it.
 *
 * The proxy does not rewrite itself (NextResponse.rewrite): Next 16.4 keeps a
 * proxy rewrite inside the server only when its origin equals the address the
 * server was started on, and normalises 127.0.0.1 to "localhost" on the way,
 * so with `--hostname 127.0.0.1` (scripts/start.ts, HOSTNAME_BIND) every such
 * rewrite became an HTTP request to itself. Instead the proxy sets these
 * request headers — the generation and the segments of the internal page path
 * (lib/public-pages/paths.ts) — and the rewrites below, which are always
 * internal, turn them into /_p/<generation>/<segments>. The proxy deletes any
 * of them a client sent; on paths the proxy does not run for, a page of a
 * generation other than the current one answers 404 (load.ts, pageBase).
 */
export const GENERATION_HEADER = "x-dx-page-generation";
export const SEGMENT_HEADERS = ["x-dx-page-0", "x-dx-page-1", "x-dx-page-2", "x-dx-page-3"] as const;
export const PUBLIC_PAGE_HEADERS = [GENERATION_HEADER, ...SEGMENT_HEADERS];

const SEGMENT = "[A-Za-z0-9_.-]+";

interface HeaderCondition {
  type: "header";
  key: string;
  value?: string;
}

/** next.config.ts `rewrites().beforeFiles`: one rule per number of segments (1: home, 2: other pages, 3: a programme, 4: an indicator). */
export function publicPageRewrites(): { source: string; destination: string; has: HeaderCondition[]; missing?: HeaderCondition[] }[] {
  const has = (count: number): HeaderCondition[] => [
    { type: "header", key: GENERATION_HEADER, value: `(?<gen>${SEGMENT})` },
    ...SEGMENT_HEADERS.slice(0, count).map((key, i) => ({ type: "header" as const, key, value: `(?<s${i}>${SEGMENT})` })),
  ];
  const path = (count: number) => ["/_p/:gen", ...Array.from({ length: count }, (_, i) => `:s${i}`)].join("/");
  return [
    { source: "/:path*", has: has(4), destination: path(4) },
    { source: "/:path*", has: has(3), missing: [{ type: "header", key: SEGMENT_HEADERS[3] }], destination: path(3) },
    { source: "/:path*", has: has(2), missing: [{ type: "header", key: SEGMENT_HEADERS[2] }], destination: path(2) },
    { source: "/:path*", has: has(1), missing: [{ type: "header", key: SEGMENT_HEADERS[1] }], destination: path(1) },
  ];
}

import { existsSync } from "node:fs";
import path from "node:path";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { prepareDestination } from "next/dist/shared/lib/router/utils/prepare-destination";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { MOVED_ROUTES } from "./moved-routes";

/** Where next.config.ts's redirects send a URL, matched and rewritten by Next's own router helpers; null if none applies. */
async function redirectOf(url: string): Promise<{ location: string; permanent: boolean } | null> {
  const { pathname, searchParams } = new URL(url, "http://127.0.0.1");
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  for (const rule of (await nextConfig.redirects?.()) ?? []) {
    const params = getPathMatch(rule.source, { removeUnnamedParams: true, strict: true })(pathname);
    if (!params) continue;
    const { parsedDestination } = prepareDestination({ appendParamsToQuery: false, destination: rule.destination, params, query });
    const search = new URLSearchParams(
      Object.entries(parsedDestination.query).flatMap(([key, value]) => [value ?? []].flat().map((v): [string, string] => [key, String(v)])),
    ).toString();
    return { location: `${parsedDestination.pathname}${search ? `?${search}` : ""}`, permanent: "permanent" in rule && rule.permanent === true };
  }
  return null;
}

const STAFF = path.join(process.cwd(), "app", "(app)");
/** A staff page in either router: an App Router folder, or a Pages Router page (the dashboard, ADR 035). */
const PAGES = path.join(process.cwd(), "pages");
const staffPageExists = (route: string) =>
  existsSync(path.join(STAFF, ...route.split("/"))) || existsSync(path.join(PAGES, `${route}.tsx`)) || existsSync(path.join(PAGES, route, "index.tsx"));

describe("staff URLs that moved (#17, ADR 026)", () => {
  it("send each old URL to its new place for good, query and all", async () => {
    const moved = [
      ["/dashboard", "/theo-doi"],
      ["/dashboard?nhom=INFRASTRUCTURE&trang-thai=OFF_TRACK&trang-thai=REGRESSING", "/theo-doi?nhom=INFRASTRUCTURE&trang-thai=OFF_TRACK&trang-thai=REGRESSING"],
      ["/dashboard/chi-tieu/DVC_L4_SHARE?ky=2026-Q3&ranh-gioi=sau", "/theo-doi/chi-tieu/DVC_L4_SHARE?ky=2026-Q3&ranh-gioi=sau"],
      ["/dashboard/don-vi/12?ky=2025-Q2", "/theo-doi/don-vi/12?ky=2025-Q2"],
      ["/dashboard/day-du?ky=2026-Q3&ban-in=1", "/theo-doi/day-du?ky=2026-Q3&ban-in=1"],
      ["/dashboard/xuat?bang=tong-quan&ky=2026-Q3", "/theo-doi/xuat?bang=tong-quan&ky=2026-Q3"],
      ["/ky-bao-cao", "/quan-tri/ky-bao-cao"],
    ] as const;
    for (const [from, to] of moved) expect(await redirectOf(from), from).toEqual({ location: to, permanent: true });
  });

  it("leave the new URLs and look-alikes alone", async () => {
    for (const url of ["/theo-doi", "/theo-doi/chi-tieu/DVC_L4_SHARE", "/quan-tri/ky-bao-cao", "/dashboards", "/ky-bao-cao-cu", "/chi-tieu/DVC_L4_SHARE"]) {
      expect(await redirectOf(url), url).toBeNull();
    }
  });

  it("point at pages that exist, from folders that no longer do (a redirect never hides a page)", () => {
    for (const { source, destination } of MOVED_ROUTES) {
      const folder = (url: string) => path.join(STAFF, ...url.replace(/\/:path\*$/, "").split("/").filter(Boolean));
      expect(existsSync(folder(source)), source).toBe(false);
      expect(staffPageExists(destination.replace(/\/:path\*$/, "").split("/").filter(Boolean).join("/")), destination).toBe(true);
    }
    // Every child of the dashboard kept its name under /theo-doi, so /dashboard/<child> lands on a page.
    for (const child of ["chi-tieu/[code]", "don-vi/[id]", "day-du", "xuat"]) expect(staffPageExists(`theo-doi/${child}`), child).toBe(true);
  });
});

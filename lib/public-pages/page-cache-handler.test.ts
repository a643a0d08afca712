/**
 * The page cache Next runs with (next.config.ts cacheHandler): Next's own file-system cache, on a
 * scratch folder, with the public pages' rule — a kept page is served only in its generation.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { nodeFs } from "next/dist/server/lib/node-fs-methods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CURRENT_GENERATION } from "./generation";
// @ts-expect-error -- plain JavaScript, loaded by Next outside the bundles; no declarations.
import PublicPageCache from "./page-cache-handler.mjs";

interface Cache {
  get(key: string, ctx: object): Promise<{ value: unknown } | null>;
  set(key: string, data: unknown, ctx: object): Promise<void>;
}

let dir: string;
let current: string | null = "5f0c2a9e.7.2026-Q4";
const store = globalThis as unknown as Record<symbol, (() => string | null) | undefined>;
let previous: (() => string | null) | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dx-page-cache-"));
  previous = store[CURRENT_GENERATION];
  store[CURRENT_GENERATION] = () => current;
});
afterAll(async () => {
  store[CURRENT_GENERATION] = previous;
  await rm(dir, { recursive: true, force: true });
});

/** As Next makes one per request; no memory store, so every read is the file on disk. */
const cache = (): Cache => new PublicPageCache({ fs: nodeFs, serverDistDir: dir, flushToDisk: true, dev: false, revalidatedTags: [], maxMemoryCacheSize: 0 });
const GET = { kind: "PAGES", isFallback: false };
const SET = { cacheControl: { revalidate: 31_536_000, expire: undefined }, isFallback: false };
const page = (generation: string | undefined, html = "<p>trang</p>") => ({
  kind: "PAGES",
  html,
  pageData: { pageProps: generation === undefined ? { locale: "vi" } : { locale: "vi", generation, asOf: "2026-Q4" } },
  headers: undefined,
  status: undefined,
});
const key = (p: string) => `/route-cache/PAGES/0123abcd/$${p}`;
const file = (p: string) => path.join(dir, `${key(p)}.html`);

describe("a public page in the page cache", () => {
  it("is served while the generation it was rendered in is current, and not after", async () => {
    current = "5f0c2a9e.7.2026-Q4";
    await cache().set(key("/_p/vi"), page("5f0c2a9e.7.2026-Q4"), SET);
    expect(existsSync(file("/_p/vi"))).toBe(true);
    expect((await cache().get(key("/_p/vi"), GET))?.value).toMatchObject({ kind: "PAGES", html: "<p>trang</p>" });

    current = "5f0c2a9e.8.2026-Q4"; // a publication committed: PostgreSQL notified every instance
    expect(await cache().get(key("/_p/vi"), GET)).toBeNull();
    // Next renders it again; the new copy replaces the old file.
    await cache().set(key("/_p/vi"), page("5f0c2a9e.8.2026-Q4", "<p>mới</p>"), SET);
    expect((await cache().get(key("/_p/vi"), GET))?.value).toMatchObject({ html: "<p>mới</p>" });

    current = "5f0c2a9e.8.2027-Q1"; // a new quarter: the statuses are as of it
    expect(await cache().get(key("/_p/vi"), GET)).toBeNull();
  });

  it("is not served while the epoch is not known (the listener reconnecting)", async () => {
    current = "5f0c2a9e.9.2026-Q4";
    await cache().set(key("/_p/en"), page("5f0c2a9e.9.2026-Q4"), SET);
    current = null;
    expect(await cache().get(key("/_p/en"), GET)).toBeNull();
  });

  it("keeps nothing of a 404 or a redirect, nor of a page that does not say its generation", async () => {
    current = "5f0c2a9e.9.2026-Q4";
    await cache().set(key("/_p/vi/indicator/NOPE/latest"), null, SET);
    await cache().set(key("/_p/vi/indicator/dvc/latest"), { kind: "REDIRECT", props: { __N_REDIRECT: "/chi-tieu/DVC" } }, SET);
    await cache().set(key("/_p/vi/methodology"), page(undefined), SET);
    expect(existsSync(path.join(dir, "route-cache", "PAGES", "0123abcd", "$", "_p", "vi", "indicator"))).toBe(false);
    expect(existsSync(file("/_p/vi/methodology"))).toBe(false);
    expect(await cache().get(key("/_p/vi/indicator/dvc/latest"), GET)).toBeNull();
  });
});

describe("other pages in the page cache", () => {
  it("are Next's own: kept and served as Next decides, whatever the generation", async () => {
    current = "5f0c2a9e.10.2026-Q4";
    await cache().set(key("/theo-doi"), page(undefined, "<p>bảng</p>"), SET);
    current = "5f0c2a9e.11.2026-Q4";
    expect((await cache().get(key("/theo-doi"), GET))?.value).toMatchObject({ html: "<p>bảng</p>" });
  });
});

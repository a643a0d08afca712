import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, checkActionRequest, GATE_MESSAGES, loadActionDirectory, workerPattern, type ActionDirectory } from "./server-action-gate";

const ID = "40" + "ab".repeat(20);
const OTHER = "7f" + "cd".repeat(20);
const directory: ActionDirectory = {
  pagesOf: (id) => (id === ID ? [workerPattern("app/(app)/quan-tri/ky-bao-cao/page"), workerPattern("app/(app)/quan-tri/chi-tieu/[code]/page")] : undefined),
  isRouteHandler: () => false,
  isPage: () => true,
  staffSections: [],
};

function call(options: { id?: string | null; path?: string; origin?: string | null; type?: string; body?: string | Uint8Array | null; host?: string }) {
  const headers = new Headers({ host: options.host ?? "tinh.example.vn", "content-type": options.type ?? "text/plain;charset=UTF-8" });
  if (options.id !== null) headers.set("next-action", options.id ?? ID);
  if (options.origin !== null) headers.set("origin", options.origin ?? "https://tinh.example.vn");
  const body = options.body === undefined ? JSON.stringify([{ periodId: 1 }]) : options.body;
  let read = 0;
  const decision = checkActionRequest({ pathname: options.path ?? "/quan-tri/ky-bao-cao", headers }, directory, async (limit) => {
    read++;
    if (body === null) return null;
    const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
    return bytes.slice(0, limit + 1);
  });
  return decision.then((d) => ({ ...d, read }));
}

describe("server-action gate", () => {
  it("lets through what the product's client sends", async () => {
    expect(await call({})).toEqual({ ok: true, read: 1 });
    expect((await call({ path: "/quan-tri/chi-tieu/DVC_L4_SHARE" })).ok).toBe(true);
    // Self-contained encodings React writes for plain values.
    expect((await call({ body: JSON.stringify([{ a: "$$dollar", b: "$undefined", c: "$D2026-12-03T01:00:00.000Z", d: "$n12", e: "$-0", f: "thường" }]) })).ok).toBe(true);
    // A handcrafted request without Origin is Next's own choice to allow (it carries no one else's cookies).
    expect((await call({ origin: null })).ok).toBe(true);
  });

  it("refuses a malformed or empty action id with 400, before reading the body", async () => {
    for (const id of ["", "x", "../../", "AB".repeat(21), "0".repeat(39), "0".repeat(43)]) {
      expect(await call({ id }), id).toMatchObject({ ok: false, status: 400, message: GATE_MESSAGES.malformedAction, read: 0 });
    }
  });

  it("answers an id the build does not have, or a page that does not serve it, like a stale deployment: 404 with Next's not-found marker", async () => {
    expect(await call({ id: OTHER })).toMatchObject({ ok: false, status: 404, actionNotFound: true, message: GATE_MESSAGES.unknownAction });
    expect(await call({ path: "/quan-tri/nguoi-dung" })).toMatchObject({ ok: false, status: 404, actionNotFound: true });
    expect(await call({ path: "/quan-tri/chi-tieu/DVC_L4_SHARE/x" })).toMatchObject({ ok: false, status: 404 });
  });

  it("refuses a foreign or opaque Origin with 403", async () => {
    for (const origin of ["http://evil.example", "null", "", "not a url", "https://tinh.example.vn.evil.example"]) {
      expect(await call({ origin }), origin).toMatchObject({ ok: false, status: 403, message: GATE_MESSAGES.foreignOrigin });
    }
    // Behind the proxy the browser's host is X-Forwarded-Host.
    const headers = new Headers({ host: "127.0.0.1:3000", "x-forwarded-host": "tinh.example.vn", origin: "https://tinh.example.vn", "next-action": ID, "content-type": "text/plain" });
    expect(await checkActionRequest({ pathname: "/quan-tri/ky-bao-cao", headers }, directory, async () => new TextEncoder().encode("[1]"))).toEqual({ ok: true });
  });

  it("refuses other encodings (multipart, JSON, none) with 415", async () => {
    for (const type of ["multipart/form-data; boundary=x", "application/json", "application/x-www-form-urlencoded", "", "garbage/;;;"]) {
      expect(await call({ type }), type).toMatchObject({ ok: false, status: 415, message: GATE_MESSAGES.contentType });
    }
  });

  it("refuses a body over the limit with 413, declared or streamed", async () => {
    expect(await call({ body: `["${"x".repeat(ACTION_BODY_LIMIT)}"]` })).toMatchObject({ ok: false, status: 413, message: GATE_MESSAGES.tooLarge });
  });

  it("refuses what React's decoder would fail on: not JSON, not an array, not UTF-8, references to parts that do not exist", async () => {
    const bodies: Array<string | Uint8Array | null> = [
      "",
      "[",
      "{}",
      "null",
      '"$@1"',
      new Uint8Array([0x5b, 0x22, 0xff, 0x22, 0x5d]),
      null,
      ...["$@1", "$F1", "$Q1", "$W1", "$K1", "$B1", "$h1", "$1", "$T", "$Z", "$D-bad", "$n1.5", "$R1", "$i1"].map((ref) => JSON.stringify([{ x: [ref] }])),
    ];
    for (const body of bodies) expect(await call({ body }), String(body)).toMatchObject({ ok: false, status: 400, message: GATE_MESSAGES.badBody });
  });

  it("reads the build's manifests: action pages, dynamic segments, route handlers", () => {
    const root = mkdtempSync(path.join(tmpdir(), "gate-"));
    expect(loadActionDirectory(root)).toBeNull();
    mkdirSync(path.join(root, ".next", "server"), { recursive: true });
    writeFileSync(
      path.join(root, ".next", "server", "server-reference-manifest.json"),
      JSON.stringify({ node: { [ID]: { workers: { "app/(app)/quan-tri/chi-tieu/[code]/page": {} } } }, edge: {} }),
    );
    writeFileSync(
      path.join(root, ".next", "server", "app-paths-manifest.json"),
      JSON.stringify({ "/(app)/nhap-lieu/nhap-tep/xu-ly/route": "x.js", "/api/auth/[...nextauth]/route": "y.js", "/(app)/duyet/page": "z.js", "/(auth)/dang-nhap/page": "w.js" }),
    );
    const loaded = loadActionDirectory(root)!;
    expect(loaded.pagesOf(ID)!.some((p) => p.test("/quan-tri/chi-tieu/DVC_L4_SHARE"))).toBe(true);
    expect(loaded.pagesOf(OTHER)).toBeUndefined();
    expect(loaded.isRouteHandler("/nhap-lieu/nhap-tep/xu-ly")).toBe(true);
    expect(loaded.isRouteHandler("/api/auth/callback/credentials")).toBe(true);
    expect(loaded.isRouteHandler("/duyet")).toBe(false);
    expect(loaded.isPage("/duyet")).toBe(true);
    expect(loaded.isPage("/api/v1/figures/x")).toBe(false);
    // The signed-in sections are the (app) group's folders: no list kept in step by hand.
    expect(loaded.staffSections).toEqual(["/duyet", "/nhap-lieu"]);
  });
});

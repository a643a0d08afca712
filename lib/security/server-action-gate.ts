/**
 * The gate in front of Next's server-action handler (called by proxy.ts).
 *
 * Next answers a malformed server-action request with 500: an unknown or
 * malformed action id, an id posted to a page that does not serve it, a
 * foreign Origin, a body that is not what React's client encodes, a body over
 * the size limit (all found by the fuzz suite, tests/e2e/fuzz.spec.ts). Those
 * are the client's mistakes, so they get a 4xx with a Vietnamese message here,
 * before the framework sees them. The gate checks the envelope only; what the
 * argument MEANS is its service's own schema (lib/services, parseInput).
 *
 * What the product's client sends, and so the only thing accepted: every action
 * takes one plain object (forms are turned into objects first,
 * components/admin/use-admin-form.ts), so React encodes the call as a JSON
 * array in a text/plain body, with no references to other parts — only the
 * self-contained encodings ("$$" escapes, "$undefined", dates, bigints …).
 * A page takes no other POST: a POST to a page without an action id is refused.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/** Next's default server-action body limit (next.config.ts sets it to this value). */
export const ACTION_BODY_LIMIT = 1024 * 1024;
export const ACTION_BODY_LIMIT_TEXT = "1 MB";

export const GATE_MESSAGES = {
  unknownAction: "Chức năng này không có trong phiên bản đang chạy của hệ thống (có thể vừa được cập nhật). Hãy tải lại trang rồi thử lại.",
  malformedAction: "Yêu cầu không hợp lệ: mã chức năng sai định dạng.",
  foreignOrigin: "Yêu cầu không đến từ trang của hệ thống nên bị từ chối.",
  contentType: "Yêu cầu không hợp lệ: dữ liệu gửi lên phải ở dạng mà trang web của hệ thống gửi.",
  tooLarge: `Dữ liệu gửi lên quá lớn; giới hạn là ${ACTION_BODY_LIMIT_TEXT}.`,
  badBody: "Yêu cầu không hợp lệ: không đọc được dữ liệu gửi lên.",
  pagePost: "Trang này không nhận dữ liệu gửi lên theo cách này.",
  notFound: "Không tìm thấy địa chỉ này.",
} as const;

export type GateDecision = { ok: true } | { ok: false; status: 400 | 403 | 404 | 405 | 413 | 415; message: string; actionNotFound?: boolean };

/** What the build serves: id → the page paths that serve the action, and which paths are route handlers. */
export interface ActionDirectory {
  pagesOf(id: string): RegExp[] | undefined;
  isRouteHandler(pathname: string): boolean;
  isPage(pathname: string): boolean;
  /** First path segments of the signed-in pages (the folders of app/(app)): "/duyet", "/quan-tri" … */
  staffSections: readonly string[];
}

/** The signed-in sections of the build: pages under the (app) route group, by their first segment. */
export function staffSectionsOf(entries: readonly string[]): string[] {
  const sections = new Set<string>();
  for (const entry of entries) {
    const m = /^\/\(app\)\/([^/()[\]]+)\//.exec(entry);
    if (m) sections.add(`/${m[1]}`);
  }
  return [...sections].sort();
}

/** React's reference ids are hex; Next's action ids are 40–42 hex digits (a hash and a type byte). */
const ACTION_ID = /^[0-9a-f]{40,42}$/;

/** 'app/(app)/quan-tri/chi-tieu/[code]/page' → /^\/quan-tri\/chi-tieu\/[^/]+$/ */
export function workerPattern(worker: string): RegExp {
  const route = worker.replace(/^app/, "").replace(/\/(page|route)$/, "").replace(/\/\([^)]+\)/g, "") || "/";
  const source = route
    .split("/")
    .map((segment) =>
      /^\[\[\.\.\.[^\]]+\]\]$/.test(segment) ? "(?:.*)" : /^\[\.\.\.[^\]]+\]$/.test(segment) ? ".+" : /^\[[^\]]+\]$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("/");
  return new RegExp(`^${source === "" ? "/" : source}/?$`);
}

/** Whether a key of the build's pages-manifest.json is a product page ('/theo-doi/chi-tieu/[code]', ADR 035), not Next's own ('/_app', '/_error', '/404' …) or the public pages' internal '/_p/…'. */
export function isProductPagesRouterPage(key: string): boolean {
  return key.startsWith("/") && !key.startsWith("/_") && key !== "/404" && key !== "/500";
}

/** The Pages Router's product pages of the build. */
function pagesRouterPages(root: string): string[] {
  try {
    const manifest = JSON.parse(readFileSync(path.join(root, ".next", "server", "pages-manifest.json"), "utf8")) as Record<string, string>;
    return Object.keys(manifest).filter(isProductPagesRouterPage);
  } catch {
    return [];
  }
}

/** Reads the build's manifests (.next/server); null when there is no build (next dev before the first compile). */
export function loadActionDirectory(root = process.cwd()): ActionDirectory | null {
  let actions: { node?: Record<string, { workers?: Record<string, unknown> }> };
  let entries: Record<string, string>;
  try {
    actions = JSON.parse(readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8"));
    entries = JSON.parse(readFileSync(path.join(root, ".next", "server", "app-paths-manifest.json"), "utf8"));
  } catch {
    return null;
  }
  const pages = new Map<string, RegExp[]>();
  for (const [id, entry] of Object.entries(actions.node ?? {})) pages.set(id, Object.keys(entry.workers ?? {}).map(workerPattern));
  const routes = Object.keys(entries).filter((k) => k.endsWith("/route")).map(workerPattern);
  const pagePatterns = [...Object.keys(entries).filter((k) => k.endsWith("/page")), ...pagesRouterPages(root)].map(workerPattern);
  return {
    pagesOf: (id) => pages.get(id),
    isRouteHandler: (pathname) => routes.some((r) => r.test(pathname)),
    isPage: (pathname) => pagePatterns.some((r) => r.test(pathname)),
    staffSections: staffSectionsOf(Object.keys(entries)),
  };
}

/** Encodings React's reply decoder reads without looking anything else up. */
function isSelfContained(value: string): boolean {
  if (!value.startsWith("$")) return true;
  if (value.startsWith("$$")) return true; // an escaped string that starts with "$"
  if (value === "$undefined" || value === "$NaN" || value === "$Infinity" || value === "$-Infinity" || value === "$-0") return true;
  if (/^\$D\d{4,6}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/.test(value)) return !Number.isNaN(Date.parse(value.slice(2)));
  if (/^\$n-?\d{1,40}$/.test(value)) return true;
  return false;
}

function allSelfContained(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === "string") return isSelfContained(value);
  if (Array.isArray(value)) return value.every((v) => allSelfContained(v, depth + 1));
  if (value !== null && typeof value === "object") return Object.values(value).every((v) => allSelfContained(v, depth + 1));
  return true;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Whether the request looks like a server action at all (Next's own test: a POST with the header, or a form POST to a page). */
export function isActionRequest(method: string, headers: Headers): boolean {
  return method === "POST" && headers.has("next-action");
}

/**
 * Decides on a server-action request (a POST with a Next-Action header).
 * `readBody` is called only when everything else is right; it must give at most
 * limit + 1 bytes (more means too large).
 */
export async function checkActionRequest(
  request: { pathname: string; headers: Headers },
  directory: ActionDirectory | null,
  readBody: (limit: number) => Promise<Uint8Array | null>,
): Promise<GateDecision> {
  const id = request.headers.get("next-action") ?? "";
  if (!ACTION_ID.test(id)) return { ok: false, status: 400, message: GATE_MESSAGES.malformedAction };
  if (directory) {
    const pages = directory.pagesOf(id);
    if (!pages || !pages.some((p) => p.test(request.pathname))) return { ok: false, status: 404, message: GATE_MESSAGES.unknownAction, actionNotFound: true };
  }
  // Next aborts an action whose Origin names another host (CSRF); it says so with a 500.
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const expected = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
    if (hostOf(origin) === null || hostOf(origin) !== expected) return { ok: false, status: 403, message: GATE_MESSAGES.foreignOrigin };
  }
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "text/plain") return { ok: false, status: 415, message: GATE_MESSAGES.contentType };
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > ACTION_BODY_LIMIT) return { ok: false, status: 413, message: GATE_MESSAGES.tooLarge };
  const bytes = await readBody(ACTION_BODY_LIMIT);
  if (bytes === null) return { ok: false, status: 400, message: GATE_MESSAGES.badBody };
  if (bytes.byteLength > ACTION_BODY_LIMIT) return { ok: false, status: 413, message: GATE_MESSAGES.tooLarge };
  let args: unknown;
  try {
    args = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, status: 400, message: GATE_MESSAGES.badBody };
  }
  if (!Array.isArray(args) || !allSelfContained(args)) return { ok: false, status: 400, message: GATE_MESSAGES.badBody };
  return { ok: true };
}

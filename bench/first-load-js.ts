/**
 * First-load JavaScript of a page, measured as Next ≤ 15 printed it and Next
 * 16 no longer does: the gzip size of every script the HTML makes a modern
 * browser load (<script src>, <link rel=preload|modulepreload as=script>),
 * each counted once. `nomodule` scripts (legacy polyfills) are listed but not
 * counted: a browser that runs modules never downloads them.
 */
import { gzipSync } from "node:zlib";

export interface ScriptSize {
  src: string;
  bytes: number;
  gzipBytes: number;
  counted: boolean;
}

export interface FirstLoadJs {
  url: string;
  totalGzipBytes: number;
  scripts: ScriptSize[];
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}(?:=("[^"]*"|'[^']*'|[^\\s>]+))?`, "i").exec(tag);
  if (!m) return null;
  return m[1] === undefined ? "" : m[1].replace(/^["']|["']$/g, "");
}

/** Script URLs in an HTML document, with whether a module-capable browser loads them. */
export function scriptsIn(html: string): { src: string; counted: boolean }[] {
  const out = new Map<string, boolean>();
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, "src");
    if (src) out.set(src, (out.get(src) ?? false) || attr(tag, "nomodule") === null);
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = (attr(tag, "rel") ?? "").toLowerCase();
    const as = (attr(tag, "as") ?? "").toLowerCase();
    const href = attr(tag, "href");
    if (href && (rel === "modulepreload" || (rel === "preload" && as === "script"))) out.set(href, true);
  }
  return [...out].map(([src, counted]) => ({ src, counted }));
}

export async function measureFirstLoadJs(url: string): Promise<FirstLoadJs> {
  const html = await (await fetch(url)).text();
  const scripts: ScriptSize[] = [];
  for (const { src, counted } of scriptsIn(html)) {
    const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
    scripts.push({ src, bytes: body.length, gzipBytes: gzipSync(body).length, counted });
  }
  return { url, scripts, totalGzipBytes: scripts.filter((s) => s.counted).reduce((sum, s) => sum + s.gzipBytes, 0) };
}

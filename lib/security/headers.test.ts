import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, isHttpsRequest, securityHeaders, staticPagePolicy } from "./headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe("content security policy", () => {
  it("allows scripts only with the request's nonce, never inline or eval in production", () => {
    const policy = directives(contentSecurityPolicy("abc123=="));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    // Styles keep 'unsafe-inline' (Next and React inject style without a nonce); a nonce there would disable it.
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("adds eval only for next dev and the upgrade only over HTTPS", () => {
    expect(directives(contentSecurityPolicy("n", { development: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy("n", { https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("the cached public pages' policy: scripts from this origin only, nothing inline, everything else the same", () => {
    const policy = directives(staticPagePolicy());
    expect(policy.get("script-src")).toEqual(["'self'"]);
    const nonced = directives(contentSecurityPolicy("n"));
    for (const [name, values] of nonced) if (name !== "script-src") expect(policy.get(name), name).toEqual(values);
    expect([...policy.keys()].sort()).toEqual([...nonced.keys()].sort());
    expect(directives(staticPagePolicy({ https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("security headers", () => {
  it("forbid framing and sniffing, limit the referrer, and send HSTS only over HTTPS", () => {
    const http = securityHeaders({ https: false });
    expect(http).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(http["Permissions-Policy"]).toContain("camera=()");
    expect(http).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{7,}/);
  });

  it("recognises HTTPS from the URL or the (already vetted) X-Forwarded-Proto", () => {
    expect(isHttpsRequest(new URL("https://dx.example/"), new Headers())).toBe(true);
    expect(isHttpsRequest(new URL("http://dx.example/"), new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttpsRequest(new URL("http://dx.example/"), new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(isHttpsRequest(new URL("http://dx.example/"), new Headers())).toBe(false);
  });
});

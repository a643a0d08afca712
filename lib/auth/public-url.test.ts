import { describe, expect, it } from "vitest";
import { authOrigin } from "./public-url";

describe("authOrigin", () => {
  it("takes NEXTAUTH_URL when set, and refuses one that is not an http(s) URL", () => {
    expect(authOrigin({ nextauthUrl: "https://dx.example.gov.vn", trustProxy: true, embedded: false, port: 3000 })).toMatchObject({ ok: true, env: {} });
    expect(authOrigin({ nextauthUrl: "dx.example.gov.vn", trustProxy: false, embedded: false, port: 3000 })).toMatchObject({ ok: false });
    expect(authOrigin({ nextauthUrl: "ftp://dx.example.gov.vn", trustProxy: false, embedded: false, port: 3000 })).toMatchObject({ ok: false });
  });
  it("behind a trusted proxy, lets next-auth read the proxy's forwarded host and protocol", () => {
    expect(authOrigin({ trustProxy: true, embedded: false, port: 3001 })).toMatchObject({ ok: true, env: { AUTH_TRUST_HOST: "1" } });
  });
  it("on the embedded default, this machine's address", () => {
    expect(authOrigin({ trustProxy: false, embedded: true, port: 3000 })).toMatchObject({ ok: true, env: { NEXTAUTH_URL: "http://localhost:3000" } });
  });
  it("refuses a database server with neither NEXTAUTH_URL nor a trusted proxy, saying what to set", () => {
    const refused = authOrigin({ nextauthUrl: " ", trustProxy: false, embedded: false, port: 3000 });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toContain("NEXTAUTH_URL");
  });
});

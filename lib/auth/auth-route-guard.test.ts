import { describe, expect, it } from "vitest";
import { AUTH_ROUTE_MESSAGES, isAcceptableCallbackUrl, refuseAuthRequest, type AuthRequest } from "./auth-route-guard";

function request(overrides: Partial<AuthRequest> & { text?: string | "too-large" | null } = {}): AuthRequest {
  const { text, ...rest } = overrides;
  return {
    method: "POST",
    segments: ["callback", "credentials"],
    query: new URLSearchParams(),
    contentType: "application/x-www-form-urlencoded",
    cookies: new Map(),
    body: text === undefined ? async () => "csrfToken=t&email=a%40b.vn&password=x&json=true&callbackUrl=%2Fduyet" : async () => text,
    ...rest,
  };
}

describe("what /api/auth/* lets through to next-auth", () => {
  it("lets through what the sign-in page and next-auth's client send", async () => {
    expect(await refuseAuthRequest(request())).toBeNull();
    for (const path of [["csrf"], ["session"], ["providers"], ["signin"], ["signout"], ["error"]]) {
      expect(await refuseAuthRequest(request({ method: "GET", segments: path, body: null })), path.join("/")).toBeNull();
    }
    expect(await refuseAuthRequest(request({ method: "GET", segments: ["error"], query: new URLSearchParams("error=CredentialsSignin&callbackUrl=%2Fduyet"), body: null }))).toBeNull();
    expect(await refuseAuthRequest(request({ segments: ["signout"], text: "csrfToken=t&callbackUrl=%2F&json=true" }))).toBeNull();
    expect(await refuseAuthRequest(request({ contentType: "application/json", text: '{"csrfToken":"t","email":"a@b.vn"}' }))).toBeNull();
  });

  it("refuses an unknown action with 404 and a known one with the wrong method with 405 (next-auth said 500)", async () => {
    expect(await refuseAuthRequest(request({ segments: ["x"] }))).toMatchObject({ status: 404, message: AUTH_ROUTE_MESSAGES.notFound });
    expect(await refuseAuthRequest(request({ segments: ["callback", "credentials", "callback"] }))).toMatchObject({ status: 404 });
    expect(await refuseAuthRequest(request({ segments: ["callback", "github"] }))).toMatchObject({ status: 404 });
    expect(await refuseAuthRequest(request({ method: "GET", segments: ["callback", "credentials"], body: null }))).toMatchObject({ status: 405, message: AUTH_ROUTE_MESSAGES.method });
    expect(await refuseAuthRequest(request({ method: "PUT" }))).toMatchObject({ status: 405 });
  });

  it("refuses a callback URL next-auth cannot read, in the query, the body or the cookie (next-auth said 500)", async () => {
    for (const bad of ["J^*)q", "xxxx", "javascript:alert(1)", "%%"]) {
      expect(isAcceptableCallbackUrl(bad), bad).toBe(false);
      expect(await refuseAuthRequest(request({ method: "GET", segments: ["error"], query: new URLSearchParams({ callbackUrl: bad }), body: null }))).toMatchObject({ status: 400, message: AUTH_ROUTE_MESSAGES.callbackUrl });
      expect(await refuseAuthRequest(request({ text: `csrfToken=t&callbackUrl=${encodeURIComponent(bad)}` }))).toMatchObject({ status: 400 });
      expect(await refuseAuthRequest(request({ method: "GET", segments: ["session"], body: null, cookies: new Map([["next-auth.callback-url", bad]]) }))).toMatchObject({ status: 400, clearCallbackCookie: true });
    }
    for (const good of ["/", "/duyet?ky=2026-Q4", "http://127.0.0.1:3000/", "https://tinh.example.vn/theo-doi"]) expect(isAcceptableCallbackUrl(good), good).toBe(true);
  });

  it("refuses a POST body that is not a form, not JSON, unreadable or too large", async () => {
    expect(await refuseAuthRequest(request({ contentType: "multipart/form-data; boundary=x" }))).toMatchObject({ status: 415 });
    expect(await refuseAuthRequest(request({ contentType: null }))).toMatchObject({ status: 415 });
    expect(await refuseAuthRequest(request({ contentType: "application/json", text: "_8;" }))).toMatchObject({ status: 400, message: AUTH_ROUTE_MESSAGES.body });
    expect(await refuseAuthRequest(request({ contentType: "application/json", text: "[1]" }))).toMatchObject({ status: 400 });
    expect(await refuseAuthRequest(request({ contentType: "application/json", text: '{"callbackUrl":5}' }))).toMatchObject({ status: 400 });
    expect(await refuseAuthRequest(request({ text: null }))).toMatchObject({ status: 400 });
    expect(await refuseAuthRequest(request({ text: "too-large" }))).toMatchObject({ status: 413 });
  });
});

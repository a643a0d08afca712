import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps paths of this site with their query and fragment", () => {
    expect(safeCallbackUrl("/nhap-lieu")).toBe("/nhap-lieu");
    expect(safeCallbackUrl("/nhap-lieu?ky=2026-Q3&don-vi=3#o-12")).toBe("/nhap-lieu?ky=2026-Q3&don-vi=3#o-12");
    expect(safeCallbackUrl("/")).toBe("/");
  });

  it.each([
    "https://evil.example/",
    "http://evil.example",
    "//evil.example/path",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "evil.example",
    " /nhap-lieu",
    "",
  ])("refuses %j and falls back", (value) => {
    expect(safeCallbackUrl(value)).toBe("/");
    expect(safeCallbackUrl(value, "/duyet")).toBe("/duyet");
  });

  it("refuses non-strings, huge values and a loop back to the sign-in page", () => {
    expect(safeCallbackUrl(undefined)).toBe("/");
    expect(safeCallbackUrl(["/nhap-lieu", "/duyet"])).toBe("/");
    expect(safeCallbackUrl(`/${"a".repeat(3000)}`)).toBe("/");
    expect(safeCallbackUrl("/dang-nhap?callbackUrl=/nhap-lieu")).toBe("/");
    expect(safeCallbackUrl("/api/auth/signout")).toBe("/");
  });

  it("normalises dot segments instead of letting them escape", () => {
    expect(safeCallbackUrl("/a/../../nhap-lieu")).toBe("/nhap-lieu");
    expect(safeCallbackUrl("/./evil.example")).toBe("/evil.example");
  });
});

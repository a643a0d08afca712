import { describe, expect, it } from "vitest";
import { proxyExpiresHeader } from "./static-paths";

describe("proxyExpiresHeader", () => {
  it("is the current second, absolute: nginx keeps the page to that second's end", () => {
    expect(proxyExpiresHeader(Date.UTC(2026, 11, 3, 8, 0, 0, 0))).toBe("@1796284800");
    expect(proxyExpiresHeader(Date.UTC(2026, 11, 3, 8, 0, 0, 999))).toBe("@1796284800");
    expect(proxyExpiresHeader(Date.UTC(2026, 11, 3, 8, 0, 1, 0))).toBe("@1796284801");
  });
});

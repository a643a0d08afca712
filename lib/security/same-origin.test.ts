import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

describe("isSameOrigin", () => {
  it("accepts the page's own origin, refuses others and a missing Origin", () => {
    expect(isSameOrigin(new Headers({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).toBe(true);
    expect(isSameOrigin(new Headers({ origin: "https://dx.example.vn", host: "10.0.0.2:3000", "x-forwarded-host": "dx.example.vn" }))).toBe(true);
    expect(isSameOrigin(new Headers({ origin: "https://evil.example", host: "127.0.0.1:3000" }))).toBe(false);
    expect(isSameOrigin(new Headers({ host: "127.0.0.1:3000" }))).toBe(false);
    expect(isSameOrigin(new Headers({ origin: "null", host: "127.0.0.1:3000" }))).toBe(false);
    expect(isSameOrigin(new Headers({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" }))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { markPublicPageExpiry, proxyExpiresHeader } from "./nginx-expiry";

describe("proxyExpiresHeader", () => {
  it("is the current second, absolute: nginx keeps the page to that second's end", () => {
    expect(proxyExpiresHeader(Date.UTC(2026, 11, 3, 8, 0, 0, 0))).toBe("@1796284800");
    expect(proxyExpiresHeader(Date.UTC(2026, 11, 3, 8, 0, 0, 999))).toBe("@1796284800");
    expect(proxyExpiresHeader(Date.UTC(2026, 11, 3, 8, 0, 1, 0))).toBe("@1796284801");
  });
});

describe("markPublicPageExpiry", () => {
  const now = Date.UTC(2026, 11, 3, 8, 0, 0, 500);
  const mark = (method: string, url: string) => {
    const set: Record<string, string> = {};
    markPublicPageExpiry({ method, url }, { setHeader: (name: string, value: string) => ((set[name] = value), undefined) } as never, now);
    return set["X-Accel-Expires"];
  };

  it("marks a GET or HEAD of every public page, with its query", () => {
    for (const url of ["/", "/en", "/phuong-phap", "/du-lieu/api", "/chi-tieu/DVC_L4_SHARE?quy=2025-Q2", "/chi-tieu/dvc_l4_share", "/en/indicators/X?quarter=2025-Q2", "/chuong-trinh/01-nq-tu", "/en/programmes/01-nq-tu", "/?utm_source=x"]) {
      expect(mark("GET", url), url).toBe("@1796284800");
    }
    expect(mark("HEAD", "/")).toBe("@1796284800");
  });

  it("never marks what nginx must not keep: staff pages, sign-in, the API, other methods, unknown URLs", () => {
    for (const url of ["/theo-doi", "/nhap-lieu?ky=2026-Q3", "/dang-nhap", "/api/v1/figures", "/api/auth/session", "/chi-tieu/A/B", "/_p/vi", "/khong-co-trang-nay", "/en/unknown", "//theo-doi"]) {
      expect(mark("GET", url), url).toBeUndefined();
    }
    expect(mark("POST", "/")).toBeUndefined();
  });
});

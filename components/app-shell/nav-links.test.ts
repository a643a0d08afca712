import { describe, expect, it } from "vitest";
import { ROLES, can } from "@/lib/auth/permissions";
import { NAV_LINKS, navLinksFor } from "./nav-links";

describe("the signed-in menu", () => {
  it("shows each role exactly the pages its permissions allow", () => {
    expect(navLinksFor("EDITOR").map((l) => l.href)).toEqual(["/theo-doi", "/nhap-lieu", "/tai-khoan/mat-khau"]);
    expect(navLinksFor("APPROVER").map((l) => l.href)).toEqual(["/theo-doi", "/duyet", "/tai-khoan/mat-khau"]);
    expect(navLinksFor("VIEWER").map((l) => l.href)).toEqual(["/theo-doi", "/tai-khoan/mat-khau"]);
    for (const role of ROLES) {
      for (const link of NAV_LINKS) expect(navLinksFor(role).includes(link)).toBe(can(role, link.permission));
    }
  });

  it("has one entry per page", () => {
    expect(new Set(NAV_LINKS.map((l) => l.href)).size).toBe(NAV_LINKS.length);
  });
});

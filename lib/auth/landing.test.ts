import { describe, expect, it } from "vitest";
import { landingPath, STAFF_AREA } from "./landing";
import { can, ROLES, type Permission } from "./permissions";

describe("landingPath", () => {
  it("sends each role to its work", () => {
    expect(landingPath("EDITOR")).toBe("/nhap-lieu");
    expect(landingPath("APPROVER")).toBe("/duyet");
    expect(landingPath("VIEWER")).toBe("/theo-doi");
    expect(landingPath("ADMIN")).toBe("/theo-doi");
  });

  it("only ever to a page the role may open, never back to the staff area itself", () => {
    const pagePermission: Record<string, Permission> = { "/nhap-lieu": "figure.edit", "/duyet": "figure.review", "/theo-doi": "dashboard.read" };
    for (const role of ROLES) {
      const path = landingPath(role);
      expect(path).not.toBe(STAFF_AREA);
      expect(can(role, pagePermission[path]!), `${role} → ${path}`).toBe(true);
    }
  });
});

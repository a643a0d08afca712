import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES } from "@/lib/auth/permissions";
import { ADMIN_PERMISSIONS, ADMIN_SECTIONS, adminSectionsFor, adminSectionsWhere } from "./sections";

describe("the administration's sections", () => {
  it("name the permission their page checks, so the menu shows what the page lets in", () => {
    for (const s of ADMIN_SECTIONS) {
      const page = readFileSync(path.join(process.cwd(), "app", "(app)", ...s.href.split("/").filter(Boolean), "page.tsx"), "utf8");
      expect(page, s.href).toContain(`adminActor("${s.permission}"`);
    }
  });

  it("are shown to each role only where it holds the permission", () => {
    expect(adminSectionsFor("ADMIN")).toEqual(ADMIN_SECTIONS);
    for (const role of ROLES.filter((r) => r !== "ADMIN")) expect(adminSectionsFor(role), role).toEqual([]);
    expect(adminSectionsFor(null)).toEqual([]);
  });

  it("give a role that may only manage periods the periods page and nothing else (#17: it moved under /quan-tri)", () => {
    expect(adminSectionsWhere((p) => p === "period.manage").map((s) => s.href)).toEqual(["/quan-tri/ky-bao-cao"]);
    expect(ADMIN_PERMISSIONS).toContain("period.manage");
  });

  it("cover every admin.* permission, and /quan-tri opens for any of them", () => {
    const admin = Object.keys(PERMISSIONS).filter((p) => p.startsWith("admin."));
    for (const p of admin) expect(ADMIN_PERMISSIONS, p).toContain(p);
  });
});

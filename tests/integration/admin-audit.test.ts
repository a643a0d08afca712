/**
 * The audit log viewer's reads on a scratch database: filters by who, what and
 * when (Vietnamese days), pagination, and the CSV export (BOM, header, cells a
 * spreadsheet would run defused). Admins only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit";
import { AUDIT_PAGE_SIZE, getAuditCsv, getAuditFilterOptions, getAuditPage } from "@/lib/data/audit-log";
import { auditParamsSchema } from "@/lib/validations/admin-audit";
import { createScratchDatabase, type ScratchDatabase } from "./helpers/database";

let scratch: ScratchDatabase;
let db: PrismaClient;
let admin: Actor;
let other: Actor;
let viewer: Actor;

const params = (p: Record<string, string>) => auditParamsSchema.parse(p);

beforeAll(async () => {
  scratch = await createScratchDatabase("adminaudit");
  await migrate(scratch.url);
  db = createPrismaClient(scratch.url, { maxConnections: 4 });
  const mk = async (email: string, name: string, role: "ADMIN" | "VIEWER") =>
    (await loadActor(db, (await db.user.create({ data: { email, name, role, passwordHash: "x" } })).id))!;
  admin = await mk("a@audit.test", "Quản trị A", "ADMIN");
  other = await mk("b@audit.test", "Quản trị B", "ADMIN");
  viewer = await mk("v@audit.test", "Lãnh đạo", "VIEWER");
  // 60 lock rows by A; the tests add one unlock by B (with a reason a spreadsheet would read as a formula) and one system row.
  for (let i = 0; i < 60; i++) {
    await writeAudit(db, { actor: admin, action: "PERIOD_LOCKED", entityType: "ReportingPeriod", entityId: i + 1, after: { status: "LOCKED" } });
  }
});

afterAll(async () => {
  await db?.$disconnect();
  await scratch?.drop();
});

describe("the audit log viewer", () => {
  it("filters by who, what and when, newest first, 50 a page", async () => {
    await writeAudit(db, { actor: other, action: "PERIOD_UNLOCKED", entityType: "ReportingPeriod", entityId: 7, reason: "=HYPERLINK(\"http://x\")" });
    await writeAudit(db, { actor: null, action: "SEED", entityType: "Database", entityId: "dx-tracker" });

    const all = await getAuditPage(db, admin, params({}));
    expect(all.total).toBe(62);
    expect(all.pages).toBe(2);
    expect(all.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(all.rows[0]!.action).toBe("SEED"); // newest first
    const second = await getAuditPage(db, admin, params({ trang: "2" }));
    expect(second.rows).toHaveLength(12);
    expect(new Set([...all.rows, ...second.rows].map((r) => r.id)).size).toBe(62);

    expect((await getAuditPage(db, admin, params({ nguoi: other.id }))).rows.map((r) => r.action)).toEqual(["PERIOD_UNLOCKED"]);
    expect((await getAuditPage(db, admin, params({ nguoi: "he-thong" }))).rows.map((r) => r.action)).toEqual(["SEED"]);
    expect((await getAuditPage(db, admin, params({ "hanh-dong": "PERIOD_LOCKED" }))).total).toBe(60);
    expect((await getAuditPage(db, admin, params({ "doi-tuong": "ReportingPeriod", "ma-doi-tuong": "7" }))).total).toBe(2);
    // A malformed filter is dropped, not an error.
    expect((await getAuditPage(db, admin, params({ nguoi: "ai-do", tu: "2026-13-01" }))).total).toBe(62);
  });

  it("reads date ranges as whole days in Vietnam", async () => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 31 * 3_600_000).toISOString().slice(0, 10);
    expect((await getAuditPage(db, admin, params({ tu: today, den: today }))).total).toBe(62);
    expect((await getAuditPage(db, admin, params({ tu: tomorrow }))).total).toBe(0);
    expect((await getAuditPage(db, admin, params({ den: "2020-01-01" }))).total).toBe(0);
  });

  it("offers the actors, actions and entities present as filter choices", async () => {
    const options = await getAuditFilterOptions(db, admin);
    expect(options.actors.map((a) => a.label).sort()).toEqual(["Quản trị A (a@audit.test)", "Quản trị B (b@audit.test)"]);
    expect(options.actions.find((a) => a.value === "PERIOD_UNLOCKED")?.label).toBe("Mở khóa kỳ báo cáo");
    expect(options.entityTypes.map((e) => e.value).sort()).toEqual(["Database", "ReportingPeriod"]);
  });

  it("exports the filtered rows as CSV with a BOM, defusing formula-like cells", async () => {
    const csv = await getAuditCsv(db, admin, params({ "hanh-dong": "PERIOD_UNLOCKED" }));
    expect(csv.startsWith("\uFEFFthoi_gian,nguoi_thuc_hien,")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Quản trị B");
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} \+07:00,/);
  });

  it("is for admins only", async () => {
    await expect(getAuditPage(db, viewer, params({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getAuditCsv(db, viewer, params({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

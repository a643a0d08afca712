/**
 * Approving and rejecting submitted figures against a demo-seeded scratch
 * database: approval publishes (a new revision supersedes the old, and the
 * province aggregates the public page reads change), a batch is all or
 * nothing, rejection needs a comment and reaches the editor, only reviewers
 * may review, and every change has its audit row.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { AuthError } from "@/lib/auth/errors";
import { DomainError } from "@/lib/actions/result";
import { approveFigures, rejectFigures, type ReviewConflict } from "@/lib/services/review";
import { lockPeriod, unlockPeriod } from "@/lib/services/periods";
import { createScratchDatabase, withClient, type ScratchDatabase } from "./helpers/database";

const NOW = new Date("2026-11-28T08:00:00Z");

let scratch: ScratchDatabase;
let db: PrismaClient;
let getProvinceAggregates: typeof import("@/lib/data/targets").getProvinceAggregates;
let getReviewQueue: typeof import("@/lib/data/review").getReviewQueue;
let getFigureHistory: typeof import("@/lib/data/figure-history").getFigureHistory;
const actors = {} as Record<"admin" | "approver" | "editor" | "editorVp" | "viewer", Actor>;
const savedUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  scratch = await createScratchDatabase("review");
  await migrate(scratch.url);
  db = createPrismaClient(scratch.url, { maxConnections: 4 });
  await seedDatabase(db, { demo: true, now: NOW });
  // lib/db reads DATABASE_URL once, on first use: point it at the scratch database first.
  process.env.DATABASE_URL = scratch.url;
  ({ getProvinceAggregates } = await import("@/lib/data/targets"));
  ({ getReviewQueue } = await import("@/lib/data/review"));
  ({ getFigureHistory } = await import("@/lib/data/figure-history"));
  const emails = {
    admin: "admin@demo.dx-tracker.vn",
    approver: "approver@demo.dx-tracker.vn",
    editor: "editor@demo.dx-tracker.vn",
    editorVp: "editor-vp@demo.dx-tracker.vn",
    viewer: "viewer@demo.dx-tracker.vn",
  } as const;
  for (const [key, email] of Object.entries(emails) as [keyof typeof emails, string][]) {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    actors[key] = (await loadActor(db, user.id))!;
  }
});

afterAll(async () => {
  process.env.DATABASE_URL = savedUrl;
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await db?.$disconnect();
  await scratch?.drop();
});

/** The figure of an indicator on the current province (or a unit) in 2026 Q3. */
async function figureOf(code: string, where: { unitLevel?: "PROVINCE" | "COMMUNE"; status?: "SUBMITTED" | "APPROVED" | "DRAFT"; skip?: number } = {}) {
  return db.figure.findFirstOrThrow({
    where: {
      indicator: { code },
      period: { year: 2026, quarter: 3 },
      unit: { level: where.unitLevel ?? "PROVINCE" },
      ...(where.status ? { status: where.status } : {}),
    },
    orderBy: { id: "asc" },
    skip: where.skip ?? 0,
    select: { id: true, version: true, status: true, numerator: true, denominator: true, value: true, unitId: true, indicatorId: true },
  });
}

async function aggregate(code: string, year = 2026, quarter = 3) {
  const indicator = await db.indicator.findUniqueOrThrow({ where: { code }, select: { id: true } });
  return (await getProvinceAggregates()).find((a) => a.indicatorId === indicator.id && a.year === year && a.quarter === quarter && a.sectorId === null);
}

async function auditRows(figureId: number, action?: string) {
  return db.auditLog.findMany({ where: { entityType: "Figure", entityId: String(figureId), ...(action ? { action } : {}) }, orderBy: { id: "asc" } });
}

async function counts() {
  const [publications, audits, approved] = await Promise.all([
    db.figurePublication.count(),
    db.auditLog.count(),
    db.figure.count({ where: { status: "APPROVED" } }),
  ]);
  return { publications, audits, approved };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("approving", () => {
  it("publishes a submitted figure: first revision, and the province aggregate of the quarter appears", async () => {
    const f = await figureOf("DVC_L4_SHARE", { status: "SUBMITTED" });
    expect(await aggregate("DVC_L4_SHARE")).toBeUndefined(); // nothing approved for 2026 Q3 yet

    const result = await approveFigures(db, actors.approver, { items: [{ figureId: f.id, version: f.version }] });
    expect(result.approved).toEqual([{ figureId: f.id, version: f.version + 1, revision: 1 }]);

    const after = await db.figure.findUniqueOrThrow({ where: { id: f.id } });
    expect(after).toMatchObject({ status: "APPROVED", version: f.version + 1, reviewedById: actors.approver.id });
    expect(after.reviewedAt).toBeInstanceOf(Date);

    const pubs = await db.figurePublication.findMany({ where: { figureId: f.id } });
    expect(pubs).toHaveLength(1);
    expect(pubs[0]).toMatchObject({ revision: 1, supersededAt: null, approvedById: actors.approver.id, isDemo: true });
    expect(pubs[0]!.numerator!.toNumber()).toBe(f.numerator!.toNumber());

    const agg = await aggregate("DVC_L4_SHARE");
    expect(agg).toMatchObject({ numerator: f.numerator!.toNumber(), denominator: f.denominator!.toNumber(), reported: 1 });

    const audit = await auditRows(f.id, "FIGURE_APPROVED");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: actors.approver.id, actorLabel: "Người phê duyệt (demo)" });
    expect(audit[0]!.before).toMatchObject({ status: "SUBMITTED", version: f.version });
    expect(audit[0]!.after).toMatchObject({ status: "APPROVED", version: f.version + 1, revision: 1 });
  });

  it("re-approving a corrected figure writes revision 2, supersedes revision 1, and the aggregate follows the new value", async () => {
    const f = await figureOf("ONLINE_SERVICE_SATISFACTION", { status: "APPROVED" });
    const old = await aggregate("ONLINE_SERVICE_SATISFACTION");
    expect(old).toMatchObject({ numerator: f.numerator!.toNumber(), denominator: f.denominator!.toNumber() });

    // The editor corrects and resubmits (as lib/services/figures.ts does: new values, SUBMITTED, version + 1).
    const corrected = { numerator: f.numerator!.toNumber() - 500, denominator: f.denominator!.toNumber() };
    await db.figure.update({ where: { id: f.id }, data: { ...corrected, status: "SUBMITTED", version: { increment: 1 } } });
    // Until approved, the public still sees revision 1.
    expect(await aggregate("ONLINE_SERVICE_SATISFACTION")).toMatchObject({ numerator: f.numerator!.toNumber() });

    const result = await approveFigures(db, actors.approver, { items: [{ figureId: f.id, version: f.version + 1 }] });
    expect(result.approved[0]).toMatchObject({ revision: 2, version: f.version + 2 });

    const pubs = await db.figurePublication.findMany({ where: { figureId: f.id }, orderBy: { revision: "asc" } });
    expect(pubs.map((p) => p.revision)).toEqual([1, 2]);
    expect(pubs[0]!.supersededAt).toBeInstanceOf(Date);
    expect(pubs[1]!.supersededAt).toBeNull();
    expect(pubs[0]!.supersededAt!.getTime()).toBe(pubs[1]!.approvedAt.getTime());
    expect(pubs[1]!.numerator!.toNumber()).toBe(corrected.numerator);

    expect(await aggregate("ONLINE_SERVICE_SATISFACTION")).toMatchObject({ numerator: corrected.numerator, denominator: corrected.denominator, reported: 1 });
  });

  it("adds an approved commune figure to the province's Σnumerator / Σdenominator", async () => {
    const before = await aggregate("WORK_DOSSIER_ONLINE_COMMUNE");
    const f = await figureOf("WORK_DOSSIER_ONLINE_COMMUNE", { unitLevel: "COMMUNE", status: "SUBMITTED" });
    await approveFigures(db, actors.admin, { items: [{ figureId: f.id, version: f.version }] });
    const after = await aggregate("WORK_DOSSIER_ONLINE_COMMUNE");
    expect(after!.reported).toBe(before!.reported + 1);
    expect(after!.numerator).toBe(before!.numerator! + f.numerator!.toNumber());
    expect(after!.denominator).toBe(before!.denominator! + f.denominator!.toNumber());
  });

  it("refuses a batch of 3 with 1 stale version, changing nothing, and names the stale figure", async () => {
    const a = await figureOf("WORK_DOSSIER_ONLINE_COMMUNE", { unitLevel: "COMMUNE", status: "SUBMITTED", skip: 0 });
    const b = await figureOf("WORK_DOSSIER_ONLINE_COMMUNE", { unitLevel: "COMMUNE", status: "SUBMITTED", skip: 1 });
    const c = await figureOf("WORK_DOSSIER_ONLINE_COMMUNE", { unitLevel: "COMMUNE", status: "SUBMITTED", skip: 2 });
    const before = await counts();
    const error = await refusal(
      approveFigures(db, actors.approver, {
        items: [
          { figureId: a.id, version: a.version },
          { figureId: b.id, version: b.version - 1 < 1 ? b.version + 1 : b.version - 1 },
          { figureId: c.id, version: c.version },
        ],
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/^Không có số liệu nào được duyệt: 1\/3 số liệu/);
    const conflicts = (error.details as { conflicts: ReviewConflict[] }).conflicts;
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ figureId: b.id, reason: "STALE", currentVersion: b.version, currentStatus: "SUBMITTED" });
    expect(conflicts[0]!.message).toContain("đã được thay đổi sau khi bạn mở trang");

    expect(await counts()).toEqual(before);
    for (const f of [a, b, c]) {
      expect(await db.figure.findUniqueOrThrow({ where: { id: f.id }, select: { status: true, version: true } })).toEqual({ status: "SUBMITTED", version: f.version });
    }
  });

  it("refuses figures that are not submitted (draft, already approved) or do not exist, changing nothing", async () => {
    const draft = await figureOf("WORK_DOSSIER_ONLINE_COMMUNE", { unitLevel: "COMMUNE", status: "DRAFT" });
    const approved = await figureOf("MOBILE_BASE_STATIONS", { status: "APPROVED" });
    const submitted = await figureOf("OPEN_DATA", { status: "SUBMITTED" });
    const before = await counts();
    const error = await refusal(
      approveFigures(db, actors.approver, {
        items: [
          { figureId: submitted.id, version: submitted.version },
          { figureId: draft.id, version: draft.version },
          { figureId: approved.id, version: approved.version },
          { figureId: 99_999_999, version: 1 },
        ],
      }),
    );
    expect(error.code).toBe("CONFLICT");
    const conflicts = (error.details as { conflicts: ReviewConflict[] }).conflicts;
    expect(conflicts.map((c) => [c.figureId, c.reason])).toEqual([
      [draft.id, "NOT_SUBMITTED"],
      [approved.id, "NOT_SUBMITTED"],
      [99_999_999, "NOT_FOUND"],
    ]);
    expect(conflicts[0]!.message).toContain("“Bản nháp”");
    expect(conflicts[1]!.message).toContain("“Đã duyệt”");
    expect(await counts()).toEqual(before);
    expect((await db.figure.findUniqueOrThrow({ where: { id: submitted.id } })).status).toBe("SUBMITTED");
  });

  it("lets exactly one of two reviewers approving the same figure at once win", async () => {
    const f = await figureOf("DTI_RANK", { status: "SUBMITTED" });
    // The demo's 2026 rank is flagged (a jump against its history): both reviewers acknowledge it.
    const results = await Promise.allSettled([
      approveFigures(db, actors.approver, { items: [{ figureId: f.id, version: f.version, acknowledgedFlags: true }] }),
      approveFigures(db, actors.admin, { items: [{ figureId: f.id, version: f.version, acknowledgedFlags: true }] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT" });
    expect(await db.figurePublication.count({ where: { figureId: f.id } })).toBe(1);
    expect(await auditRows(f.id, "FIGURE_APPROVED")).toHaveLength(1);
  });

  it("does not approve a figure changed while the approval waits for it (the version check is in the UPDATE)", async () => {
    const f = await figureOf("FIBRE_HAMLET_COVERAGE", { status: "SUBMITTED" });
    await withClient(scratch.url, async (editor) => {
      await editor.query("BEGIN");
      await editor.query(`SELECT id FROM "Figure" WHERE id = $1 FOR UPDATE`, [f.id]);
      const pending = approveFigures(db, actors.approver, { items: [{ figureId: f.id, version: f.version }] }).then(
        () => null,
        (e: unknown) => e,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      await editor.query(`UPDATE "Figure" SET version = version + 1, numerator = numerator - 1 WHERE id = $1`, [f.id]);
      await editor.query("COMMIT");
      expect(await pending).toMatchObject({ code: "CONFLICT" });
    });
    expect(await db.figure.findUniqueOrThrow({ where: { id: f.id }, select: { status: true, version: true } })).toEqual({ status: "SUBMITTED", version: f.version + 1 });
    expect(await db.figurePublication.count({ where: { figureId: f.id } })).toBe(0);
  });

  it("refuses a reviewer approving a figure they submitted themselves (a second person publishes)", async () => {
    const f = await figureOf("MOBILE_INTERNET_HAMLETS", { status: "SUBMITTED" });
    await db.figure.update({ where: { id: f.id }, data: { updatedById: actors.admin.id } });
    const error = await refusal(approveFigures(db, actors.admin, { items: [{ figureId: f.id, version: f.version }] }));
    expect((error.details as { conflicts: ReviewConflict[] }).conflicts[0]).toMatchObject({ reason: "OWN_FIGURE" });
    // Someone else may.
    await approveFigures(db, actors.approver, { items: [{ figureId: f.id, version: f.version }] });
    expect((await db.figure.findUniqueOrThrow({ where: { id: f.id } })).status).toBe("APPROVED");
  });

  it("validates the batch: at least one figure, no figure twice", async () => {
    expect((await refusal(approveFigures(db, actors.approver, { items: [] }))).message).toBe("Chọn ít nhất một số liệu.");
    const f = await figureOf("OPEN_DATA", { status: "SUBMITTED" });
    const twice = { items: [{ figureId: f.id, version: f.version }, { figureId: f.id, version: f.version }] };
    expect((await refusal(approveFigures(db, actors.approver, twice))).message).toBe("Một số liệu được chọn hai lần.");
  });
});

describe("rejecting", () => {
  it("requires a comment of at least 5 characters, in Vietnamese, and changes nothing without one", async () => {
    const f = await figureOf("EDOSSIER_RATE", { status: "SUBMITTED" });
    const before = await counts();
    for (const comment of [undefined, "", "   ", "sai"]) {
      const error = await refusal(rejectFigures(db, actors.approver, { items: [{ figureId: f.id, version: f.version }], comment }));
      expect(error.code).toBe("INVALID_INPUT");
      expect(error.fieldErrors?.comment?.[0]).toMatch(/^(Nhập lý do từ chối|Lý do từ chối cần ít nhất 5 ký tự)/);
    }
    expect(await counts()).toEqual(before);
    expect(await db.figure.findUniqueOrThrow({ where: { id: f.id }, select: { status: true, version: true } })).toEqual({ status: "SUBMITTED", version: f.version });
  });

  it("returns the figure to its editor with the comment, audited, and the editor sees why", async () => {
    const f = await figureOf("EDOSSIER_RATE", { status: "SUBMITTED" });
    const comment = "Mẫu số chưa gồm hồ sơ của Bắc Kạn cũ, đề nghị kiểm tra lại.";
    const result = await rejectFigures(db, actors.approver, { items: [{ figureId: f.id, version: f.version }], comment: `  ${comment} ` });
    expect(result.rejected).toEqual([{ figureId: f.id, version: f.version + 1 }]);

    const after = await db.figure.findUniqueOrThrow({ where: { id: f.id } });
    expect(after).toMatchObject({ status: "REJECTED", reviewComment: comment, version: f.version + 1, reviewedById: actors.approver.id });
    expect(await db.figurePublication.count({ where: { figureId: f.id } })).toBe(0); // nothing published

    const audit = await auditRows(f.id, "FIGURE_REJECTED");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ reason: comment, actorId: actors.approver.id });
    expect(audit[0]!.after).toMatchObject({ status: "REJECTED", reviewComment: comment });

    // The editor of the responsible department reads the figure's history with the reviewer's words.
    const history = await getFigureHistory(actors.editorVp, f.id);
    expect(history!.figure).toMatchObject({ status: "REJECTED", reviewComment: comment, reviewedBy: "Người phê duyệt (demo)" });
    expect(history!.events[0]).toMatchObject({ action: "FIGURE_REJECTED", reason: comment });

    // A rejected figure is no longer in the queue and cannot be approved until resubmitted.
    const error = await refusal(approveFigures(db, actors.approver, { items: [{ figureId: f.id, version: f.version + 1 }] }));
    expect((error.details as { conflicts: ReviewConflict[] }).conflicts[0]).toMatchObject({ reason: "NOT_SUBMITTED", currentStatus: "REJECTED" });
  });
});

describe("who may review", () => {
  it("refuses editors and viewers (FORBIDDEN) and nobody (UNAUTHENTICATED), changing nothing", async () => {
    const submitted = await figureOf("WORK_DOSSIER_ONLINE_PROVINCE", { status: "SUBMITTED" });
    const before = await counts();
    const items = [{ figureId: submitted.id, version: submitted.version }];
    for (const actor of [actors.editor, actors.editorVp, actors.viewer]) {
      await expect(approveFigures(db, actor, { items })).rejects.toMatchObject({ name: "AuthError", code: "FORBIDDEN" });
      await expect(rejectFigures(db, actor, { items, comment: "Không hợp lệ, nhập lại" })).rejects.toBeInstanceOf(AuthError);
      await expect(getReviewQueue(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(approveFigures(db, null as unknown as Actor, { items })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await counts()).toEqual(before);
    expect((await db.figure.findUniqueOrThrow({ where: { id: submitted.id } })).status).toBe("SUBMITTED");
  });

  it("lets admins review as well as approvers", async () => {
    const f = await figureOf("WORK_DOSSIER_ONLINE_PROVINCE", { status: "SUBMITTED" });
    await rejectFigures(db, actors.admin, { items: [{ figureId: f.id, version: f.version }], comment: "Thiếu số liệu tháng 9." });
    expect((await db.figure.findUniqueOrThrow({ where: { id: f.id } })).status).toBe("REJECTED");
  });
});

describe("the review queue", () => {
  it("lists exactly the submitted figures, grouped by period and department, with the unit's approved history", async () => {
    const queue = await getReviewQueue(actors.approver, { periodKey: "2026-Q3" });
    const submitted = await db.figure.count({ where: { status: "SUBMITTED", period: { year: 2026, quarter: 3 } } });
    expect(queue.total).toBe(submitted);
    expect(queue.groups.flatMap((g) => g.items)).toHaveLength(submitted);
    for (const g of queue.groups) {
      expect(g.period).toMatchObject({ key: "2026-Q3", label: "Quý III/2026" });
      expect(g.items.length).toBeGreaterThan(0);
    }
    expect(new Set(queue.groups.map((g) => g.department.id)).size).toBe(queue.groups.length);

    const communeItem = queue.groups.flatMap((g) => g.items).find((i) => i.indicator.code === "WORK_DOSSIER_ONLINE_COMMUNE")!;
    expect(communeItem.unit.level).toBe("COMMUNE");
    expect(communeItem.valueText).toMatch(/^\d{1,3},\d{2}%$/);
    expect(communeItem.partsText).toMatch(/^[\d.]+ \/ [\d.]+$/);
    // New communes exist since 2025 Q3: four approved quarters before 2026 Q3, the last one is the previous quarter.
    expect(communeItem.history.map((h) => h.label)).toEqual(["Quý III/2025", "Quý IV/2025", "Quý I/2026", "Quý II/2026"].slice(-communeItem.history.length));
    expect(communeItem.previous?.label).toBe("Quý II/2026");
    expect(communeItem.previous?.text).toBe(communeItem.history.at(-1)!.text);
  });

  it("filters by department and drops approved figures", async () => {
    const vp = await db.department.findUniqueOrThrow({ where: { code: "VP_UBND" }, select: { id: true } });
    const queue = await getReviewQueue(actors.approver, { periodKey: "2026-Q3", departmentId: vp.id });
    expect(queue.groups.every((g) => g.department.id === vp.id)).toBe(true);
    const items = queue.groups.flatMap((g) => g.items);
    expect(items.length).toBe(await db.figure.count({ where: { status: "SUBMITTED", departmentId: vp.id } }));
    const dvc = await figureOf("DVC_L4_SHARE");
    expect((await getReviewQueue(actors.approver)).groups.flatMap((g) => g.items).some((i) => i.figureId === dvc.id)).toBe(false);
  });

  it("flags a rate that falls by more than 10 points against the unit's previous quarter", async () => {
    const queue = () => getReviewQueue(actors.approver, { periodKey: "2026-Q3" });
    const item = (await queue()).groups
      .flatMap((g) => g.items)
      .find((i) => i.indicator.code === "WORK_DOSSIER_ONLINE_COMMUNE" && i.previous !== null && i.flags.length === 0)!;
    const f = await db.figure.findUniqueOrThrow({ where: { id: item.figureId }, select: { id: true, denominator: true } });
    // Set the submitted rate 20 points under the previous quarter's approved one.
    const den = f.denominator!.toNumber();
    await db.figure.update({ where: { id: f.id }, data: { numerator: Math.round(((item.previous!.value - 20) / 100) * den) } });
    const flagged = (await queue()).groups.flatMap((g) => g.items).find((i) => i.figureId === f.id)!;
    expect(flagged.flags.map((x) => x.rule)).toContain("RATE_FALL");
    expect(flagged.flags.find((x) => x.rule === "RATE_FALL")!.message).toMatch(/^Tỷ lệ giảm mạnh: (19|20),\d\d điểm %/);
  });
});

describe("approving a flagged figure", () => {
  it("is refused unless the approver acknowledged its flags, item by item: the whole batch waits, naming the figure and its flags", async () => {
    const queue = async () => (await getReviewQueue(actors.approver, { periodKey: "2026-Q3" })).groups.flatMap((g) => g.items);
    const plain = (await queue()).find((i) => i.flags.length === 0 && i.indicator.code === "WORK_DOSSIER_ONLINE_COMMUNE")!;
    // Make a second commune figure fall 25 points under its previous approved quarter: flagged.
    const other = (await queue()).find((i) => i.flags.length === 0 && i.previous !== null && i.indicator.code === "WORK_DOSSIER_ONLINE_COMMUNE" && i.figureId !== plain.figureId)!;
    const row = await db.figure.findUniqueOrThrow({ where: { id: other.figureId }, select: { denominator: true } });
    const den = row.denominator!.toNumber();
    await db.figure.update({ where: { id: other.figureId }, data: { numerator: Math.max(0, Math.round(((other.previous!.value - 25) / 100) * den)) } });
    const flagged = (await queue()).find((i) => i.figureId === other.figureId)!;
    expect(flagged.flags.length).toBeGreaterThan(0);

    const batch = [
      { figureId: plain.figureId, version: plain.version },
      { figureId: flagged.figureId, version: flagged.version },
    ];
    const refusal = await approveFigures(db, actors.approver, { items: batch }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: "FLAGS_NOT_ACKNOWLEDGED" });
    expect((refusal as DomainError).message).toMatch(/^Không có số liệu nào được duyệt: 1\/2 số liệu đã chọn có cảnh báo bất thường chưa được xác nhận/);
    const named = ((refusal as DomainError).details as { flagged: { figureId: number; label: string; flags: string[] }[] }).flagged;
    expect(named.map((n) => n.figureId)).toEqual([flagged.figureId]);
    expect(named[0]!.flags).toEqual(flagged.flags.map((x) => x.message));
    // Nothing was published, not even the unflagged figure.
    expect(await db.figurePublication.count({ where: { figureId: { in: [plain.figureId, flagged.figureId] }, figure: { status: "APPROVED" } } })).toBe(0);
    expect((await db.figure.findUniqueOrThrow({ where: { id: plain.figureId } })).status).toBe("SUBMITTED");

    // An acknowledgement on the unflagged figure does not stand in for the flagged one.
    await expect(
      approveFigures(db, actors.approver, { items: [{ ...batch[0]!, acknowledgedFlags: true }, batch[1]!] }),
    ).rejects.toMatchObject({ code: "FLAGS_NOT_ACKNOWLEDGED" });

    const done = await approveFigures(db, actors.approver, { items: [batch[0]!, { ...batch[1]!, acknowledgedFlags: true }] });
    expect(done.approved.map((a) => a.figureId).sort()).toEqual([plain.figureId, flagged.figureId].sort());
  });
});

describe("review in a locked quarter (ADR 021)", () => {
  it("still approves and rejects what was submitted before the lock, so the quarter's review can finish", async () => {
    const q3 = await db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: 2026, quarter: 3 } } });
    const asked = (await lockPeriod(db, actors.admin, { periodId: q3.id }).catch((e: unknown) => e)) as DomainError;
    expect(asked.code).toBe("PENDING_WORK");
    const { submitted, drafts } = asked.details as { submitted: number; drafts: number };
    await lockPeriod(db, actors.admin, { periodId: q3.id, pending: { submitted, drafts } });
    try {
      const queue = (await getReviewQueue(actors.approver, { periodKey: "2026-Q3" })).groups.flatMap((g) => g.items).filter((i) => i.flags.length === 0);
      const [a, b] = queue;
      const approved = await approveFigures(db, actors.approver, { items: [{ figureId: a!.figureId, version: a!.version }] });
      expect(approved.approved).toHaveLength(1);
      const rejected = await rejectFigures(db, actors.approver, { items: [{ figureId: b!.figureId, version: b!.version }], comment: "Mẫu số chưa đúng, cần sửa sau khi mở khóa." });
      expect(rejected.rejected).toHaveLength(1);
    } finally {
      await unlockPeriod(db, actors.admin, { periodId: q3.id, reason: "Trả lại trạng thái cho các kiểm thử sau" });
    }
  });
});

describe("a figure's history", () => {
  it("shows the current state, every revision and every audit row, newest first", async () => {
    const f = await figureOf("ONLINE_SERVICE_SATISFACTION");
    const history = await getFigureHistory(actors.viewer, f.id);
    expect(history!.figure.status).toBe("APPROVED");
    expect(history!.period.label).toBe("Quý III/2026");
    expect(history!.publications.map((p) => p.revision)).toEqual([2, 1]);
    expect(history!.publications[0]!.supersededAt).toBeNull();
    expect(history!.publications[1]!.supersededAt).toBeInstanceOf(Date);
    expect(history!.events.map((e) => e.action)).toEqual(["FIGURE_APPROVED"]);
    expect(history!.events[0]!.actorLabel).toBe("Người phê duyệt (demo)");
    expect(await getFigureHistory(actors.viewer, 99_999_999)).toBeNull();
  });
});

describe("withdrawing a publication made by mistake (issue #16, item 4)", () => {
  it("takes the figure off the public aggregates, sends it back to its editor with the reason, keeps the revision in the history; audited", async () => {
    const { withdrawPublication } = await import("@/lib/services/review");
    const { WITHDRAW_MESSAGES } = await import("@/lib/validations/review");
    // An approved commune figure of an open quarter, published once.
    const f = await figureOf("WORK_DOSSIER_ONLINE_COMMUNE", { unitLevel: "COMMUNE", status: "APPROVED" });
    const pub = await db.figurePublication.findFirstOrThrow({ where: { figureId: f.id, supersededAt: null } });
    const before = (await aggregate("WORK_DOSSIER_ONLINE_COMMUNE"))!;
    const audits = (await counts()).audits;

    // Refused, changing nothing: no reason, a stale revision, an editor.
    expect((await refusal(withdrawPublication(db, actors.approver, { figureId: f.id, revision: pub.revision, reason: "sai" }))).fieldErrors?.reason).toEqual([WITHDRAW_MESSAGES.reason]);
    expect((await refusal(withdrawPublication(db, actors.approver, { figureId: f.id, revision: pub.revision + 1, reason: "Nhập nhầm mẫu số của xã" }))).message).toBe(
      WITHDRAW_MESSAGES.stale(pub.revision, pub.revision + 1),
    );
    await expect(withdrawPublication(db, actors.editor, { figureId: f.id, revision: pub.revision, reason: "Nhập nhầm mẫu số của xã" })).rejects.toBeInstanceOf(AuthError);
    expect((await counts()).audits).toBe(audits);

    const result = await withdrawPublication(db, actors.approver, { figureId: f.id, revision: pub.revision, reason: "Nhập nhầm mẫu số của xã" });
    expect(result).toEqual({ figureId: f.id, revision: pub.revision, status: "REJECTED" });
    const withdrawn = await db.figurePublication.findUniqueOrThrow({ where: { id: pub.id } });
    expect(withdrawn.withdrawnAt).toBeInstanceOf(Date);
    expect(withdrawn.supersededAt).toEqual(withdrawn.withdrawnAt);
    expect(withdrawn).toMatchObject({ withdrawnById: actors.approver.id, withdrawalReason: "Nhập nhầm mẫu số của xã" });
    expect(await db.figure.findUniqueOrThrow({ where: { id: f.id } })).toMatchObject({ status: "REJECTED", version: f.version + 1, reviewComment: "Đã rút công bố: Nhập nhầm mẫu số của xã" });
    // The public province value no longer counts it: Σnum/Σden less this commune, one unit fewer.
    const after = (await aggregate("WORK_DOSSIER_ONLINE_COMMUNE"))!;
    expect(after.reported).toBe(before.reported - 1);
    expect(after.numerator).toBeCloseTo(before.numerator! - f.numerator!.toNumber(), 6);
    expect(after.denominator).toBeCloseTo(before.denominator! - f.denominator!.toNumber(), 6);
    const [row] = await auditRows(f.id, "FIGURE_PUBLICATION_WITHDRAWN");
    expect(row).toMatchObject({ actorId: actors.approver.id, reason: "Nhập nhầm mẫu số của xã" });
    expect(row!.before).toMatchObject({ status: "APPROVED", revision: pub.revision });
    // Nothing left to withdraw.
    expect((await refusal(withdrawPublication(db, actors.approver, { figureId: f.id, revision: pub.revision, reason: "Nhập nhầm mẫu số của xã" }))).message).toBe(WITHDRAW_MESSAGES.notPublished);
    // The history shows who withdrew it and why.
    const history = (await getFigureHistory(actors.viewer, f.id))!;
    expect(history.publications.find((p) => p.revision === pub.revision)).toMatchObject({ withdrawnBy: expect.any(String), withdrawalReason: "Nhập nhầm mẫu số của xã" });
  });

  it("in a locked quarter, only whoever may change a locked quarter withdraws, with a reason", async () => {
    const { withdrawPublication } = await import("@/lib/services/review");
    const f = await db.figure.findFirstOrThrow({ where: { status: "APPROVED", period: { year: 2026, quarter: 2 }, publications: { some: { supersededAt: null } } }, select: { id: true, periodId: true } });
    const pub = await db.figurePublication.findFirstOrThrow({ where: { figureId: f.id, supersededAt: null } });
    const period = await db.reportingPeriod.findUniqueOrThrow({ where: { id: f.periodId } });
    if (period.status !== "LOCKED") {
      const asked = await lockPeriod(db, actors.admin, { periodId: period.id }).catch((e: unknown) => e);
      if (asked instanceof DomainError) await lockPeriod(db, actors.admin, { periodId: period.id, pending: asked.details as { submitted: number; drafts: number } });
    }
    try {
      const error = await refusal(withdrawPublication(db, actors.approver, { figureId: f.id, revision: pub.revision, reason: "Nhập nhầm giá trị quý II" }));
      expect(error.code).toBe("PERIOD_LOCKED");
      const ok = await withdrawPublication(db, actors.admin, { figureId: f.id, revision: pub.revision, reason: "Nhập nhầm giá trị quý II" });
      expect(ok.status).toBe("REJECTED");
    } finally {
      if (period.status !== "LOCKED") await unlockPeriod(db, actors.admin, { periodId: period.id, reason: "Trả lại trạng thái cho các kiểm thử sau" });
    }
  });
});

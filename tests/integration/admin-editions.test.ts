/**
 * Editions of a yearly index (issue #14, item 9) on a scratch database:
 * recording one places the quarters' figures at the year it describes, each
 * change is audited, each refusal changes nothing and says why in Vietnamese.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { buildOverview, loadOverviewInputs } from "@/lib/data/targets";
import { createEdition, removeEdition } from "@/lib/services/admin-editions";
import { EDITION_MESSAGES } from "@/lib/validations/admin-editions";
import { createAdminScratch, dropAdminScratch, refusal, type AdminScratch } from "./helpers/admin-scratch";

const NOW = new Date("2026-11-28T08:00:00Z");
let setup: AdminScratch;
let db: PrismaClient;
let admin: Actor;
let editor: Actor;
let dtiId: number;
let otherId: number;

beforeAll(async () => {
  setup = await createAdminScratch("editions", { demo: true, now: NOW });
  ({ db, admin, editor } = setup);
  dtiId = (await db.indicator.findUniqueOrThrow({ where: { code: "DTI_RANK" } })).id;
  otherId = (await db.indicator.findUniqueOrThrow({ where: { code: "DVC_L4_SHARE" } })).id;
});

afterAll(() => dropAdminScratch(setup));

const dtiSeries = async () =>
  buildOverview(await loadOverviewInputs(db), { year: 2026, quarter: 3 }).rows.find((r) => r.key === "DTI_RANK")!.series.map((p) => [p.quarter.year, p.rankedUnits]);

describe("editions of a yearly index", () => {
  it("refuses what is not an edition, in Vietnamese, changing nothing", async () => {
    const before = await db.indicatorEdition.count();
    const bad = [
      [{ indicatorId: dtiId, referenceYear: 2026, publishedOn: "2026-07-01", rankedUnits: "34", sourceVi: "x" }, EDITION_MESSAGES.publishedTooEarly],
      [{ indicatorId: dtiId, referenceYear: "hai nghìn", publishedOn: "2027-07-01", sourceVi: "x" }, EDITION_MESSAGES.yearInvalid],
      [{ indicatorId: dtiId, referenceYear: 2026, publishedOn: "2027-07-01", rankedUnits: "0", sourceVi: "x" }, EDITION_MESSAGES.rankedInvalid],
      [{ indicatorId: otherId, referenceYear: 2026, publishedOn: "2027-07-01", rankedUnits: "34", sourceVi: "x" }, EDITION_MESSAGES.rankedNotRank],
      // The demo recorded DTI 2025 already.
      [{ indicatorId: dtiId, referenceYear: 2025, publishedOn: "2026-08-01", rankedUnits: "34", sourceVi: "x" }, EDITION_MESSAGES.duplicate],
    ] as const;
    for (const [input, message] of bad) {
      const error = await refusal(createEdition(db, admin, input));
      expect(JSON.stringify(error.fieldErrors ?? error.message), JSON.stringify(input)).toContain(message);
    }
    expect((await refusal(createEdition(db, editor, { indicatorId: dtiId, referenceYear: 2026, publishedOn: "2027-07-01", sourceVi: "x" }))).code).toBe("FORBIDDEN");
    expect(await db.indicatorEdition.count()).toBe(before);
  });

  it("removing an edition takes its quarters out of the series, recording it again puts them back; both audited", async () => {
    const withAll = await dtiSeries();
    const e2019 = await db.indicatorEdition.findUniqueOrThrow({ where: { indicatorId_referenceYear: { indicatorId: dtiId, referenceYear: 2019 } } });
    const removed = await removeEdition(db, admin, { editionId: e2019.id, reason: "Ghi nhầm ngày công bố" });
    expect(removed).toMatchObject({ indicatorCode: "DTI_RANK", referenceYear: 2019 });
    // The quarters that reported DTI 2019 are before any recorded edition now: placed nowhere.
    expect((await dtiSeries()).map(([year]) => year)).not.toContain(2019);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "EDITION_REMOVED", entityId: String(e2019.id) } });
    expect(audit.before).toMatchObject({ indicatorCode: "DTI_RANK", referenceYear: 2019, publishedOn: "2020-07-01", rankedUnits: 63 });
    expect(audit.reason).toBe("Ghi nhầm ngày công bố");

    const again = await createEdition(db, admin, { indicatorId: dtiId, referenceYear: "2019", publishedOn: "2020-07-01", rankedUnits: "63", sourceVi: "Bộ TT&TT, công bố DTI 2019" });
    expect(await dtiSeries()).toEqual(withAll);
    const added = await db.auditLog.findFirstOrThrow({ where: { action: "EDITION_ADDED", entityId: String(again.id) } });
    expect(added.after).toMatchObject({ indicatorCode: "DTI_RANK", referenceYear: 2019, sourceVi: "Bộ TT&TT, công bố DTI 2019" });
    expect((await refusal(removeEdition(db, admin, { editionId: 999_999 }))).message).toBe(EDITION_MESSAGES.editionNotFound);
  });
});

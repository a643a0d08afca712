/**
 * Concurrent writers on the same figures (embedded PGlite by default, real
 * PostgreSQL with DATABASE_URL): exactly one writer wins each version, every
 * loser is refused with CONFLICT and the winner's value, and no successful
 * write is ever lost — each one is in the audit log, in version order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/actions/result";
import { saveDrafts, type FigureConflict } from "@/lib/services/figures";
import { NOW, indicatorId, missingCommunes, periodId, setupFigureDatabase, type FigureTestDb } from "./figures-fixtures";

let t: FigureTestDb;
let q3: number;
let commune: number;

beforeAll(async () => {
  t = await setupFigureDatabase("concurrency", 10);
  q3 = await periodId(t.prisma, 2026, 3);
  commune = await indicatorId(t.prisma, "WORK_DOSSIER_ONLINE_COMMUNE");
}, 300_000);

afterAll(async () => {
  await t?.close();
});

interface Target {
  id: number;
  unitId: number;
  version: number;
}

async function targets(n: number, skip: number): Promise<Target[]> {
  return t.prisma.figure.findMany({
    where: { periodId: q3, indicatorId: commune, status: "APPROVED" },
    select: { id: true, unitId: true, version: true },
    orderBy: { id: "asc" },
    skip,
    take: n,
  });
}

function row(unitId: number, numerator: number, version: number) {
  return { indicatorId: commune, unitId, periodId: q3, sectorId: null, numerator, denominator: 100_000, version };
}

function conflictsOf(error: unknown): FigureConflict[] {
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe("CONFLICT");
  expect((error as DomainError).message).toMatch(/^Số liệu đã được người khác thay đổi/);
  return ((error as DomainError).details as { conflicts: FigureConflict[] }).conflicts;
}

async function savedAudit(figureId: number, afterId: bigint) {
  return t.prisma.auditLog.findMany({
    where: { entityType: "Figure", entityId: String(figureId), action: "FIGURE_SAVED", id: { gt: afterId } },
    orderBy: { id: "asc" },
  });
}

async function lastAuditId(): Promise<bigint> {
  return (await t.prisma.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0n;
}

describe("50 concurrent writers", () => {
  it("who all read the same version: exactly one wins per figure, the 45 others see the winner's value", async () => {
    const figures = await targets(5, 0);
    expect(figures.every((f) => f.version === 1)).toBe(true);
    const mark = await lastAuditId();
    const writers = Array.from({ length: 50 }, (_, w) => ({ w, figure: figures[w % 5]! }));
    const results = await Promise.allSettled(
      writers.map(({ w, figure }) => saveDrafts(t.prisma, t.actors.editorVp, { periodId: q3, rows: [row(figure.unitId, 1000 + w, figure.version)] }, { now: NOW })),
    );

    for (const figure of figures) {
      const mine = writers.map((x, i) => ({ ...x, result: results[i]! })).filter((x) => x.figure.id === figure.id);
      const winners = mine.filter((x) => x.result.status === "fulfilled");
      expect(winners).toHaveLength(1);
      const winnerValue = 1000 + winners[0]!.w;
      const stored = await t.prisma.figure.findUniqueOrThrow({ where: { id: figure.id } });
      // final version = 1 + successful writes; the stored value is the winner's.
      expect(stored.version).toBe(1 + winners.length);
      expect(Number(stored.numerator)).toBe(winnerValue);
      expect(stored.status).toBe("DRAFT");
      for (const loser of mine.filter((x) => x.result.status === "rejected")) {
        const [conflict] = conflictsOf((loser.result as PromiseRejectedResult).reason);
        expect(conflict).toMatchObject({ unitId: figure.unitId, yourVersion: 1, current: { id: figure.id, version: 2, numerator: winnerValue } });
      }
      const audit = await savedAudit(figure.id, mark);
      expect(audit.map((a) => a.after)).toEqual([expect.objectContaining({ numerator: winnerValue, version: 2 })]);
    }
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(45);
  });

  it("creating the same new figure: one creates it, the others are told it exists", async () => {
    const [unit] = await missingCommunes(t.prisma, 2026, 3);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, w) => saveDrafts(t.prisma, t.actors.editorVp, { periodId: q3, rows: [row(unit!.id, 500 + w, 0)] }, { now: NOW })),
    );
    const winners = results.flatMap((r, w) => (r.status === "fulfilled" ? [w] : []));
    expect(winners).toHaveLength(1);
    const stored = await t.prisma.figure.findFirstOrThrow({ where: { periodId: q3, indicatorId: commune, unitId: unit!.id } });
    expect(stored).toMatchObject({ version: 1 });
    expect(Number(stored.numerator)).toBe(500 + winners[0]!);
    for (const r of results) {
      if (r.status === "rejected") expect(conflictsOf(r.reason)[0]).toMatchObject({ yourVersion: 0, current: { id: stored.id, version: 1, numerator: 500 + winners[0]! } });
    }
  });

  it("batches of two figures named in opposite orders: all or nothing, one batch wins, no deadlock", async () => {
    const [a, b] = await targets(2, 10);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, w) => {
        const rows = [row(a!.unitId, 2000 + w, a!.version), row(b!.unitId, 3000 + w, b!.version)];
        return saveDrafts(t.prisma, t.actors.editorVp, { periodId: q3, rows: w % 2 ? rows.reverse() : rows }, { now: NOW });
      }),
    );
    const winners = results.flatMap((r, w) => (r.status === "fulfilled" ? [w] : []));
    expect(winners).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") conflictsOf(r.reason);
    const [sa, sb] = await Promise.all([a, b].map((f) => t.prisma.figure.findUniqueOrThrow({ where: { id: f!.id } })));
    // Both figures carry the same writer's values: no half-applied batch.
    expect([Number(sa!.numerator), Number(sb!.numerator)]).toEqual([2000 + winners[0]!, 3000 + winners[0]!]);
  });

  it("who retry on conflict with the version they re-read: every write lands, once, in version order (0 lost updates)", async () => {
    const figures = await targets(3, 20);
    const mark = await lastAuditId();
    let conflicts = 0;
    const writer = async (w: number) => {
      const figure = figures[w % 3]!;
      for (let attempt = 0; attempt < 500; attempt++) {
        const { version } = await t.prisma.figure.findUniqueOrThrow({ where: { id: figure.id }, select: { version: true } });
        try {
          const result = await saveDrafts(t.prisma, t.actors.editorVp, { periodId: q3, rows: [row(figure.unitId, 10_000 + w, version)] }, { now: NOW });
          return result.saved[0]!.version;
        } catch (error) {
          const [conflict] = conflictsOf(error);
          // The refusal shows a newer figure than the one this writer read.
          expect(conflict!.current!.version).toBeGreaterThan(version);
          conflicts++;
          await new Promise((r) => setTimeout(r, Math.random() * 5));
        }
      }
      throw new Error(`writer ${w} never got through`);
    };
    const versions = await Promise.all(Array.from({ length: 50 }, (_, w) => writer(w)));

    for (const [i, figure] of figures.entries()) {
      const mine = Array.from({ length: 50 }, (_, w) => w).filter((w) => w % 3 === i);
      const stored = await t.prisma.figure.findUniqueOrThrow({ where: { id: figure.id } });
      expect(stored.version).toBe(figure.version + mine.length);
      const audit = await savedAudit(figure.id, mark);
      const after = audit.map((a) => a.after as { version: number; numerator: number });
      // One audit row per successful write, versions consecutive, every writer's value exactly once.
      expect(after.map((a) => a.version)).toEqual(mine.map((_, k) => figure.version + 1 + k));
      expect(after.map((a) => a.numerator).sort((x, y) => x - y)).toEqual(mine.map((w) => 10_000 + w));
      // Each audit row's "before" is the previous row's "after": no write was based on a value it did not see.
      for (let k = 1; k < audit.length; k++) expect((audit[k]!.before as { numerator: number }).numerator).toBe(after[k - 1]!.numerator);
      expect(Number(stored.numerator)).toBe(after.at(-1)!.numerator);
      // Each writer's returned version is the one its audit row records.
      for (const w of mine) expect(after.find((a) => a.numerator === 10_000 + w)!.version).toBe(versions[w]);
    }
    expect(conflicts).toBeGreaterThan(0);
  }, 180_000);
});

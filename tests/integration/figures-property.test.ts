/**
 * Thousands of malformed inputs through saveDrafts and submitFigures: random
 * shapes, hostile numbers, wrong ids, wrong versions, every role. Not one
 * unhandled error (every refusal is a DomainError or AuthError with a
 * Vietnamese message), and a refused input changes nothing: the checksum of
 * Figure, FigurePublication and AuditLog is the same before and after.
 *
 * The database is small on purpose (reference data, a few dozen figures of our
 * own), so a full checksum per run stays cheap.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { DomainError } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";
import { saveDrafts, submitFigures } from "@/lib/services/figures";
import { createScratchDatabase, type ScratchDatabase } from "./helpers/database";
import { NOW, actorByEmail, checksum, indicatorId, periodId, sectorId, unitOn } from "./figures-fixtures";

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

let scratch: ScratchDatabase;
let prisma: PrismaClient;
const actors: (Actor | null)[] = [null];
const pools = { periods: [] as number[], indicators: [] as number[], units: [] as number[], sectors: [] as number[], figures: [] as number[] };

async function makeUser(email: string, role: "ADMIN" | "APPROVER" | "EDITOR" | "VIEWER", departmentCode: string | null): Promise<Actor> {
  const department = departmentCode ? await prisma.department.findUniqueOrThrow({ where: { code: departmentCode } }) : null;
  await prisma.user.create({ data: { email, name: `Thử nghiệm ${role.toLowerCase()}`, passwordHash: "x", role, departmentId: department?.id ?? null } });
  return actorByEmail(prisma, email);
}

beforeAll(async () => {
  scratch = await createScratchDatabase("property");
  await migrate(scratch.url);
  prisma = createPrismaClient(scratch.url, { maxConnections: 3 });
  await seedDatabase(prisma, { demo: false, now: NOW });
  actors.push(
    await makeUser("admin@p.test", "ADMIN", null),
    await makeUser("approver@p.test", "APPROVER", null),
    await makeUser("viewer@p.test", "VIEWER", null),
    await makeUser("editor-vp@p.test", "EDITOR", "VP_UBND"),
    await makeUser("editor-khcn@p.test", "EDITOR", "SO_KHCN"),
  );
  const [q3, q2, q4] = [await periodId(prisma, 2026, 3), await periodId(prisma, 2026, 2), await periodId(prisma, 2026, 4)];
  pools.periods = [q3, q2, q4, 999_999];
  const codes = ["EDOSSIER_RATE", "WORK_DOSSIER_ONLINE_COMMUNE", "WORK_DOSSIER_ONLINE_DISTRICT", "OPEN_DATA", "DTI_RANK", "DIGITAL_ECONOMY_SECTOR"];
  pools.indicators = [...(await Promise.all(codes.map((c) => indicatorId(prisma, c)))), 999_999];
  const province = await unitOn(prisma, "19", "2026-09-30");
  const communes = await prisma.adminUnit.findMany({ where: { level: "COMMUNE", validTo: null }, take: 6, orderBy: { code: "asc" }, select: { id: true } });
  const district = await prisma.adminUnit.findFirstOrThrow({ where: { level: "DISTRICT" }, select: { id: true } });
  pools.units = [province.id, ...communes.map((c) => c.id), district.id, 999_999];
  pools.sectors = [await sectorId(prisma, "INDUSTRY"), 999_999];

  // A few figures of every status, in an open and a locked quarter.
  const vp = await prisma.department.findUniqueOrThrow({ where: { code: "VP_UBND" } });
  const commune = pools.indicators[1]!;
  const statuses = ["DRAFT", "SUBMITTED", "APPROVED", "REJECTED"] as const;
  for (const [i, c] of communes.entries()) {
    for (const period of [q3, q2]) {
      const f = await prisma.figure.create({
        data: { indicatorId: commune, unitId: c.id, periodId: period, numerator: 10 + i, denominator: 100, status: statuses[i % 4], departmentId: vp.id, version: 1 + (i % 3) },
      });
      pools.figures.push(f.id);
    }
  }
  pools.figures.push(999_999);
}, 300_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await scratch?.drop();
});

// ---------------------------------------------------------------- arbitraries

const hostileNumber = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double(),
  fc.constantFrom("1e309", "-1e309", "NaN", "Infinity", "-0", "١٢٣", "１２３", "1.650", "34,87", "1.650,5", "0,0001", "99999999999999999999", "1.000.000.000.000.000.000", "", " ", "−5", "1,2,3", "0x10", "1_000"),
  fc.string({ maxLength: 12 }),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.constant(2 ** 53),
  fc.constant(Number.MAX_VALUE),
  fc.array(fc.integer(), { maxLength: 2 }),
);

/** Mostly real ids (so inputs reach the database), sometimes anything. */
const idFrom = (pool: () => number[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(null).chain(() => fc.constantFrom(...pool())) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 5 }), fc.constant(null), fc.constant(2 ** 31), fc.constant(-1)) },
  );

const versionish = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 3 }), fc.constant(2 ** 31)) });

const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 20 }), fc.constant("a\u0000b"), fc.constant("x".repeat(1001)), fc.integer(), fc.constant(null));

/** Numbers: mostly a well-formed ratio or value, sometimes hostile. */
const amounts = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 5000 }))
      .map(([a, b]) => ({ numerator: formatVi(Math.min(a, b)), denominator: formatVi(Math.max(a, b)) })),
  },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 80 }).map((v) => ({ value: String(v) })) },
  { weight: 3, arbitrary: fc.record({ numerator: hostileNumber, denominator: hostileNumber, value: hostileNumber }, { requiredKeys: [] }) },
);

function formatVi(n: number): string {
  return n >= 1000 ? `${Math.floor(n / 1000)}.${String(n % 1000).padStart(3, "0")}` : String(n);
}

const rowIn = (period: unknown) =>
  fc
    .record(
      {
        indicatorId: idFrom(() => pools.indicators),
        unitId: idFrom(() => pools.units),
        periodId: fc.oneof({ weight: 6, arbitrary: fc.constant(period) }, { weight: 1, arbitrary: idFrom(() => pools.periods) }),
        sectorId: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: idFrom(() => pools.sectors) }),
        comment: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: text }),
        version: versionish,
        amounts,
      },
      { requiredKeys: ["indicatorId", "unitId", "periodId", "version", "amounts"] },
    )
    .map(({ amounts: a, ...rest }) => ({ ...rest, ...a }));

const reason = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constant("Sửa theo báo cáo điều chỉnh") },
  { weight: 1, arbitrary: text },
);

const saveInput = fc.oneof(
  {
    weight: 8,
    arbitrary: idFrom(() => pools.periods).chain((periodId) =>
      fc.record({ periodId: fc.constant(periodId), rows: fc.array(rowIn(periodId), { minLength: 1, maxLength: 3 }), reason }),
    ),
  },
  { weight: 1, arbitrary: fc.anything() },
);

const submitInput = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ figures: fc.array(fc.record({ id: idFrom(() => pools.figures), version: versionish }), { minLength: 0, maxLength: 3 }), reason }),
  },
  { weight: 1, arbitrary: fc.anything() },
);

interface Reread {
  figure: number;
  delta: number;
  numerator: number;
  denominator: number;
}

const reread = fc.record({
  figure: fc.nat(),
  delta: fc.constantFrom(0, 0, 0, -1, 1),
  numerator: fc.integer({ min: 0, max: 100 }),
  denominator: fc.integer({ min: 100, max: 200 }),
});

async function rereadInput(r: Reread) {
  const ids = pools.figures.slice(0, -1);
  const f = await prisma.figure.findUniqueOrThrow({ where: { id: ids[r.figure % ids.length]! } });
  const row = { indicatorId: f.indicatorId, unitId: f.unitId, periodId: f.periodId, sectorId: null, numerator: r.numerator, denominator: r.denominator, version: f.version + r.delta };
  return { periodId: f.periodId, rows: [row] };
}

// ---------------------------------------------------------------- the property

async function auditCount(): Promise<number> {
  return prisma.auditLog.count();
}

describe("malformed input through the services (property)", () => {
  it("never escapes as an unhandled error, and a refusal changes nothing", async () => {
    const tally = { refused: 0, accepted: 0, reachedDatabase: 0 };
    const codes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(
        // Mostly people who may write (admin, the two editors), so inputs get past the role check.
        fc.oneof({ weight: 1, arbitrary: fc.constantFrom(0, 1, 2, 3) }, { weight: 4, arbitrary: fc.constantFrom(1, 4, 4, 5) }),
        fc.oneof(
          { weight: 4, arbitrary: saveInput.map((input) => ({ op: "save" as const, input })) },
          { weight: 4, arbitrary: submitInput.map((input) => ({ op: "submit" as const, input })) },
          { weight: 2, arbitrary: reread.map((r) => ({ op: "reread" as const, input: r })) },
        ),
        async (actorIndex, { op, input: generated }) => {
          const actor = actors[actorIndex]!;
          // "reread": a well-formed save of a real figure, from its current version or one off it.
          const input = op === "reread" ? await rereadInput(generated as Reread) : generated;
          const before = await checksum(prisma);
          const auditBefore = await auditCount();
          try {
            const result =
              op === "submit" ? await submitFigures(prisma, actor, input, { now: NOW }) : await saveDrafts(prisma, actor, input, { now: NOW });
            tally.accepted++;
            // Accepted: one audit row per changed figure, no more.
            const changed = "saved" in result ? result.saved.length : result.submitted.length;
            expect(await auditCount()).toBe(auditBefore + changed);
          } catch (error) {
            tally.refused++;
            const code = (error as { code?: string }).code ?? "?";
            codes[code] = (codes[code] ?? 0) + 1;
            const known = error instanceof DomainError || error instanceof AuthError || error instanceof z.ZodError;
            if (!known) throw new Error(`unhandled ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}\ninput: ${JSON.stringify(input)}`, { cause: error });
            expect((error as Error).message).toMatch(VIETNAMESE);
            if ((error instanceof DomainError && error.code !== "INVALID_INPUT") || (error instanceof AuthError && error.code === "OUT_OF_SCOPE")) tally.reachedDatabase++;
            expect(await checksum(prisma)).toBe(before);
          }
        },
      ),
      { numRuns: 1500, seed: 20261128 },
    );
    console.log("property run:", tally, codes);
    // The generator must exercise the database paths, not only the schema.
    expect(tally.reachedDatabase).toBeGreaterThan(200);
    expect(tally.accepted).toBeGreaterThan(5);
  }, 240_000);
});

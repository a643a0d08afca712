/**
 * Reads of /quan-tri/don-vi (admins only; each read checks the permission
 * itself): the units valid today and the latest successions.
 */
import "server-only";
import { prisma } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import type { SuccessionKind, UnitLevel } from "@/lib/generated/prisma/enums";

export interface AdminUnitRow {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentName: string | null;
  validFrom: Date;
}

/** Units valid today, provinces first. */
export async function getCurrentUnitsForAdmin(actor: Actor, today = new Date()): Promise<AdminUnitRow[]> {
  assertCan(actor, "admin.units");
  const day = new Date(`${today.toISOString().slice(0, 10)}T00:00:00Z`);
  const rows = await prisma.adminUnit.findMany({
    where: { validFrom: { lte: day }, OR: [{ validTo: null }, { validTo: { gte: day } }] },
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: { id: true, code: true, name: true, level: true, validFrom: true, parent: { select: { name: true } } },
  });
  return rows.map(({ parent, ...u }) => ({ ...u, parentName: parent?.name ?? null }));
}

export interface RecentSuccession {
  id: number;
  kind: SuccessionKind;
  effectiveDate: Date;
  predecessor: string;
  successor: string;
}

export async function getRecentSuccessions(actor: Actor, take = 20): Promise<{ rows: RecentSuccession[]; total: number }> {
  assertCan(actor, "admin.units");
  const [rows, total] = await Promise.all([
    prisma.succession.findMany({
      orderBy: [{ effectiveDate: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true,
        kind: true,
        effectiveDate: true,
        predecessor: { select: { name: true, code: true } },
        successor: { select: { name: true, code: true } },
      },
    }),
    prisma.succession.count(),
  ]);
  return {
    rows: rows.map((s) => ({
      id: s.id,
      kind: s.kind,
      effectiveDate: s.effectiveDate,
      predecessor: `${s.predecessor.name} (${s.predecessor.code})`,
      successor: `${s.successor.name} (${s.successor.code})`,
    })),
    total,
  };
}

export interface PartialSuccession {
  id: number;
  effectiveDate: Date;
  predecessor: string;
  successor: string;
  /** The share recorded, as a percentage; null: unknown. */
  weightPercent: number | null;
  weightSourceVi: string | null;
}

/** Every PARTIAL succession (an old unit split across new ones), grouped by the old unit, with its apportionment (issue #14, item 7). */
export async function getPartialSuccessions(actor: Actor): Promise<PartialSuccession[]> {
  assertCan(actor, "admin.units");
  const rows = await prisma.succession.findMany({
    where: { kind: "PARTIAL" },
    orderBy: [{ predecessorId: "asc" }, { successorId: "asc" }],
    select: {
      id: true,
      effectiveDate: true,
      weight: true,
      weightSourceVi: true,
      predecessor: { select: { name: true, code: true } },
      successor: { select: { name: true, code: true } },
    },
  });
  return rows.map((s) => ({
    id: s.id,
    effectiveDate: s.effectiveDate,
    predecessor: `${s.predecessor.name} (${s.predecessor.code})`,
    successor: `${s.successor.name} (${s.successor.code})`,
    weightPercent: s.weight === null ? null : Math.round(s.weight.toNumber() * 1_000_000) / 10_000,
    weightSourceVi: s.weightSourceVi,
  }));
}

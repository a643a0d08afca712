/**
 * Scope: which indicators and units an actor may write figures for.
 * Editors write their department's indicators (as responsible today), for the
 * units of their unit scope and everything below them (all units when none is
 * set). Admins write everything. Other roles write nothing.
 */
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { AuthError } from "@/lib/auth/errors";

export interface WriteScope {
  /** null = every indicator */
  indicatorIds: Set<number> | null;
  /** null = every unit */
  unitIds: Set<number> | null;
}

type Db = Pick<PrismaClient, "indicator" | "adminUnit">;

export async function getWriteScope(db: Db, actor: Actor): Promise<WriteScope> {
  if (actor.role === "ADMIN") return { indicatorIds: null, unitIds: null };
  if (actor.role !== "EDITOR" || actor.departmentId === null) return { indicatorIds: new Set(), unitIds: new Set() };
  const indicators = await db.indicator.findMany({
    where: { responsibleDepartmentId: actor.departmentId },
    select: { id: true },
  });
  return {
    indicatorIds: new Set(indicators.map((i) => i.id)),
    unitIds: actor.unitScopeIds.length === 0 ? null : await descendantsOf(db, actor.unitScopeIds),
  };
}

/** The units given and every unit below them (children's parents are of their own time). */
async function descendantsOf(db: Db, roots: number[]): Promise<Set<number>> {
  const all = new Set(roots);
  let frontier = roots;
  while (frontier.length > 0) {
    const children = await db.adminUnit.findMany({ where: { parentId: { in: frontier } }, select: { id: true } });
    frontier = children.map((c) => c.id).filter((id) => !all.has(id));
    for (const id of frontier) all.add(id);
  }
  return all;
}

export function inScope(scope: WriteScope, indicatorId: number, unitId: number): boolean {
  return (scope.indicatorIds === null || scope.indicatorIds.has(indicatorId)) && (scope.unitIds === null || scope.unitIds.has(unitId));
}

export function assertInScope(scope: WriteScope, indicatorId: number, unitId: number): void {
  if (!inScope(scope, indicatorId, unitId)) throw new AuthError("OUT_OF_SCOPE");
}

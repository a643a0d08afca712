/**
 * Who is told (ADR 030): exactly the people who can act on it.
 *
 * - Figures submitted: the active approvers whose scope covers the figure. An approver's scope
 *   is what an admin set on the account, read as an editor's is (lib/auth/scope.ts): a
 *   department limits it to the indicators that department is responsible for, a unit scope to
 *   those units and the units below them; neither set: every figure. Reviewing itself is not
 *   limited by scope (figure.review), so a figure no approver's scope covers goes to every active
 *   approver rather than to nobody. Admins may review too but are not the review desk: they are
 *   not told.
 * - Figures rejected, a publication withdrawn: the figure's editors — whoever entered it and
 *   whoever last submitted it — but not the person who acted.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export interface FigureCell {
  id: number;
  indicatorId: number;
  unitId: number;
  /** The indicator's responsible department. */
  departmentId: number;
}

interface ApproverScope {
  id: string;
  departmentId: number | null;
  /** null: no unit limit */
  unitIds: Set<number> | null;
}

/** The units given and every unit below them. */
export async function descendantsOf(tx: Tx, roots: readonly number[]): Promise<Set<number>> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE below(id) AS (
      SELECT unnest(${[...roots]}::int[])
      UNION
      SELECT u.id FROM "AdminUnit" u JOIN below b ON u."parentId" = b.id
    )
    SELECT id FROM below`;
  return new Set(rows.map((r) => r.id));
}

async function activeApprovers(tx: Tx): Promise<ApproverScope[]> {
  const users = await tx.user.findMany({
    where: { role: "APPROVER", disabledAt: null },
    select: { id: true, departmentId: true, unitScopes: { select: { unitId: true } } },
    orderBy: { id: "asc" },
  });
  const scopes: ApproverScope[] = [];
  // One after the other: a transaction is one connection.
  for (const u of users) {
    scopes.push({ id: u.id, departmentId: u.departmentId, unitIds: u.unitScopes.length === 0 ? null : await descendantsOf(tx, u.unitScopes.map((s) => s.unitId)) });
  }
  return scopes;
}

function covers(scope: ApproverScope, cell: FigureCell): boolean {
  return (scope.departmentId === null || scope.departmentId === cell.departmentId) && (scope.unitIds === null || scope.unitIds.has(cell.unitId));
}

/** For each figure, the approvers to tell (by id). */
export async function approversCovering(tx: Tx, cells: readonly FigureCell[]): Promise<Map<number, string[]>> {
  const approvers = await activeApprovers(tx);
  const result = new Map<number, string[]>();
  for (const cell of cells) {
    const covering = approvers.filter((a) => covers(a, cell)).map((a) => a.id);
    result.set(cell.id, covering.length > 0 ? covering : approvers.map((a) => a.id));
  }
  return result;
}

/** Who entered the figure and who last submitted it, but not the person acting now. */
export function editorsOfFigures(f: { createdById: string | null; updatedById: string | null }, actorId: string): string[] {
  return [...new Set([f.updatedById, f.createdById])].filter((id): id is string => id !== null && id !== actorId);
}

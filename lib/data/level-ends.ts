/**
 * Which levels of administrative units no longer exist in a province, and the
 * last day each existed: a target set for such a level (the districts,
 * abolished on 1 July 2025) can no longer be assessed once its level is gone
 * (lib/progress/progress.ts, assessProgress). Read from the units themselves,
 * so a later reform needs no code: a level has ended when every unit of it, in
 * every version of the province, has a last day.
 */
// No "server-only" marker: the cached public pages read through lib/data/targets.ts
// in getStaticProps (Pages Router, ADR 012), where Next refuses that marker.
import type { PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LevelEndJson } from "./overview-model";

export type { LevelEndJson };

/** Levels of the province's units (every version of it: before and after a merger) that have no unit in force any more. */
export function levelEndsStatement(provinceCode: string): Prisma.Sql {
  return Prisma.sql`
    WITH RECURSIVE tree AS (
      SELECT id, level, "validTo" FROM "AdminUnit" WHERE level = 'PROVINCE' AND code = ${provinceCode}::text
      UNION ALL
      SELECT c.id, c.level, c."validTo" FROM "AdminUnit" c JOIN tree t ON c."parentId" = t.id
    )
    SELECT level::text AS level, to_char(max("validTo"), 'YYYY-MM-DD') AS "lastDay"
    FROM tree GROUP BY level HAVING bool_and("validTo" IS NOT NULL)
    ORDER BY 1`;
}

export async function loadLevelEnds(db: PrismaClient, provinceCode: string): Promise<LevelEndJson[]> {
  return db.$queryRaw<LevelEndJson[]>(levelEndsStatement(provinceCode));
}

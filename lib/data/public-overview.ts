/**
 * The home page's data: every target with the province series of published
 * figures, cached under the "figures" tag (lib/data/public-cache.ts).
 */
// No "server-only" marker: the cached public pages read through this module in
// getStaticProps (Pages Router, ADR 012), where Next refuses that marker. Never
// import it from a client component.
import { prisma } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/client";
import { quarterOfDate } from "@/lib/period/quarter";
import { cachedPublicRead } from "./public-cache";
import { buildOverview, loadOverviewInputs, type TargetOverview } from "./targets";

const getOverviewInputs = cachedPublicRead("overview-inputs", () => loadOverviewInputs(prisma));

/** Status as of today's quarter: only the database read is cached, the verdicts are worked out per request. */
export async function getPublicOverview(today: Date = new Date()): Promise<TargetOverview> {
  return buildOverview(await getOverviewInputs(), quarterOfDate(today));
}

export interface MethodologyIndicatorJson {
  code: string;
  nameVi: string;
  nameEn: string;
  methodologyVi: string;
  methodologyEn: string;
}

export async function loadMethodologyIndicators(db: PrismaClient): Promise<MethodologyIndicatorJson[]> {
  return db.indicator.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, nameVi: true, nameEn: true, methodologyVi: true, methodologyEn: true },
  });
}

export const getMethodologyIndicators = cachedPublicRead("methodology-indicators", () => loadMethodologyIndicators(prisma));

/**
 * What every dashboard page does first: check the session and permission
 * itself (the proxy's redirect is a convenience), parse the URL with the one
 * schema, and settle the quarter and the boundaries (by default those of the
 * quarter's own time).
 */
import "server-only";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import { defaultDashboardQuarter, loadDashboardQuarters, loadLatestPublishedQuarter } from "@/lib/data/dashboard";
import { quarterInVietnam } from "@/lib/period/reporting";
import { HOME_PROVINCE_CODE } from "@/lib/geography";
import { compareQuarters, parseQuarter, quarterKey, type Quarter } from "@/lib/period/quarter";
import { BOUNDARIES, dashboardParamsSchema, dashboardQuery, REFORM_DATE, type BoundaryKey, type DashboardParams } from "@/lib/validations/dashboard";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export interface DashboardContext {
  actor: Actor | null;
  allowed: boolean;
  params: DashboardParams;
  provinceCode: string;
  quarters: string[];
  quarter: Quarter;
  quarterKey: string;
  boundaryKey: BoundaryKey;
  boundary: string;
  print: boolean;
}

/** The quarter's own boundaries: before the reform for quarters that ended before 1 July 2025. */
export function boundaryOfQuarter(q: Quarter): BoundaryKey {
  return compareQuarters(q, { year: 2025, quarter: 3 }) < 0 ? "truoc" : "sau";
}

export async function dashboardContext(path: string, searchParams: SearchParams): Promise<DashboardContext> {
  const params = dashboardParamsSchema.parse(await searchParams);
  const actor = await getCurrentActor();
  if (!actor) redirect(`/dang-nhap?callbackUrl=${encodeURIComponent(`${path}${dashboardQuery(params)}`)}`);
  const [quarters, latestPublished] = await Promise.all([loadDashboardQuarters(prisma), loadLatestPublishedQuarter(prisma)]);
  const chosen = defaultDashboardQuarter(quarters, latestPublished, params.ky);
  const quarter = chosen ? parseQuarter(chosen)! : quarterInVietnam(new Date());
  const boundaryKey = params["ranh-gioi"] ?? boundaryOfQuarter(quarter);
  return {
    actor,
    allowed: can(actor.role, "dashboard.read"),
    params,
    provinceCode: HOME_PROVINCE_CODE,
    quarters,
    quarter,
    quarterKey: quarterKey(quarter),
    boundaryKey,
    boundary: BOUNDARIES[boundaryKey],
    print: params["ban-in"] === "1",
  };
}

export { REFORM_DATE };

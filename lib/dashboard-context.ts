/**
 * What every dashboard page does first: check the permission itself (the
 * proxy's redirect is a convenience), parse the URL with the one schema, and
 * settle the quarter and the boundaries (by default those of the quarter's own
 * time). The core (`dashboardContextFor`) takes the signed-in actor and the
 * query, whichever router asks: the four dashboard pages are Pages Router pages
 * without JavaScript (ADR 035), the comparison page an App Router page
 * (`dashboardContext`).
 */
// No "server-only" marker: the dashboard pages read through this module in getServerSideProps
// (Pages Router, ADR 035), where Next refuses that marker. Never import it from a client component.
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { staffPageRedirect } from "@/lib/auth/staff-gate";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import { defaultDashboardQuarter, loadDashboardQuarters, loadLatestPublishedQuarter } from "@/lib/data/dashboard";
import { quarterInVietnam } from "@/lib/period/reporting";
import { HOME_PROVINCE_CODE } from "@/lib/geography";
import { compareQuarters, parseQuarter, quarterKey, type Quarter } from "@/lib/period/quarter";
import { BOUNDARIES, dashboardParamsSchema, dashboardQuery, REFORM_DATE, type BoundaryKey, type DashboardParams } from "@/lib/validations/dashboard";

export type Query = Record<string, string | string[] | undefined>;
export type SearchParams = Promise<Query>;

export interface DashboardContext {
  actor: Actor;
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

/** The context of a dashboard page for a signed-in actor (the caller has checked the session). */
export async function dashboardContextFor(actor: Actor, query: Query): Promise<DashboardContext> {
  const params = dashboardParamsSchema.parse(query);
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

/** The same for an App Router page: without a session, to the sign-in page and back. */
export async function dashboardContext(path: string, searchParams: SearchParams): Promise<DashboardContext> {
  const query = await searchParams;
  const actor = await getCurrentActor();
  if (!actor) redirect(staffPageRedirect(null, `${path}${dashboardQuery(dashboardParamsSchema.parse(query))}`)!);
  return dashboardContextFor(actor, query);
}

export { REFORM_DATE };

/**
 * Which quarter opens next: the one after the latest reporting period. A read
 * on the client it is given (the app's for the admin page, the transaction's
 * when openNextPeriod holds its lock), so the page and the service agree. No
 * "server-only" marker: the service runs in scripts and tests too.
 */
import type { PrismaClient } from "@/lib/db/client";
import { addQuarters, makeQuarter } from "@/lib/period/quarter";

/** The quarter after the latest period (the programme's first when there is none). */
export async function nextPeriodQuarter(db: Pick<PrismaClient, "reportingPeriod">): Promise<{ year: number; quarter: number }> {
  const last = await db.reportingPeriod.findFirst({ orderBy: [{ year: "desc" }, { quarter: "desc" }], select: { year: true, quarter: true } });
  return last ? addQuarters(makeQuarter(last.year, last.quarter), 1) : makeQuarter(2021, 1);
}

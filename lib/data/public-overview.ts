/**
 * The methodology page's data: every indicator's method, in both languages.
 */
// No "server-only" marker: the cached public pages read through this module in
// getStaticProps (Pages Router, ADR 012), where Next refuses that marker. Never
// import it from a client component.
import type { PrismaClient } from "@/lib/db/client";

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

/**
 * The programmes the public pages show (issue #15, item 5): the province's own
 * (judged) and the national ones (reference lines), and which of the
 * province's is in force — the one the home page shows, and the one a new
 * target goes to when none is named (lib/services/admin-indicators.ts).
 */
// No "server-only" marker: the cached public pages read through this module in
// getStaticProps (Pages Router, ADR 012), where Next refuses that marker.
import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { HOME_PROVINCE_CODE } from "@/lib/geography";
import { programmeSlug } from "@/lib/i18n/routes";

/** The province's programme in force: of those in force, the latest begun (the latest recorded on a tie). */
export const PROGRAMME_IN_FORCE = {
  where: { scope: "PROVINCE", provinceCode: HOME_PROVINCE_CODE, status: "IN_FORCE" },
  orderBy: [{ startYear: "desc" }, { id: "desc" }],
} as const satisfies { where: Prisma.ProgrammeWhereInput; orderBy: Prisma.ProgrammeOrderByWithRelationInput[] };

export interface ProgrammeSummary {
  id: number;
  code: string;
  /** Its URL segment (programmeSlug). */
  slug: string;
  titleVi: string;
  titleEn: string;
  issuerVi: string;
  startYear: number;
  endYear: number;
  visionYear: number | null;
  scope: "PROVINCE" | "NATIONAL";
  status: "IN_FORCE" | "ENDED" | "SUPERSEDED";
  supersededByCode: string | null;
  /** Current targets of the programme. */
  targets: number;
}

/**
 * The home province's programmes and the national ones, the one in force first, then by start
 * year (latest first). A province's programme of another province (a database that served one
 * before) is not listed.
 */
export async function loadProgrammeSummaries(db: PrismaClient): Promise<ProgrammeSummary[]> {
  const [rows, inForce] = await Promise.all([
    db.programme.findMany({
      where: { OR: [{ scope: "NATIONAL" }, { scope: "PROVINCE", provinceCode: HOME_PROVINCE_CODE }] },
      orderBy: [{ scope: "desc" }, { startYear: "desc" }, { id: "desc" }],
      select: {
        id: true,
        code: true,
        titleVi: true,
        titleEn: true,
        issuerVi: true,
        startYear: true,
        endYear: true,
        visionYear: true,
        scope: true,
        status: true,
        supersededBy: { select: { code: true } },
        _count: { select: { targets: { where: { supersededAt: null } } } },
      },
    }),
    db.programme.findFirst({ ...PROGRAMME_IN_FORCE, select: { id: true } }),
  ]);
  const list = rows.map(({ supersededBy, _count, ...p }) => ({ ...p, slug: programmeSlug(p.code), supersededByCode: supersededBy?.code ?? null, targets: _count.targets }));
  return [...list.filter((p) => p.id === inForce?.id), ...list.filter((p) => p.id !== inForce?.id)];
}

/** The programme shown by default: the province's in force (first of loadProgrammeSummaries), or none. */
export function programmeInForce(list: readonly ProgrammeSummary[]): ProgrammeSummary | null {
  const first = list[0];
  return first && first.scope === "PROVINCE" && first.status === "IN_FORCE" ? first : null;
}

/** The province's programmes a dashboard can be scoped to, and the one a `?chuong-trinh=` slug names (null: none, or unknown). */
export async function programmeFilter(db: PrismaClient, slug: string | undefined): Promise<{ programmes: ProgrammeSummary[]; chosen: ProgrammeSummary | null }> {
  const programmes = (await loadProgrammeSummaries(db)).filter((p) => p.scope === "PROVINCE");
  return { programmes, chosen: (slug && programmes.find((p) => p.slug === slug)) || null };
}

/**
 * The programme whose public page address (programmeSlug) a new code would share, if any:
 * "05/NQ-TU" and "05-NQ/TU" are different codes but one /chuong-trinh/05-nq-tu. Checked when a
 * programme is recorded (the form and the definition-file import), so every page names one.
 */
export async function programmeWithSameSlug(db: Pick<PrismaClient, "programme">, code: string): Promise<{ code: string; slug: string } | null> {
  const slug = programmeSlug(code);
  const other = (await db.programme.findMany({ select: { code: true } })).find((p) => p.code !== code && programmeSlug(p.code) === slug);
  return other ? { code: other.code, slug } : null;
}

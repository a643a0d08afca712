/** Reads of /quan-tri/chuong-trinh: every programme with its targets counted. */
import "server-only";
import { prisma } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";

export interface ProgrammeRow {
  id: number;
  code: string;
  titleVi: string;
  issuerVi: string;
  issuedOn: Date | null;
  startYear: number;
  endYear: number;
  visionYear: number | null;
  scope: "PROVINCE" | "NATIONAL";
  status: "IN_FORCE" | "ENDED" | "SUPERSEDED";
  supersededByCode: string | null;
  sourceVi: string;
  currentTargets: number;
  /** Provincial targets of this programme that answer a national one; or, for a national programme, its targets answered. */
  links: number;
}

export async function getProgrammesForAdmin(actor: Actor): Promise<ProgrammeRow[]> {
  assertCan(actor, "admin.indicators");
  const rows = await prisma.programme.findMany({
    orderBy: [{ scope: "asc" }, { startYear: "desc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      titleVi: true,
      issuerVi: true,
      issuedOn: true,
      startYear: true,
      endYear: true,
      visionYear: true,
      scope: true,
      status: true,
      sourceVi: true,
      supersededBy: { select: { code: true } },
      targets: { where: { supersededAt: null }, select: { answersTargetId: true, _count: { select: { answeredBy: true } } } },
    },
  });
  return rows.map(({ supersededBy, targets, ...p }) => ({
    ...p,
    supersededByCode: supersededBy?.code ?? null,
    currentTargets: targets.length,
    links: targets.filter((t) => t.answersTargetId !== null || t._count.answeredBy > 0).length,
  }));
}

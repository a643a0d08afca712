/**
 * The audit log as administrators read it (/quan-tri/nhat-ky) and export it
 * (CSV, UTF-8 with BOM so spreadsheet programs read the Vietnamese right).
 * Filters: who (actor, or the system), what (action, entity type and id),
 * when (days in Vietnam, inclusive); newest first.
 */
import "server-only";
import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { actionLabel, entityLabel } from "@/lib/admin/audit-labels";
import { csvDocument } from "@/lib/export/csv";
import { SYSTEM_ACTOR, type AuditParams } from "@/lib/validations/admin-audit";
import { vietnamTimeOn, vietnamTimestamp } from "@/lib/period/vietnam-time";

export const AUDIT_PAGE_SIZE = 50;
/** An export larger than this is cut, and says so in its last line. */
export const AUDIT_EXPORT_MAX = 100_000;
const DAY_MS = 86_400_000;

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** Start of a Vietnamese calendar day, as an instant. */
function vietnamDayStart(day: string): Date {
  return vietnamTimeOn(day);
}

export function auditWhere(params: AuditParams): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = {};
  if (params.nguoi === SYSTEM_ACTOR) where.actorId = null;
  else if (params.nguoi) where.actorId = params.nguoi;
  if (params["hanh-dong"]) where.action = params["hanh-dong"];
  if (params["doi-tuong"]) where.entityType = params["doi-tuong"];
  if (params["ma-doi-tuong"]) where.entityId = params["ma-doi-tuong"];
  if (params.tu || params.den) {
    where.at = {
      ...(params.tu ? { gte: vietnamDayStart(params.tu) } : {}),
      // "đến 30/11" includes the whole of 30 November.
      ...(params.den ? { lt: new Date(vietnamDayStart(params.den).getTime() + DAY_MS) } : {}),
    };
  }
  return where;
}

const rowSelect = { id: true, at: true, actorId: true, actorLabel: true, action: true, entityType: true, entityId: true, before: true, after: true, reason: true } as const;

function toRow(r: Prisma.AuditLogGetPayload<{ select: typeof rowSelect }>): AuditRow {
  return { ...r, id: r.id.toString() };
}

export interface AuditPage {
  rows: AuditRow[];
  total: number;
  page: number;
  pages: number;
}

export async function getAuditPage(db: PrismaClient, actor: Actor, params: AuditParams): Promise<AuditPage> {
  assertCan(actor, "audit.read");
  const where = auditWhere(params);
  const total = await db.auditLog.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(params.trang ?? 1, pages);
  const rows = await db.auditLog.findMany({
    where,
    // id breaks ties: rows of one transaction share their instant.
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: rowSelect,
  });
  return { rows: rows.map(toRow), total, page, pages };
}

export interface AuditFilterOptions {
  actors: { id: string; label: string }[];
  actions: { value: string; label: string }[];
  entityTypes: { value: string; label: string }[];
}

export async function getAuditFilterOptions(db: PrismaClient, actor: Actor): Promise<AuditFilterOptions> {
  assertCan(actor, "audit.read");
  const [actors, actions, entities, users] = await Promise.all([
    db.auditLog.groupBy({ by: ["actorId"], where: { actorId: { not: null } } }),
    db.auditLog.groupBy({ by: ["action"] }),
    db.auditLog.groupBy({ by: ["entityType"] }),
    db.user.findMany({ select: { id: true, name: true, email: true } }),
  ]);
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    actors: actors
      .map((a) => {
        const u = byId.get(a.actorId!);
        return { id: a.actorId!, label: u ? `${u.name} (${u.email})` : a.actorId! };
      })
      .sort((a, b) => a.label.localeCompare(b.label, "vi")),
    actions: actions.map((a) => ({ value: a.action, label: actionLabel(a.action) })).sort((a, b) => a.label.localeCompare(b.label, "vi")),
    entityTypes: entities.map((e) => ({ value: e.entityType, label: entityLabel(e.entityType) })).sort((a, b) => a.label.localeCompare(b.label, "vi")),
  };
}



const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));

export const AUDIT_CSV_HEADER = ["thoi_gian", "nguoi_thuc_hien", "ma_nguoi_thuc_hien", "hanh_dong", "ten_hanh_dong", "doi_tuong", "ma_doi_tuong", "truoc", "sau", "ly_do"] as const;

/** The filtered log as CSV text, BOM first; newest first, like the page. */
export async function getAuditCsv(db: PrismaClient, actor: Actor, params: AuditParams): Promise<string> {
  assertCan(actor, "audit.read");
  const rows = await db.auditLog.findMany({
    where: auditWhere(params),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_EXPORT_MAX + 1,
    select: rowSelect,
  });
  const cut = rows.length > AUDIT_EXPORT_MAX;
  const lines = rows.slice(0, AUDIT_EXPORT_MAX).map((r) =>
    [
      vietnamTimestamp(r.at),
      r.actorLabel,
      r.actorId ?? "",
      r.action,
      actionLabel(r.action),
      r.entityType,
      r.entityId,
      json(r.before),
      json(r.after),
      r.reason ?? "",
    ],
  );
  if (cut) lines.push([`(chỉ xuất ${AUDIT_EXPORT_MAX.toLocaleString("vi-VN")} dòng mới nhất; thu hẹp bộ lọc để xuất phần còn lại)`, "", "", "", "", "", "", "", "", ""]);
  // The one CSV writer (lib/export/csv.ts): a reason typed as "=HYPERLINK(…)" comes out inert.
  return csvDocument(AUDIT_CSV_HEADER, lines, { eol: "\n" });
}

/**
 * The audit log as CSV (UTF-8 with BOM), with the viewer's filters. A route
 * handler is a public endpoint: it checks the session and "audit.read" itself.
 */
import { prisma } from "@/lib/db";
import { getCurrentActor } from "@/lib/auth/session";
import { AuthError } from "@/lib/auth/errors";
import { assertCan } from "@/lib/auth/actor";
import { getAuditCsv } from "@/lib/data/audit-log";
import { auditParamsSchema } from "@/lib/validations/admin-audit";
import { vietnamDay } from "@/lib/period/vietnam-time";

export async function GET(request: Request): Promise<Response> {
  const actor = await getCurrentActor();
  try {
    assertCan(actor, "audit.read");
  } catch (error) {
    const status = error instanceof AuthError && error.code === "UNAUTHENTICATED" ? 401 : 403;
    return new Response(error instanceof Error ? error.message : "", { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const url = new URL(request.url);
  const params = auditParamsSchema.parse(Object.fromEntries(url.searchParams));
  const csv = await getAuditCsv(prisma, actor, params);
  const day = vietnamDay(new Date());
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="nhat-ky-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

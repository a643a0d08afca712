import { connection } from "next/server";
import { getCurrentActor } from "@/lib/auth/session";
import { authorizeRoute } from "@/lib/auth/actor";
import { getImportTemplate } from "@/lib/data/import-template";
import { buildCsvTemplate, buildXlsxTemplate, templateFileName } from "@/lib/import/template";
import { entryParamsSchema } from "@/lib/validations/figure";

function refusal(status: number, message: string) {
  return Response.json({ ok: false, error: message }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * The import template of a quarter (?ky=2026-Q4&dinh-dang=xlsx|csv): the
 * signed-in editor's cells with current values and versions. Checks the
 * session and figure.edit itself; the proxy's redirect is only a convenience.
 */
export async function GET(request: Request) {
  await connection();
  const url = new URL(request.url);
  // assertCan's rules, as every entry point: a session, the permission, and no pending password change.
  const auth = authorizeRoute(await getCurrentActor(), "figure.edit");
  if (auth.refused) return refusal(auth.status, auth.refused.message);
  const { actor } = auth;
  const { ky } = entryParamsSchema.parse({ ky: url.searchParams.get("ky") ?? undefined });
  const format = url.searchParams.get("dinh-dang") === "csv" ? "csv" : "xlsx";
  const template = await getImportTemplate(actor, ky);
  if (!template) return refusal(404, "Không tìm thấy kỳ báo cáo.");
  const name = templateFileName(template.periodKey, format);
  const headers = {
    "Content-Disposition": `attachment; filename="${name}"`,
    "Cache-Control": "private, no-store",
  };
  if (format === "csv") {
    return new Response(buildCsvTemplate(template), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  }
  const bytes = await buildXlsxTemplate(template);
  return new Response(bytes as BodyInit, {
    headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
}

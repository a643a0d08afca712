/**
 * A programme as its definition file (ADR 033): ?dinh-dang=xlsx (one sheet per part and a guide)
 * or json (valid against /api/v1/schemas/programme.json). A route handler is a public endpoint:
 * it checks the session and "admin.indicators" itself.
 */
import { connection } from "next/server";
import { prisma } from "@/lib/db";
import { getCurrentActor } from "@/lib/auth/session";
import { authorizeRoute } from "@/lib/auth/actor";
import { getProgrammeFile, programmeFileName } from "@/lib/programme-file/export";
import { writeProgrammeXlsx } from "@/lib/programme-file/xlsx";
import { DomainError } from "@/lib/errors";

const text = (status: number, message: string) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  await connection();
  const auth = authorizeRoute(await getCurrentActor(), "admin.indicators");
  if (auth.refused) return text(auth.status, auth.refused.message);
  const { id } = await params;
  const format = new URL(request.url).searchParams.get("dinh-dang") ?? "xlsx";
  if (!/^\d{1,9}$/.test(id)) return text(404, "Không tìm thấy chương trình.");
  if (format !== "xlsx" && format !== "json") return text(400, "Định dạng tệp là xlsx hoặc json.");
  try {
    const file = await getProgrammeFile(prisma, auth.actor, Number(id));
    const headers = { "Cache-Control": "no-store", "Content-Disposition": `attachment; filename="${programmeFileName(file.programme.code, format)}"` };
    if (format === "json") return new Response(`${JSON.stringify(file, null, 2)}\n`, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
    return new Response(new Uint8Array(await writeProgrammeXlsx(file)), {
      headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") return text(404, error.message);
    throw error;
  }
}

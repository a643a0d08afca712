/**
 * Preview or commit of a programme definition file (POST multipart: file, mode = preview |
 * commit, sha256 of the previewed file for a commit; ADR 033). Authorises itself — session,
 * "admin.indicators", same origin — and answers with JSON: the preview, the result or the
 * error. A programme is a few hundred rows, so no progress stream (the figures import has one).
 */
import { createHash } from "node:crypto";
import { revalidatePath } from "next/cache";
import { connection } from "next/server";
import { prisma } from "@/lib/db";
import { getCurrentActor } from "@/lib/auth/session";
import { authorizeRoute } from "@/lib/auth/actor";
import { toActionError } from "@/lib/actions/result";
import { isSameOrigin } from "@/lib/security/same-origin";
import { readBodyAtMost } from "@/lib/security/request-body";
import { IMPORT_BODY_SLACK } from "@/lib/import/columns";
import { PROGRAMME_XLSX_LIMITS } from "@/lib/programme-file/sheets";
import { commitProgrammeImport, previewProgrammeImport, PROGRAMME_IMPORT_MESSAGES } from "@/lib/services/programme-import";
import { programmeImportRequestSchema, type ProgrammeImportReply } from "@/lib/validations/programme-import";

function reply(status: number, body: ProgrammeImportReply) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export async function POST(request: Request) {
  await connection();
  if (!isSameOrigin(request.headers)) return reply(403, { type: "error", code: "FORBIDDEN", error: "Yêu cầu không đến từ trang quản trị của hệ thống." });
  const auth = authorizeRoute(await getCurrentActor(), "admin.indicators");
  if (auth.refused) return reply(auth.status, { type: "error", code: auth.refused.code, error: auth.refused.message });
  const max = PROGRAMME_XLSX_LIMITS.bytes + IMPORT_BODY_SLACK;
  const tooLarge = () => reply(413, { type: "error", code: "TOO_LARGE", error: PROGRAMME_IMPORT_MESSAGES.tooLarge });
  if (Number(request.headers.get("content-length") ?? "0") > max) return tooLarge();
  // One limit, counted while the body streams in (a chunked upload has no Content-Length).
  const body = await readBodyAtMost(request.body, max);
  if (body === null) return reply(400, { type: "error", code: "INVALID_INPUT", error: PROGRAMME_IMPORT_MESSAGES.fileMissing });
  if (body.byteLength > max) return tooLarge();
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return reply(400, { type: "error", code: "INVALID_INPUT", error: PROGRAMME_IMPORT_MESSAGES.fileMissing });
  }
  const parsed = programmeImportRequestSchema.safeParse({ mode: form.get("mode"), sha256: form.get("sha256") ?? null });
  if (!parsed.success) return reply(400, { type: "error", code: "INVALID_INPUT", error: parsed.error.issues[0]?.message ?? "Dữ liệu gửi lên không hợp lệ." });
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return reply(400, { type: "error", code: "INVALID_INPUT", error: PROGRAMME_IMPORT_MESSAGES.fileMissing });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { mode, sha256 } = parsed.data;
  // A commit applies the file that was previewed, not another one chosen meanwhile.
  if (mode === "commit" && sha256 !== null && createHash("sha256").update(bytes).digest("hex") !== sha256) {
    return reply(409, { type: "error", code: "FILE_CHANGED", error: "Tệp khác với tệp vừa xem trước; hãy xem trước lại trước khi ghi." });
  }
  const input = { fileName: file.name.slice(0, 200) || "tep", bytes };
  try {
    if (mode === "preview") return reply(200, { type: "preview", preview: await previewProgrammeImport(prisma, auth.actor, input) });
    const result = await commitProgrammeImport(prisma, auth.actor, input);
    // The service took the new cache epoch after its commit (ADR 015): public pages and the dashboard follow.
    revalidatePath("/quan-tri", "layout");
    revalidatePath("/nhap-lieu");
    return reply(200, { type: "committed", result });
  } catch (error) {
    const e = toActionError(error);
    return reply(e.code === "UNAUTHENTICATED" ? 401 : e.code === "FORBIDDEN" ? 403 : 422, { type: "error", code: e.code, error: e.error, details: e.details });
  }
}

import { createHash } from "node:crypto";
import { revalidatePath } from "next/cache";
import { connection } from "next/server";
import { prisma } from "@/lib/db";
import { getCurrentActor } from "@/lib/auth/session";
import { authorizeRoute } from "@/lib/auth/actor";
import { toActionError } from "@/lib/actions/result";
import { isSameOrigin } from "@/lib/security/same-origin";
import { readBodyAtMost } from "@/lib/security/request-body";
import { IMPORT_BODY_SLACK, IMPORT_LIMITS, IMPORT_LIMITS_TEXT } from "@/lib/import/columns";
import { commitImport, previewImport, type ImportProgress } from "@/lib/services/figure-import";
import { importRequestSchema, type ImportStreamEvent } from "@/lib/validations/figure-import";

function refusal(status: number, code: string, message: string) {
  return Response.json({ type: "error", code, error: message } satisfies ImportStreamEvent, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Preview or commit of an uploaded spreadsheet (POST multipart: file, periodId,
 * mode = preview | commit, reason, sha256 of the previewed file for a commit).
 * Authorises itself — session, figure.edit, same origin — and answers with a
 * stream of NDJSON events: progress while the file is read, checked and
 * written, then the preview, the result or the error (ADR 010).
 */
export async function POST(request: Request) {
  await connection();
  if (!isSameOrigin(request.headers)) return refusal(403, "FORBIDDEN", "Yêu cầu không đến từ trang nhập liệu của hệ thống.");
  const auth = authorizeRoute(await getCurrentActor(), "figure.edit");
  if (auth.refused) return refusal(auth.status, auth.refused.code, auth.refused.message);
  const { actor } = auth;
  const tooLarge = () => refusal(413, "TOO_LARGE", `Tệp quá lớn; giới hạn là ${IMPORT_LIMITS_TEXT}.`);
  const max = IMPORT_LIMITS.bytes + IMPORT_BODY_SLACK;
  if (Number(request.headers.get("content-length") ?? "0") > max) return tooLarge();
  // One limit, counted while the body streams in (a chunked upload has no Content-Length).
  const body = await readBodyAtMost(request.body, max);
  if (body === null) return refusal(400, "INVALID_INPUT", "Không đọc được tệp tải lên; hãy chọn lại tệp.");
  if (body.byteLength > max) return tooLarge();

  let form: FormData;
  try {
    form = await new Response(body, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return refusal(400, "INVALID_INPUT", "Không đọc được tệp tải lên; hãy chọn lại tệp.");
  }
  const file = form.get("file");
  const parsed = importRequestSchema.safeParse({
    periodId: form.get("periodId"),
    mode: form.get("mode"),
    reason: form.get("reason") ?? null,
    sha256: form.get("sha256") ?? null,
  });
  if (!parsed.success) return refusal(400, "INVALID_INPUT", parsed.error.issues[0]?.message ?? "Dữ liệu gửi lên không hợp lệ.");
  if (!(file instanceof File) || file.size === 0) return refusal(400, "INVALID_INPUT", "Hãy chọn một tệp .xlsx hoặc .csv.");
  if (file.size > IMPORT_LIMITS.bytes) return refusal(413, "TOO_LARGE", `Tệp quá lớn; giới hạn là ${IMPORT_LIMITS_TEXT}.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { periodId, mode, reason, sha256 } = parsed.data;
  // A commit applies the file that was previewed, not another one chosen meanwhile.
  if (mode === "commit" && sha256 !== null && createHash("sha256").update(bytes).digest("hex") !== sha256) {
    return refusal(409, "FILE_CHANGED", "Tệp khác với tệp vừa xem trước; hãy xem trước lại trước khi ghi.");
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ImportStreamEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      let last = 0;
      const onProgress = (p: ImportProgress) => {
        // At most a few events a second: progress, not a flood.
        const now = Date.now();
        if (p.done !== p.total && p.done !== 0 && now - last < 200) return;
        last = now;
        send({ type: "progress", ...p });
      };
      try {
        const input = { periodId, fileName: file.name.slice(0, 200), bytes, reason };
        if (mode === "preview") {
          send({ type: "preview", preview: await previewImport(prisma, actor, input, { onProgress }) });
        } else {
          const result = await commitImport(prisma, actor, input, { onProgress });
          if (result.counts.created + result.counts.changed > 0) {
            revalidatePath("/nhap-lieu");
            revalidatePath("/duyet");
          }
          send({ type: "committed", result });
        }
      } catch (error) {
        const e = toActionError(error);
        send({ type: "error", code: e.code, error: e.error, details: e.details });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" },
  });
}

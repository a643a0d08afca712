import { connection } from "next/server";
import { downloadResponse, indicatorDownload, INDICATOR_FILES, type IndicatorFile } from "@/lib/data/public-downloads";

/**
 * One indicator's published figures (issue #16, item 8): `so-lieu.csv` (comma-separated, decimal
 * point), `so-lieu-excel-vn.csv` (semicolon-separated, decimal comma: what Excel in Vietnamese opens
 * as numbers) and `so-lieu.xlsx`. Public; built once per publication; 404 for anything else.
 */
export async function GET(request: Request, { params }: { params: Promise<{ code: string; file: string }> }) {
  await connection();
  const { code, file } = await params;
  const notFound = () => new Response("Không tìm thấy tệp này. / No such file.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!/^[A-Z0-9_]{1,64}$/.test(code) || !Object.hasOwn(INDICATOR_FILES, file)) return notFound();
  const built = await indicatorDownload(code, file as IndicatorFile);
  if (!built) return notFound();
  return downloadResponse(request, built, {
    "Content-Type": INDICATOR_FILES[file as IndicatorFile].contentType,
    "Content-Disposition": `attachment; filename="${code.toLowerCase()}-${file}"`,
  });
}

import { connection } from "next/server";
import { downloadResponse, publishedFiguresCsv } from "@/lib/data/public-downloads";

/**
 * Every published figure as CSV (UTF-8 with BOM, CRLF); columns documented at /du-lieu. Public: no
 * session needed. Built once per publication, not per request (lib/data/public-downloads.ts).
 */
export async function GET(request: Request) {
  await connection();
  return downloadResponse(request, await publishedFiguresCsv(), {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": 'attachment; filename="dx-tracker-so-lieu-cong-bo.csv"',
  });
}

import { connection } from "next/server";
import { getPublishedFigures, toCsv } from "@/lib/data/public-figures";

/** Every published figure as CSV (UTF-8 with BOM, CRLF); columns documented at /du-lieu. Public: no session needed. */
export async function GET() {
  await connection();
  const csv = toCsv(await getPublishedFigures());
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="dx-tracker-so-lieu-cong-bo.csv"',
      "Cache-Control": "no-cache",
    },
  });
}

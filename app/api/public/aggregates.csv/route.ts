import { connection } from "next/server";
import { aggregatesCsv, downloadResponse } from "@/lib/data/public-downloads";

/**
 * Every province and district aggregate of the published figures, by quarter, with its coverage: the
 * columns of /api/v1/aggregates, documented at /du-lieu and /du-lieu/api. Public, built once per publication.
 */
export async function GET(request: Request) {
  await connection();
  return downloadResponse(request, await aggregatesCsv("quarter"), {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": 'attachment; filename="dx-tracker-tong-hop-theo-quy.csv"',
  });
}

import { connection } from "next/server";
import { aggregatesCsv, downloadResponse } from "@/lib/data/public-downloads";

/**
 * Every yearly value of the province and its districts (/api/v1/aggregates?period=year, ADR 028): the
 * same columns as the quarterly file. Public, built once per publication.
 */
export async function GET(request: Request) {
  await connection();
  return downloadResponse(request, await aggregatesCsv("year"), {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": 'attachment; filename="dx-tracker-tong-hop-theo-nam.csv"',
  });
}

import { connection } from "next/server";
import { downloadResponse, sdmxDataFile } from "@/lib/data/public-downloads";

/**
 * Every published figure as SDMX-CSV 2.0 (lib/open-data/sdmx.ts), for statistics offices and
 * Open SDG; its codes are in /api/public/sdmx/codelists.csv. Public, built once per publication.
 */
export async function GET(request: Request) {
  await connection();
  return downloadResponse(request, await sdmxDataFile(), {
    "Content-Type": "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8",
    "Content-Disposition": 'attachment; filename="dx-tracker-sdmx-data.csv"',
  });
}

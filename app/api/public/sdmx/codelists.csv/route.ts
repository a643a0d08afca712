import { connection } from "next/server";
import { downloadResponse, sdmxCodelistsFile } from "@/lib/data/public-downloads";

/** The codelists of the SDMX-CSV data file: indicators, areas, sectors, levels, units of measure, observation status. */
export async function GET(request: Request) {
  await connection();
  return downloadResponse(request, await sdmxCodelistsFile(), {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": 'attachment; filename="dx-tracker-sdmx-codelists.csv"',
  });
}

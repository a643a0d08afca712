import { connection } from "next/server";
import { downloadResponse, publishedFiguresJson } from "@/lib/data/public-downloads";

/**
 * Every published figure as JSON, the same columns as the CSV; documented at /du-lieu. Public: no
 * session needed. Built once per publication, not per request (lib/data/public-downloads.ts).
 */
export async function GET(request: Request) {
  await connection();
  return downloadResponse(request, await publishedFiguresJson(), { "Content-Type": "application/json" });
}

import { connection } from "next/server";
import { getPublishedFigures, toFiguresJson } from "@/lib/data/public-figures";

/** Every published figure as JSON, the same columns as the CSV; documented at /du-lieu. Public: no session needed. */
export async function GET() {
  await connection();
  const payload = toFiguresJson(await getPublishedFigures(), new Date());
  return Response.json(payload, { headers: { "Cache-Control": "no-cache" } });
}

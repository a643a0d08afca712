import { connection } from "next/server";
import { handleProgrammeSchema, preflight } from "@/lib/open-data/handler";
import { openDataContext } from "@/lib/open-data/server";

/** The JSON Schema of a programme definition file (ADR 033), public at a stable address. */
export async function GET(request: Request) {
  await connection();
  return handleProgrammeSchema(openDataContext(), request);
}

export function OPTIONS() {
  return preflight();
}

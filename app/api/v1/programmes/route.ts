import { connection } from "next/server";
import { handleOpenData, preflight } from "@/lib/open-data/handler";
import { openDataContext } from "@/lib/open-data/server";

/** Open data, public: GET /api/v1/programmes (documented in /api/v1/openapi.json and at /du-lieu/api). */
export async function GET(request: Request) {
  await connection();
  return handleOpenData(openDataContext(), "programmes", request);
}

export function OPTIONS() {
  return preflight();
}

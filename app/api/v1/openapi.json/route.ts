import { connection } from "next/server";
import { handleOpenApi, preflight } from "@/lib/open-data/handler";
import { openDataContext } from "@/lib/open-data/server";

/** The OpenAPI 3.1 document of /api/v1, public. */
export async function GET(request: Request) {
  await connection();
  return handleOpenApi(openDataContext(), request);
}

export function OPTIONS() {
  return preflight();
}

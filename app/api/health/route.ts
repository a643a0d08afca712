import { NextResponse } from "next/server";
import { prisma } from "@/lib/db";

/** Liveness and database reachability, for the start script and monitoring. */
export async function GET() {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return NextResponse.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return NextResponse.json(
      { ok: false, error: "Không kết nối được cơ sở dữ liệu." },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}

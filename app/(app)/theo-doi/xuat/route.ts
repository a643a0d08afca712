/**
 * `GET /theo-doi/xuat?bang=tong-quan|phan-to|day-du&…`: a dashboard table as
 * .xlsx, with the page's own URL params. It checks the session and the
 * dashboard.read permission itself (the proxy's redirect is a convenience);
 * the workbook holds figures awaiting approval, so the public never gets it.
 */
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentActor } from "@/lib/auth/session";
import { authorizeRoute } from "@/lib/auth/actor";
import { programmeFilter } from "@/lib/data/programmes";
import { prisma } from "@/lib/db";
import { boundaryOfQuarter } from "@/lib/dashboard-context";
import {
  defaultDashboardQuarter,
  filterOverviewRows,
  loadDashboardOverview,
  loadDashboardQuarters,
  loadHasDemoData,
  loadLatestPublishedQuarter,
  sortOverviewByStatus,
} from "@/lib/data/dashboard";
import { loadCompleteness } from "@/lib/data/dashboard-completeness";
import { loadIndicatorBreakdown } from "@/lib/data/dashboard-indicator";
import { breakdownWorkbook, completenessWorkbook, overviewWorkbook } from "@/lib/export/dashboard-xlsx";
import { HOME_PROVINCE_CODE } from "@/lib/geography";
import { parseQuarter } from "@/lib/period/quarter";
import { BOUNDARIES, exportParamsSchema, statusList } from "@/lib/validations/dashboard";
import { z } from "zod";

export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** This export's own words for the common refusals; others (a pending password change) say assertCan's. */
const EXPORT_REFUSALS: Partial<Record<string, string>> = {
  UNAUTHENTICATED: "Cần đăng nhập để xuất số liệu.",
  FORBIDDEN: "Tài khoản của bạn không có quyền xem bảng điều hành.",
};

function problem(status: number, message: string) {
  return NextResponse.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function GET(request: NextRequest) {
  // assertCan's rules, as every entry point: a session, the permission, and no pending password change.
  const auth = authorizeRoute(await getCurrentActor(), "dashboard.read");
  if (auth.refused) return problem(auth.status, EXPORT_REFUSALS[auth.refused.code] ?? auth.refused.message);

  const parsed = exportParamsSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return problem(400, z.flattenError(parsed.error).formErrors[0] ?? Object.values(z.flattenError(parsed.error).fieldErrors).flat()[0] ?? "Yêu cầu không hợp lệ.");
  const params = parsed.data;
  const [quarters, latestPublished, demo] = await Promise.all([loadDashboardQuarters(prisma), loadLatestPublishedQuarter(prisma), loadHasDemoData(prisma)]);
  const provenance = { demo, generatedAt: new Date() };
  const key = defaultDashboardQuarter(quarters, latestPublished, params.ky);
  if (!key) return problem(404, "Chưa có kỳ báo cáo nào.");
  const quarter = parseQuarter(key)!;
  const boundary = BOUNDARIES[params["ranh-gioi"] ?? boundaryOfQuarter(quarter)];

  let buffer: Buffer;
  let name: string;
  switch (params.bang) {
    case "tong-quan": {
      // What is on screen: the page's filters and order.
      const programme = await programmeFilter(prisma, params["chuong-trinh"]);
      const overview = await loadDashboardOverview(prisma, { provinceCode: HOME_PROVINCE_CODE, asOf: quarter, programmeId: programme.chosen?.id ?? null });
      const filtered = filterOverviewRows(overview.rows, { group: params.nhom, status: statusList(params["trang-thai"]), department: params["co-quan"] });
      const rows = params["sap-xep"] === "trang-thai" ? sortOverviewByStatus(filtered, params.chieu === "giam") : filtered;
      buffer = await overviewWorkbook({ ...overview, rows }, provenance);
      name = `tong-quan-${key}`;
      break;
    }
    case "phan-to": {
      if (!params["chi-tieu"]) return problem(400, "Chọn chỉ tiêu cần xuất.");
      const b = await loadIndicatorBreakdown(prisma, {
        provinceCode: HOME_PROVINCE_CODE,
        boundary,
        indicatorCode: params["chi-tieu"],
        quarter,
        parentId: params["don-vi"] ?? null,
        sectorId: params["linh-vuc"] ?? null,
      });
      if (!b || !b.indicator.levels.some((l) => l !== "PROVINCE")) return problem(404, "Không có chỉ tiêu này theo đơn vị hành chính.");
      buffer = await breakdownWorkbook(b, provenance);
      name = `${params["chi-tieu"].toLowerCase()}-${key}`;
      break;
    }
    case "day-du": {
      buffer = await completenessWorkbook(await loadCompleteness(prisma, { provinceCode: HOME_PROVINCE_CODE, boundary, quarter, parentId: params["don-vi"] ?? null }), provenance);
      name = `tinh-hinh-bao-cao-${key}`;
      break;
    }
  }
  return new NextResponse(new Uint8Array(buffer), {
    headers: {
      "Content-Type": XLSX,
      "Content-Disposition": `attachment; filename="bang-dieu-hanh-${name}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}

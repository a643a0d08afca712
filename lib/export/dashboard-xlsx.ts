/**
 * The dashboard's tables as Excel workbooks (exceljs): Vietnamese headers, real
 * numbers with number formats (ratios as 0.00%, counts as #,##0) rather than
 * formatted text, so officials can sort and sum them; the same rows the pages show.
 * Each sheet says, above its header, where the numbers come from and when the
 * file was made, and in its title that it is demo data when it is; a last
 * sheet, "Nguồn", says it all again (issue #14, item 11).
 */
import "server-only";
import ExcelJS from "exceljs";
import type { DashboardIndicator, DashboardOverview } from "@/lib/data/dashboard";
import type { IndicatorBreakdown } from "@/lib/data/dashboard-indicator";
import { COMPLETENESS_LABELS, completenessState, type Completeness } from "@/lib/data/dashboard-completeness";
import { getDictionary } from "@/lib/i18n/dictionary";
import { formatGoal } from "@/lib/i18n/indicator-format";
import { formatQuarter, parseQuarter } from "@/lib/period/quarter";
import { REFORM_DATE } from "@/lib/geography";
import { STATUS_LABELS } from "@/lib/progress/progress";
import { goalLines, unitUnassessableText } from "@/lib/i18n/goal-lines";
import { DATA_SOURCE, DEMO_MARK } from "@/lib/export/provenance";
import { formatVietnamDateTime } from "@/lib/period/vietnam-time";

/** What the route knows about the file it serves: whether demo data is loaded, and when. */
export interface ExportProvenance {
  demo: boolean;
  generatedAt: Date;
}

const SUBMITTED_NOTE = "Bảng điều hành tính cả số liệu đã gửi, chưa duyệt (cột “Số liệu chờ duyệt”); số liệu chính thức là số đã duyệt, công bố ở trang công khai và dữ liệu mở.";

function provenanceLine(p: ExportProvenance): string {
  return `Nguồn: ${DATA_SOURCE.vi} Xuất lúc ${formatVietnamDateTime(p.generatedAt)} (giờ Việt Nam).`;
}

/** The workbook's properties and its last sheet, "Nguồn": what a reader of the file alone needs to know. */
function finish(wb: ExcelJS.Workbook, title: string, p: ExportProvenance): void {
  wb.creator = "Theo dõi chuyển đổi số";
  wb.title = p.demo ? `${title} — ${DEMO_MARK.vi}` : title;
  wb.subject = DATA_SOURCE.vi;
  wb.keywords = p.demo ? "demo" : "";
  wb.created = p.generatedAt;
  const ws = wb.addWorksheet("Nguồn");
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 110;
  const rows: [string, string][] = [
    ["Bảng", title],
    ["Dữ liệu minh họa", p.demo ? `Có — ${DEMO_MARK.vi}` : "Không"],
    ["Nguồn", DATA_SOURCE.vi],
    ["Số liệu chờ duyệt", SUBMITTED_NOTE],
    ["Phương pháp tính", "Trang “Phương pháp” của cổng công khai (/phuong-phap)."],
    ["Xuất lúc", `${formatVietnamDateTime(p.generatedAt)} (giờ Việt Nam)`],
  ];
  for (const r of rows) ws.addRow(r).alignment = { wrapText: true, vertical: "top" };
  ws.getColumn(1).font = { bold: true };
  if (p.demo) ws.getRow(2).font = { bold: true, color: { argb: "FFB91C1C" } };
}

const PERCENT = "0.00%";
const INTEGER = "#,##0";
const DECIMAL = "#,##0.00";
const quarterText = (k: string) => formatQuarter(parseQuarter(k)!, "vi");

interface Column {
  header: string;
  key: string;
  width?: number;
  numFmt?: string;
}

function sheet(wb: ExcelJS.Workbook, name: string, title: string, columns: Column[], p: ExportProvenance): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  // Row 1: the title, marked when the data is a demo; row 2: the source. The header stays on row 3.
  ws.addRow([p.demo ? `${title} — ${DEMO_MARK.vi}` : title]).font = p.demo ? { bold: true, size: 13, color: { argb: "FFB91C1C" } } : { bold: true, size: 13 };
  ws.addRow([provenanceLine(p)]).font = { italic: true, size: 9 };
  // Printed too: every page of a printout says where it comes from, and if it is a demo.
  ws.headerFooter = { oddFooter: `&L${p.demo ? DEMO_MARK.vi + " · " : ""}Theo dõi chuyển đổi số · ${formatVietnamDateTime(p.generatedAt)}&RTrang &P/&N` };
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? 14;
    if (c.numFmt) col.numFmt = c.numFmt;
  });
  ws.views = [{ state: "frozen", ySplit: 3 }];
  return ws;
}

/** A ratio is stored in percent (80.9 = 80,9%); Excel's % format wants the fraction. */
function cellValue(indicator: Pick<DashboardIndicator, "kind">, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return indicator.kind === "RATIO" || indicator.kind === "CHANGE_VS_BASELINE" ? value / 100 : value;
}
const fmtFor = (indicator: Pick<DashboardIndicator, "kind">) =>
  indicator.kind === "RATIO" || indicator.kind === "CHANGE_VS_BASELINE" ? PERCENT : indicator.kind === "COUNT" ? INTEGER : DECIMAL;

export async function overviewWorkbook(o: DashboardOverview, p: ExportProvenance): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const t = getDictionary("vi");
  const title = `Tiến độ các chỉ tiêu đến ${quarterText(o.asOf)} (gồm số liệu chờ duyệt)`;
  const ws = sheet(wb, "Tổng quan", title, [
    { header: "Mã chỉ tiêu", key: "code", width: 30 },
    { header: "Chỉ tiêu", key: "name", width: 50 },
    { header: "Nhóm", key: "group", width: 18 },
    { header: "Quý", key: "quarter", width: 12 },
    { header: "Giá trị mới nhất", key: "value" },
    { header: "Tử số", key: "num", numFmt: INTEGER },
    { header: "Mẫu số", key: "den", numFmt: INTEGER },
    { header: "Đơn vị đã báo cáo", key: "reported", numFmt: INTEGER },
    { header: "Đơn vị phải báo cáo", key: "expected", numFmt: INTEGER },
    { header: "Số liệu chờ duyệt", key: "submitted", numFmt: INTEGER },
    { header: "Mục tiêu 2025", key: "g25", width: 22 },
    { header: "Trạng thái 2025", key: "s25", width: 18 },
    { header: "Mục tiêu 2030", key: "g30", width: 22 },
    { header: "Trạng thái 2030", key: "s30", width: 18 },
    { header: "Thay đổi cần mỗi quý", key: "gain" },
    // Added at the end, so existing columns keep their places: what each status rests on, or why there is none.
    { header: "Căn cứ 2025", key: "b25", width: 60 },
    { header: "Căn cứ 2030", key: "b30", width: 60 },
    { header: "Cơ quan phụ trách", key: "dept", width: 36 },
  ], p);
  for (const r of o.rows) {
    const goal = (y: number) => r.goals.find((g) => g.year === y);
    const row = ws.addRow([
      r.key,
      r.indicator.nameVi + (r.sector ? ` — ${r.sector.nameVi}` : ""),
      t.groups[r.indicator.group],
      r.latest ? quarterText(r.latest.quarter) : null,
      cellValue(r.indicator, r.latest?.value),
      r.latest?.numerator ?? null,
      r.latest?.denominator ?? null,
      r.latest?.reported ?? null,
      r.latest?.expected ?? null,
      r.latest?.submitted ?? null,
      ...[2025, 2030].flatMap((y) => {
        const g = goal(y);
        return [
          g ? formatGoal(r.indicator, g.goal.target, "vi", t.card.qualitative) : null,
          g?.goal.assessment ? STATUS_LABELS[g.goal.assessment.status].vi : null,
        ];
      }),
      r.indicator.kind === "RATIO" && r.requiredQuarterlyGain !== null ? r.requiredQuarterlyGain / 100 : r.requiredQuarterlyGain,
      ...[2025, 2030].map((y) => {
        const g = goal(y);
        const lines = g ? goalLines(r.overview, g.goal, "vi", { gap: true }) : [];
        return lines.length > 0 ? lines.map((l) => l.text).join(" · ") : null;
      }),
      r.department?.nameVi ?? null,
    ]);
    row.getCell(5).numFmt = fmtFor(r.indicator);
    row.getCell(15).numFmt = fmtFor(r.indicator);
  }
  finish(wb, title, p);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function breakdownWorkbook(b: IndicatorBreakdown, p: ExportProvenance): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ind = b.indicator;
  const f = fmtFor(ind);
  const title = `${ind.nameVi} — ${quarterText(b.quarter)}, địa giới ${b.boundary < REFORM_DATE ? "trước" : "từ"} 01/07/2025`;
  const ws = sheet(wb, "Theo đơn vị", title, [
    { header: "Mã đơn vị", key: "code", width: 12 },
    { header: "Đơn vị", key: "name", width: 32 },
    { header: "Huyện", key: "parent", width: 24 },
    { header: "Giá trị", key: "value", numFmt: f },
    { header: "Tử số", key: "num", numFmt: INTEGER },
    { header: "Mẫu số", key: "den", numFmt: INTEGER },
    { header: `Giá trị ${quarterText(b.previousQuarter)}`, key: "prev", numFmt: f },
    { header: "Thay đổi", key: "delta", numFmt: f },
    { header: "Đơn vị đã báo cáo", key: "reported", numFmt: INTEGER },
    { header: "Đơn vị phải báo cáo", key: "expected", numFmt: INTEGER },
    { header: "Số liệu chờ duyệt", key: "submitted", numFmt: INTEGER },
    { header: "Trạng thái so với mục tiêu của cấp", key: "status", width: 22 },
    { header: "Có đơn vị cũ nhập một phần", key: "partial", width: 14 },
    { header: "Lý do không còn đánh giá được", key: "reason", width: 40 },
  ], p);
  const add = (
    code: string,
    name: string,
    parent: string | null,
    cur: IndicatorBreakdown["total"]["current"],
    prev: IndicatorBreakdown["total"]["previous"],
    delta: number | null,
    status: string | null,
    reason: string | null,
  ) =>
    ws.addRow([
      code,
      name,
      parent,
      cellValue(ind, cur?.value),
      cur?.numerator ?? null,
      cur?.denominator ?? null,
      cellValue(ind, prev?.value),
      cellValue(ind, delta),
      cur?.reported ?? 0,
      cur?.expected ?? 0,
      cur?.submitted ?? 0,
      status,
      cur?.partial ? "Có" : "Không",
      reason,
    ]);
  for (const u of b.units) {
    add(u.code, u.name, u.parentName, u.current, u.previous, u.delta, u.status ? STATUS_LABELS[u.status].vi : null, u.unassessable ? unitUnassessableText(u.unassessable, "vi") : null);
  }
  const total = add("", "Tổng", null, b.total.current, b.total.previous, null, null, null);
  total.font = { bold: true };
  finish(wb, title, p);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function completenessWorkbook(c: Completeness, p: ExportProvenance): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const title = `Tình hình báo cáo ${quarterText(c.quarter)}`;
  const byUnit = sheet(wb, "Theo đơn vị", title, [
    { header: "Mã đơn vị", key: "code", width: 12 },
    { header: "Đơn vị", key: "name", width: 32 },
    { header: "Tình trạng", key: "state", width: 18 },
    { header: "Đã báo cáo", key: "reported", numFmt: INTEGER },
    { header: "Phải báo cáo", key: "expected", numFmt: INTEGER },
    { header: "Tỷ lệ", key: "share", numFmt: PERCENT },
    { header: "Trễ hạn", key: "late", numFmt: INTEGER },
    { header: "Chờ duyệt", key: "submitted", numFmt: INTEGER },
    { header: "Còn thiếu", key: "missing", numFmt: INTEGER },
  ], p);
  for (const u of c.units) {
    const x = u.current;
    byUnit.addRow([u.code, u.name, COMPLETENESS_LABELS[completenessState(x)], x.reported, x.expected, x.expected ? x.reported / x.expected : null, x.late, x.submitted, Math.max(0, x.expected - x.reported)]);
  }
  const byDept = sheet(wb, "Theo sở ngành", `Tình hình báo cáo ${quarterText(c.quarter)} theo sở, ngành`, [
    { header: "Sở, ngành", key: "dept", width: 36 },
    { header: "Chỉ tiêu", key: "ind", width: 50 },
    { header: "Đã báo cáo", key: "reported", numFmt: INTEGER },
    { header: "Phải báo cáo", key: "expected", numFmt: INTEGER },
    { header: "Trễ hạn", key: "late", numFmt: INTEGER },
    { header: "Chờ duyệt", key: "submitted", numFmt: INTEGER },
    { header: "Còn thiếu", key: "missing", numFmt: INTEGER },
  ], p);
  for (const d of c.departments) {
    byDept.addRow([d.nameVi, "Tất cả", d.reported, d.expected, d.late, d.submitted, d.missing]).font = { bold: true };
    for (const i of d.indicators) byDept.addRow([d.nameVi, i.nameVi, i.reported, i.expected, i.late, i.submitted, i.missing]);
  }
  const heat = sheet(wb, "Bản đồ nhiệt", "Số liệu đã báo cáo / phải báo cáo theo đơn vị và quý", [
    { header: "Đơn vị", key: "name", width: 32 },
    ...c.quarters.flatMap((q) => [
      { header: `${quarterText(q)} đã báo cáo`, key: `${q}r`, numFmt: INTEGER },
      { header: `${quarterText(q)} phải báo cáo`, key: `${q}e`, numFmt: INTEGER },
    ]),
  ], p);
  for (const u of c.units) heat.addRow([u.name, ...u.cells.flatMap((x) => [x.reported, x.expected])]);
  finish(wb, title, p);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

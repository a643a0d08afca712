/**
 * One indicator's published figures as an Excel workbook (issue #16, item 8):
 * the download columns (FIGURE_COLUMNS) with numbers as numbers, so Excel in
 * any locale shows them with its own decimal mark, and a "Nguồn" sheet with
 * the source, the demo flag and every column's meaning.
 */
import ExcelJS from "exceljs";
import { FIGURE_COLUMNS } from "@/lib/data/figure-columns";
import type { PublishedFigureRow } from "@/lib/data/public-figures";
import { DATA_SOURCE, DEMO_MARK } from "./provenance";

export async function indicatorFiguresWorkbook(rows: readonly PublishedFigureRow[], meta: { code: string; nameVi: string; generatedAt: Date }): Promise<Buffer> {
  const demo = rows.some((r) => r.is_demo === "true");
  const wb = new ExcelJS.Workbook();
  wb.creator = "Theo dõi chuyển đổi số";
  wb.created = meta.generatedAt;
  wb.title = demo ? `${meta.nameVi} — ${DEMO_MARK.vi}` : meta.nameVi;
  wb.subject = DATA_SOURCE.vi;
  const ws = wb.addWorksheet("Số liệu", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = FIGURE_COLUMNS.map((c) => ({ header: c.name, key: c.name, width: c.type === "text" ? 24 : 14 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow(
      FIGURE_COLUMNS.map((c) => {
        const v = r[c.name];
        if (v === null) return null;
        if (c.type === "decimal" || c.type === "integer") return Number(v);
        if (c.type === "boolean") return v === "true";
        return v;
      }),
    );
  }
  FIGURE_COLUMNS.forEach((c, i) => {
    if (c.type === "decimal") ws.getColumn(i + 1).numFmt = "#,##0.####";
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FIGURE_COLUMNS.length } };

  const about = wb.addWorksheet("Nguồn");
  about.getColumn(1).width = 32;
  about.getColumn(2).width = 110;
  about.addRow(["Chỉ tiêu", `${meta.nameVi} (${meta.code})`]);
  about.addRow(["Dữ liệu minh họa", demo ? `Có — ${DEMO_MARK.vi}` : "Không"]).font = demo ? { bold: true, color: { argb: "FFB91C1C" } } : {};
  about.addRow(["Nguồn", DATA_SOURCE.vi]);
  about.addRow(["Tạo lúc (UTC)", meta.generatedAt.toISOString()]);
  about.addRow([]);
  about.addRow(["Cột", "Ý nghĩa"]).font = { bold: true };
  for (const c of FIGURE_COLUMNS) about.addRow([c.name, c.vi]);
  about.eachRow((r) => (r.alignment = { wrapText: true, vertical: "top" }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

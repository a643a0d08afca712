/**
 * Why the dashboard has fewer rows than the home page has goals, in one
 * sentence under the dashboard's goal summary (issue #14): both count goals
 * the same way (goalStatusCounts); the table has one row per indicator (per
 * sector), each with a 2025 and/or a 2030 goal.
 */
import { formatNumber } from "@/lib/format/number";
import type { GoalStatusCounts } from "@/lib/progress/target-overview";

export function overviewCountNote(goals: Pick<GoalStatusCounts, "numeric" | "qualitative">, rows: number): string {
  const n = (x: number) => formatNumber(x, "vi");
  return (
    `Trang chủ và bảng này đếm mục tiêu như nhau: ${n(goals.numeric + goals.qualitative)} mục tiêu ` +
    `(${n(goals.numeric)} có ngưỡng số, ${n(goals.qualitative)} định tính) thuộc ${n(rows)} dòng chỉ tiêu — ` +
    "mỗi dòng là một chỉ tiêu (chỉ tiêu theo ngành: một dòng mỗi ngành) với mục tiêu năm 2025 và/hoặc năm 2030. " +
    "Số bên cạnh mỗi trạng thái trong bộ lọc là số dòng có ít nhất một mục tiêu ở trạng thái đó. " +
    "Bảng này tính cả số liệu chờ duyệt, trang chủ chỉ tính số liệu đã duyệt, nên trạng thái ở hai nơi có thể khác nhau."
  );
}

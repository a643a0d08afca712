import { createPrismaClient } from "@/lib/db/client";
import { loadDashboardOverview, overviewStatement } from "@/lib/data/dashboard";
import { queryJson } from "@/lib/data/dashboard-sql";
const url = "postgresql://postgres@127.0.0.1:5432/dx_bench_national";
const db = createPrismaClient(url, { maxConnections: 5 });
const Q = { year: 2026, quarter: 3 } as const;
async function time(name: string, n: number, f: () => Promise<unknown>) { for (let i = 0; i < 5; i++) await f(); const c0 = process.cpuUsage(); const t = performance.now(); for (let i = 0; i < n; i++) await f(); const c = process.cpuUsage(c0); console.log(name, ((performance.now() - t) / n).toFixed(2), "ms/call wall,", ((c.user + c.system) / 1000 / n).toFixed(2), "ms/call node cpu"); }
const st = overviewStatement("19", Q);
await time("select 1", 40, () => db.$queryRaw`SELECT 1`);
await time("queryJson", 40, () => queryJson(db, st));
await time("overview", 40, () => loadDashboardOverview(db, { provinceCode: "19", asOf: Q }));
await db.$disconnect();

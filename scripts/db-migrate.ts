/** npm run db:migrate — applies prisma/migrations to DATABASE_URL, or to the embedded database. */
import { openDatabase } from "@/lib/db/bootstrap";
import { migrate } from "@/lib/db/migrate";

const target = await openDatabase();
try {
  console.log(`Cơ sở dữ liệu: ${target.describe}`);
  const result = await migrate(target.url, { log: (m) => console.log(m) });
  console.log(
    result.applied.length
      ? `Xong: áp dụng ${result.applied.length} migration mới (${result.alreadyApplied.length} đã có).`
      : `Không có gì để áp dụng: ${result.alreadyApplied.length} migration đã có.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await target.embedded?.stop();
}

/** npm run db:seed — loads the reference data (and, in demo mode, demo figures and accounts). */
import { openDatabase } from "@/lib/db/bootstrap";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";

const target = await openDatabase();
const prisma = createPrismaClient(target.url, { maxConnections: 2 });
try {
  console.log(`Cơ sở dữ liệu: ${target.describe}`);
  await migrate(target.url, { log: (m) => console.log(m) });
  await seedDatabase(prisma, { demo: target.demo, log: (m) => console.log(m) });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
  await target.embedded?.stop();
}

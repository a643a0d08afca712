/**
 * One migrated and seeded (demo) database for the integration run; tests that
 * need an empty database make their own with createScratchDatabase().
 */
import type { TestProject } from "vitest/node";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";
import { createScratchDatabase } from "./helpers/database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgres" | "embedded";
  }
}

export default async function setup(project: TestProject) {
  const db = await createScratchDatabase("run");
  await migrate(db.url);
  const prisma = createPrismaClient(db.url, { maxConnections: 2 });
  try {
    await seedDatabase(prisma, { demo: true });
  } finally {
    await prisma.$disconnect();
  }
  project.provide("databaseUrl", db.url);
  project.provide("databaseKind", db.kind);
  console.log(`integration tests on ${db.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite"}`);
  return async () => {
    await db.drop();
  };
}

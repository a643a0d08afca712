import { defineConfig } from "prisma/config";

// The URL is only needed by the migrate engine, which cannot be downloaded on
// every machine: our own `npm run db:migrate` applies prisma/migrations (ADR 002).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});

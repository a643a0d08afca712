/**
 * The common ground of the administration tests: a migrated, seeded scratch database with an
 * admin ("Quản trị") and an editor of SO_KHCN, and the check that a call was refused.
 */
import { expect } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { AuthError } from "@/lib/auth/errors";
import { DomainError } from "@/lib/actions/result";
import { createScratchDatabase, type ScratchDatabase } from "./database";

export interface AdminScratch {
  scratch: ScratchDatabase;
  db: PrismaClient;
  admin: Actor;
  editor: Actor;
}

export async function createAdminScratch(label: string, seed: { demo: boolean; now: Date }): Promise<AdminScratch> {
  const scratch = await createScratchDatabase(label);
  await migrate(scratch.url);
  const db = createPrismaClient(scratch.url, { maxConnections: 4 });
  await seedDatabase(db, seed);
  const a = await db.user.create({ data: { email: `admin@${label}.test`, name: "Quản trị", role: "ADMIN", passwordHash: "x" } });
  const khcn = await db.department.findUniqueOrThrow({ where: { code: "SO_KHCN" } });
  const e = await db.user.create({ data: { email: `editor@${label}.test`, name: "Nhập liệu", role: "EDITOR", departmentId: khcn.id, passwordHash: "x" } });
  return { scratch, db, admin: (await loadActor(db, a.id))!, editor: (await loadActor(db, e.id))! };
}

export async function dropAdminScratch(s: AdminScratch | undefined): Promise<void> {
  await s?.db.$disconnect();
  await s?.scratch.drop();
}

/** The error a refused call threw (a DomainError, or an AuthError for a refused actor); fails if it succeeded. */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error instanceof DomainError || error instanceof AuthError, String(error)).toBe(true);
  return error as DomainError;
}

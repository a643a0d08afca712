import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { defineWrite } from "./write";

const editor = { id: "u1", email: "a@b.vn", name: "A", role: "EDITOR", departmentId: 1, unitScopeIds: [] } as Actor;
const viewer = { ...editor, role: "VIEWER" } as Actor;
const mustChange = { ...editor, mustChangePassword: true } as Actor;
const schema = z.object({ value: z.number({ error: "Giá trị phải là một số." }) });

/** A client that records what the write did: the transaction it opened and the epoch read after it. */
function fakeDb(fail = false) {
  const steps: string[] = [];
  const tx = { marker: "tx" };
  const db = {
    $transaction: vi.fn(async (fn: (t: unknown) => Promise<unknown>, options?: unknown) => {
      steps.push(`begin ${JSON.stringify(options ?? null)}`);
      const result = await fn(tx);
      if (fail) throw new Error("serialization failure");
      steps.push("commit");
      return result;
    }),
    $queryRawUnsafe: vi.fn(async () => {
      steps.push("read epoch");
      return [];
    }),
  };
  return { db: db as unknown as PrismaClient, steps, tx };
}

describe("defineWrite", () => {
  const write = vi.fn(async (_tx: unknown, data: { value: number }, actor: Actor) => `${actor.id}:${data.value * 2}`);
  const service = defineWrite("figure.edit", schema, write, { timeout: 5_000 });

  it("authorises, parses, writes in one transaction with its options, then reads the cache epoch once committed", async () => {
    const { db, steps, tx } = fakeDb();
    expect(await service(db, editor, { value: 21 })).toBe("u1:42");
    expect(write).toHaveBeenLastCalledWith(tx, { value: 21 }, editor);
    expect(steps).toEqual(['begin {"timeout":5000}', "commit", "read epoch"]);
  });

  it("refuses before parsing or opening a transaction: permission first, a pending password change too", async () => {
    for (const actor of [viewer, mustChange]) {
      const { db, steps } = fakeDb();
      await expect(service(db, actor, { value: "x" })).rejects.toMatchObject({ name: "AuthError" });
      expect(steps).toEqual([]);
    }
  });

  it("refuses bad input with the schema's Vietnamese message per field, before any transaction", async () => {
    const { db, steps } = fakeDb();
    const error = await service(db, editor, { value: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "INVALID_INPUT", message: "Giá trị phải là một số.", fieldErrors: { value: ["Giá trị phải là một số."] } });
    expect(steps).toEqual([]);
  });

  it("does not read the epoch after a failed transaction", async () => {
    const { db, steps } = fakeDb(true);
    await expect(service(db, editor, { value: 1 })).rejects.toThrow("serialization failure");
    expect(steps).toEqual(['begin {"timeout":5000}']);
  });
});

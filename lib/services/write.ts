/**
 * The order of every write, in one place (house style; issue #17): the actor's
 * permission → the input parsed by the form's zod schema (Vietnamese messages
 * per field) → the write in one transaction (audit row included) → the cache
 * epoch its triggers made, taken once committed (ADR 015), so this instance's
 * next read is fresh and the others follow through LISTEN/NOTIFY.
 *
 * A service is a function of (db, actor, input): tests, the spreadsheet import
 * and scripts call it as the server action does (lib/actions/authorized-action.ts
 * adds only the session's actor and the ActionResult shape).
 *
 *   defineWrite   the whole order, for a service that is one transaction;
 *   authorizeInput + commitWrite   the same two steps apart, for a service that
 *                 does slow work in between (hashing a password, parsing a file)
 *                 or takes options.
 */
import type { z } from "zod";
import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { afterCommit } from "@/lib/cache/epoch";
import { parseInput } from "@/lib/validations/parse";

export type Tx = Prisma.TransactionClient;

/** What a server action wraps: a write by an actor from untrusted input. */
export type Service<R> = (db: PrismaClient, actor: Actor, input: unknown) => Promise<R>;

/** Prisma's interactive-transaction limits (milliseconds). */
export interface TxOptions {
  maxWait?: number;
  timeout?: number;
}

/** Refuses an actor without the permission (or with a password to change), then parses the input. */
export function authorizeInput<S extends z.ZodType>(actor: Actor | null, permission: Permission, schema: S, input: unknown): z.output<S> {
  assertCan(actor, permission);
  return parseInput(schema, input);
}

/** Runs the write in one transaction; once committed, takes the cache epoch it made. A failed write changes nothing. */
export function commitWrite<R>(db: PrismaClient, write: (tx: Tx) => Promise<R>, options?: TxOptions): Promise<R> {
  return afterCommit(db, db.$transaction(write, options));
}

/** A service that is one transaction: authorize → parse → write → epoch. */
export function defineWrite<S extends z.ZodType, R>(
  permission: Permission,
  schema: S,
  write: (tx: Tx, data: z.output<S>, actor: Actor) => Promise<R>,
  options?: TxOptions,
): Service<R> {
  return async (db, actor, input) => {
    const data = authorizeInput(actor, permission, schema, input);
    return commitWrite(db, (tx) => write(tx, data, actor), options);
  };
}

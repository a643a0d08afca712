/**
 * One round trip for several statements (ADR 009): asJson wraps named
 * sub-selects into one statement whose single row is a JSON document,
 * queryJson runs it — as a named prepared statement on the client's own pool
 * where the server keeps them — and turns column-listed parts back into
 * objects; memoStatement builds each distinct statement once. Generic: the
 * dashboard's SQL (lib/data/dashboard-sql.ts) is its user, not its content.
 */
import { createHash } from "node:crypto";
import { poolOf, type PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Several statements as one: PostgreSQL runs them as sub-selects (of the shared
 * CTEs `ctes`, when given) and returns one
 * JSON document (`one`: a single row, else an array of rows), so a data function
 * costs one round trip and one connection however many aggregates it needs.
 * A part with `cols` is sent as rows of bare arrays in that column order (no key
 * repeated on every row: the document is a third of the size, to build, send
 * and parse); queryJson turns them back into objects.
 */
export type JsonDocument = Prisma.Sql & {
  readonly columns: Readonly<Record<string, readonly string[]>>;
  /** The statement's text and name, computed once (Prisma.Sql rebuilds `text` on every read). */
  readonly prepared: { readonly text: string; readonly name: string };
};

export function asJson(parts: Record<string, { sql: Prisma.Sql; one?: boolean; cols?: readonly string[] }>, ctes?: Prisma.Sql): JsonDocument {
  const columns: Record<string, readonly string[]> = {};
  const fields = Object.entries(parts).map(([key, part]) => {
    if (!/^[a-zA-Z]+$/.test(key)) throw new Error(`bad key ${key}`);
    if (part.cols) {
      if (part.one || part.cols.some((c) => !/^[a-zA-Z]+$/.test(c))) throw new Error(`bad columns of ${key}`);
      columns[key] = part.cols;
      const row = part.cols.map((c) => `x."${c}"`).join(", ");
      return Prisma.sql`${Prisma.raw(`'${key}'`)}, (SELECT coalesce(json_agg(json_build_array(${Prisma.raw(row)})), '[]'::json) FROM (${part.sql}) x)`;
    }
    return part.one
      ? Prisma.sql`${Prisma.raw(`'${key}'`)}, (SELECT row_to_json(x) FROM (${part.sql}) x)`
      : Prisma.sql`${Prisma.raw(`'${key}'`)}, (SELECT coalesce(json_agg(x), '[]'::json) FROM (${part.sql}) x)`;
  });
  // As text: the driver hands over one string, parsed once by JSON.parse (measured faster than a json column through Prisma).
  // Shared CTEs (the scope, the periods, the cells) are planned and computed once for every part that reads them.
  const head = ctes ? Prisma.sql`WITH ${ctes} ` : Prisma.empty;
  const sql = Prisma.sql`${head}SELECT json_build_object(${Prisma.join(fields)})::text AS data`;
  const text = sql.text;
  return Object.assign(sql, { columns, prepared: { text, name: statementName(text) } });
}

/**
 * Runs an asJson statement and parses its document: on the client's own pool when
 * it has one (one statement, one string back — Prisma's per-query overhead was
 * most of a load under concurrency, ADR 009), else through Prisma.
 */
export async function queryJson<T>(db: PrismaClient, sql: JsonDocument): Promise<T> {
  const pool = poolOf(db);
  let text: string;
  if (pool) {
    // A named statement: each connection parses and plans the text once, then only binds and executes it
    // (the text, several kB, is not sent again; PostgreSQL keeps the plan — see statementName).
    const name = (await namedStatements(pool)) ? sql.prepared.name : undefined;
    const r = await pool.query<{ data: string }>({ name, text: sql.prepared.text, values: sql.values as unknown[] });
    text = r.rows[0]!.data;
  } else {
    const rows = await db.$queryRaw<{ data: string }[]>(sql);
    text = rows[0]!.data;
  }
  const doc = JSON.parse(text) as Record<string, unknown>;
  for (const [key, cols] of Object.entries(sql.columns)) {
    const rows = doc[key] as unknown[][];
    const toObject = rowConstructor(cols);
    const out = new Array<Record<string, unknown>>(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = toObject(rows[i]!);
    doc[key] = out;
  }
  return doc as T;
}

const constructors = new Map<string, (row: unknown[]) => Record<string, unknown>>();

/**
 * A function turning a bare array row into its object, as one object literal:
 * every row gets the same shape at once (V8 keeps one hidden class and fast
 * properties), instead of properties added one by one in a loop. The column
 * names are checked identifiers (asJson), so the generated source is safe.
 */
function rowConstructor(cols: readonly string[]): (row: unknown[]) => Record<string, unknown> {
  const key = cols.join(",");
  let make = constructors.get(key);
  if (make === undefined) {
    if (cols.some((c) => !/^[a-zA-Z]+$/.test(c))) throw new Error(`bad columns ${key}`);
    make = new Function("r", `return { ${cols.map((c, i) => `${c}: r[${i}]`).join(", ")} };`) as (row: unknown[]) => Record<string, unknown>;
    constructors.set(key, make);
  }
  return make;
}

const built = new Map<string, JsonDocument>();

/**
 * A statement built once per distinct input: the statements are pure functions
 * of their inputs, and composing several kB of SQL text (then hashing it for
 * its prepared-statement name) on every load was a measurable part of a
 * load's CPU under concurrency. `key` must determine the statement entirely.
 */
export function memoStatement(key: string, build: () => JsonDocument): JsonDocument {
  let doc = built.get(key);
  if (doc === undefined) {
    doc = build();
    if (built.size >= 2_000) built.delete(built.keys().next().value!);
    built.set(key, doc);
  }
  return doc;
}

const named = new WeakMap<object, Promise<boolean>>();

/**
 * Whether the pool's server keeps prepared statements per connection, as
 * PostgreSQL does. The embedded PGlite does not: pglite-socket serves every
 * connection from one session, so a statement one connection prepared would
 * collide with another's (and outlive a reconnect). Asked once per pool.
 * DATABASE_PREPARED_STATEMENTS=0 turns them off (e.g. behind a pooler in
 * transaction mode that does not track them).
 */
function namedStatements(pool: import("pg").Pool): Promise<boolean> {
  let answer = named.get(pool);
  if (answer === undefined) {
    answer =
      process.env.DATABASE_PREPARED_STATEMENTS === "0"
        ? Promise.resolve(false)
        : pool.query<{ v: string }>("SELECT version() AS v").then(
            (r) => !r.rows[0]!.v.includes("PGlite"),
            () => {
              named.delete(pool); // not answered (the server is not up yet?): unnamed this time, asked again next time
              return false;
            },
          );
    named.set(pool, answer);
  }
  return answer;
}

/**
 * The prepared-statement name of a statement text: a hash of the text, so the
 * same text always gets the same name on every connection and two texts never
 * share one (node-postgres prepares a name once per connection and refuses to
 * reuse it for another text). asJson computes it once per statement, and the
 * statements are built once per input (memoStatement).
 */
export function statementName(text: string): string {
  return `dx_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
}

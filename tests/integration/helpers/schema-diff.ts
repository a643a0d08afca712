/**
 * Compares the schema Prisma expects (the DMMF of prisma/schema.prisma, read by
 * Prisma's own schema parser compiled to WebAssembly, offline) with the schema a
 * database actually has after our SQL migrations: tables, columns, types,
 * nullability, primary keys, unique constraints, indexes, foreign keys and enums.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import type pg from "pg";

export interface TableShape {
  columns: Record<string, { type: string; nullable: boolean }>;
  primaryKey: string;
  uniques: string[];
  indexes: string[];
  foreignKeys: string[];
}

export interface SchemaShape {
  tables: Record<string, TableShape>;
  enums: Record<string, string[]>;
}

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
  uniqueFields: string[][];
}

interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: Array<{ name: string; dbName?: string | null; values: Array<{ name: string; dbName?: string | null }> }>;
    indexes: Array<{ model: string; type: "id" | "normal" | "unique" | "fulltext"; fields: Array<{ name: string }> }>;
  };
}

export function readDmmf(schemaText: string): Dmmf {
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schemaText]] }))) as Dmmf;
}

export function readProjectSchema(): string {
  return readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
}

function columnType(field: DmmfField): string {
  const native = field.nativeType;
  let base: string;
  if (field.kind === "enum") base = `"${field.type}"`;
  else if (native) {
    const [name, args] = native;
    const map: Record<string, string> = {
      VarChar: `character varying(${args[0]})`,
      Char: `character(${args[0]})`,
      Uuid: "uuid",
      Date: "date",
      Timestamptz: `timestamp(${args[0] ?? 6}) with time zone`,
      Timestamp: `timestamp(${args[0] ?? 6}) without time zone`,
      Decimal: `numeric(${args[0]},${args[1]})`,
      Text: "text",
      JsonB: "jsonb",
      Json: "json",
      SmallInt: "smallint",
      Integer: "integer",
      BigInt: "bigint",
    };
    base = map[name] ?? `unsupported native type ${name}`;
  } else {
    const map: Record<string, string> = {
      String: "text",
      Int: "integer",
      BigInt: "bigint",
      Boolean: "boolean",
      DateTime: "timestamp(3) without time zone",
      Decimal: "numeric(65,30)",
      Float: "double precision",
      Json: "jsonb",
      Bytes: "bytea",
    };
    base = map[field.type] ?? `unsupported type ${field.type}`;
  }
  return field.isList ? `${base}[]` : base;
}

const PRISMA_ON_DELETE: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

export function shapeFromDmmf(dmmf: Dmmf): SchemaShape {
  const tables: Record<string, TableShape> = {};
  const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
  const col = (model: DmmfModel, fieldName: string) => {
    const f = model.fields.find((x) => x.name === fieldName);
    return f?.dbName ?? fieldName;
  };
  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    const shape: TableShape = { columns: {}, primaryKey: "", uniques: [], indexes: [], foreignKeys: [] };
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields && field.relationFromFields.length > 0) {
          const target = models.get(field.type)!;
          const from = field.relationFromFields.map((f) => col(model, f)).join(",");
          const to = (field.relationToFields ?? []).map((f) => col(target, f)).join(",");
          // Prisma's default: Restrict for a required relation, SetNull for an optional one.
          const required = field.relationFromFields.every((f) => model.fields.find((x) => x.name === f)?.isRequired);
          const onDelete = PRISMA_ON_DELETE[field.relationOnDelete ?? (required ? "Restrict" : "SetNull")];
          shape.foreignKeys.push(`(${from}) -> ${target.dbName ?? target.name}(${to}) ON DELETE ${onDelete}`);
        }
        continue;
      }
      // Prisma creates scalar-list columns without NOT NULL.
      shape.columns[field.dbName ?? field.name] = {
        type: columnType(field),
        nullable: field.isList ? true : !field.isRequired,
      };
      if (field.isId) shape.primaryKey = col(model, field.name);
      if (field.isUnique) shape.uniques.push(col(model, field.name));
    }
    if (model.primaryKey) shape.primaryKey = model.primaryKey.fields.map((f) => col(model, f)).join(",");
    for (const fields of model.uniqueFields) shape.uniques.push(fields.map((f) => col(model, f)).join(","));
    tables[table] = shape;
  }
  for (const index of dmmf.datamodel.indexes) {
    if (index.type !== "normal") continue;
    const model = models.get(index.model)!;
    tables[model.dbName ?? model.name]!.indexes.push(index.fields.map((f) => col(model, f.name)).join(","));
  }
  for (const t of Object.values(tables)) {
    t.uniques.sort();
    t.indexes.sort();
    t.foreignKeys.sort();
  }
  const enums: Record<string, string[]> = {};
  for (const e of dmmf.datamodel.enums) enums[e.dbName ?? e.name] = e.values.map((v) => v.dbName ?? v.name);
  return { tables, enums };
}

const PG_ON_DELETE: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

export async function shapeFromDatabase(client: pg.Client): Promise<SchemaShape> {
  const tables: Record<string, TableShape> = {};
  const ignored = new Set(["_prisma_migrations"]);

  const columns = await client.query<{ table: string; column: string; type: string; nullable: boolean }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.relname, a.attnum`);
  for (const row of columns.rows) {
    if (ignored.has(row.table)) continue;
    tables[row.table] ??= { columns: {}, primaryKey: "", uniques: [], indexes: [], foreignKeys: [] };
    tables[row.table]!.columns[row.column] = { type: row.type, nullable: row.nullable };
  }

  // Partial indexes (WHERE …) are deliberate extras Prisma cannot express; they are listed apart.
  const indexes = await client.query<{ table: string; columns: string; unique: boolean; primary: boolean; partial: boolean }>(`
    SELECT t.relname AS table,
           string_agg(a.attname, ',' ORDER BY k.ord) AS columns,
           ix.indisunique AS unique, ix.indisprimary AS primary, ix.indpred IS NOT NULL AS partial
    FROM pg_index ix
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE n.nspname = current_schema()
    GROUP BY t.relname, ix.indexrelid, ix.indisunique, ix.indisprimary, ix.indpred`);
  for (const row of indexes.rows) {
    const table = tables[row.table];
    if (!table || row.partial) continue;
    if (row.primary) table.primaryKey = row.columns;
    else if (row.unique) table.uniques.push(row.columns);
    else table.indexes.push(row.columns);
  }

  const fks = await client.query<{ table: string; from: string; target: string; to: string; on_delete: string }>(`
    SELECT c.conrelid::regclass::text AS table,
           (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS from,
           c.confrelid::regclass::text AS target,
           (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS to,
           c.confdeltype AS on_delete
    FROM pg_constraint c
    JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = current_schema()`);
  const unquote = (s: string) => s.replace(/^"(.*)"$/, "$1");
  for (const row of fks.rows) {
    const table = tables[unquote(row.table)];
    if (!table) continue;
    table.foreignKeys.push(`(${row.from}) -> ${unquote(row.target)}(${row.to}) ON DELETE ${PG_ON_DELETE[row.on_delete]}`);
  }
  for (const t of Object.values(tables)) {
    t.uniques.sort();
    t.indexes.sort();
    t.foreignKeys.sort();
  }

  const enumRows = await client.query<{ name: string; value: string }>(`
    SELECT t.typname AS name, e.enumlabel AS value
    FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder`);
  const enums: Record<string, string[]> = {};
  for (const row of enumRows.rows) (enums[row.name] ??= []).push(row.value);
  return { tables, enums };
}

/** Every difference, in words; empty when the database matches the schema. */
export function diffShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const out: string[] = [];
  const names = new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)]);
  for (const name of [...names].sort()) {
    const e = expected.tables[name];
    const a = actual.tables[name];
    if (!e) {
      out.push(`table ${name}: in the database, not in schema.prisma`);
      continue;
    }
    if (!a) {
      out.push(`table ${name}: in schema.prisma, not in the database`);
      continue;
    }
    const cols = new Set([...Object.keys(e.columns), ...Object.keys(a.columns)]);
    for (const c of [...cols].sort()) {
      const ec = e.columns[c];
      const ac = a.columns[c];
      if (!ec) out.push(`${name}.${c}: column in the database, not in schema.prisma`);
      else if (!ac) out.push(`${name}.${c}: column in schema.prisma, not in the database`);
      else {
        if (ec.type !== ac.type) out.push(`${name}.${c}: type ${ac.type} in the database, ${ec.type} in schema.prisma`);
        if (ec.nullable !== ac.nullable)
          out.push(`${name}.${c}: ${ac.nullable ? "nullable" : "NOT NULL"} in the database, ${ec.nullable ? "optional" : "required"} in schema.prisma`);
      }
    }
    if (e.primaryKey !== a.primaryKey) out.push(`${name}: primary key (${a.primaryKey}) in the database, (${e.primaryKey}) in schema.prisma`);
    for (const [kind, ev, av] of [
      ["unique", e.uniques, a.uniques],
      ["index", e.indexes, a.indexes],
      ["foreign key", e.foreignKeys, a.foreignKeys],
    ] as const) {
      for (const x of ev) if (!av.includes(x)) out.push(`${name}: ${kind} ${x} in schema.prisma, not in the database`);
      for (const x of av) if (!ev.includes(x)) out.push(`${name}: ${kind} ${x} in the database, not in schema.prisma`);
    }
  }
  const enumNames = new Set([...Object.keys(expected.enums), ...Object.keys(actual.enums)]);
  for (const n of [...enumNames].sort()) {
    const ev = expected.enums[n]?.join(",");
    const av = actual.enums[n]?.join(",");
    if (ev !== av) out.push(`enum ${n}: (${av ?? "missing"}) in the database, (${ev ?? "missing"}) in schema.prisma`);
  }
  return out;
}

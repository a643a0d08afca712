import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
});

/** Runs fn in a transaction that is always rolled back, so the shared database stays as seeded. */
async function inRollback<T>(fn: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    return await fn();
  } finally {
    await client.query("ROLLBACK");
  }
}

describe("the database enforces the domain's invariants itself", () => {
  it("keeps the audit log append-only: INSERT works, UPDATE, DELETE and TRUNCATE are rejected", async () => {
    const inserted = await client.query(
      `INSERT INTO "AuditLog" ("actorLabel", action, "entityType", "entityId", after) VALUES ('test', 'TEST', 'Test', '1', '{"a":1}') RETURNING id`,
    );
    const id = inserted.rows[0].id;
    await expect(client.query(`UPDATE "AuditLog" SET action = 'HACKED' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM "AuditLog" WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(client.query(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    const still = await client.query(`SELECT action FROM "AuditLog" WHERE id = $1`, [id]);
    expect(still.rows[0].action).toBe("TEST");
  });

  async function anyCell() {
    const { rows } = await client.query(`
      SELECT i.id AS "indicatorId", u.id AS "unitId", p.id AS "periodId", i."responsibleDepartmentId" AS "departmentId"
      FROM "Indicator" i, "AdminUnit" u, "ReportingPeriod" p
      WHERE i.code = 'DVC_L4_SHARE' AND u.code = '19' AND p.year = 2026 AND p.quarter = 4
      ORDER BY u."validFrom" DESC LIMIT 1`);
    return rows[0] as { indicatorId: number; unitId: number; periodId: number; departmentId: number };
  }

  it("rejects a ratio whose numerator exceeds its denominator, and half a ratio", async () => {
    const cell = await anyCell();
    const insert = (num: number | null, den: number | null, value: number | null) =>
      client.query(
        `INSERT INTO "Figure" ("indicatorId", "unitId", "periodId", "departmentId", numerator, denominator, value, "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
        [cell.indicatorId, cell.unitId, cell.periodId, cell.departmentId, num, den, value],
      );
    await inRollback(async () => {
      await expect(insert(11, 10, null)).rejects.toThrow(/Figure_shape_check/);
    });
    await inRollback(async () => {
      await expect(insert(5, null, null)).rejects.toThrow(/Figure_shape_check/);
    });
    await inRollback(async () => {
      await expect(insert(5, 0, null)).rejects.toThrow(/Figure_shape_check/);
    });
    await inRollback(async () => {
      await expect(insert(null, null, null)).rejects.toThrow(/Figure_shape_check/);
    });
    await inRollback(async () => {
      await expect(insert(9, 10, null)).resolves.toBeDefined();
    });
  });

  it("allows one figure per indicator × unit × period even when there is no sector (NULLS NOT DISTINCT)", async () => {
    const cell = await anyCell();
    await inRollback(async () => {
      const insert = () =>
        client.query(
          `INSERT INTO "Figure" ("indicatorId", "unitId", "periodId", "departmentId", numerator, denominator, "updatedAt")
           VALUES ($1, $2, $3, $4, 1, 2, now())`,
          [cell.indicatorId, cell.unitId, cell.periodId, cell.departmentId],
        );
      await insert();
      await expect(insert()).rejects.toThrow(/Figure_indicatorId_unitId_periodId_sectorId_key/);
    });
  });

  it("identifies a unit by code and date: the same code may exist before and after the reform, not twice on one date", async () => {
    await inRollback(async () => {
      const insert = (validFrom: string) =>
        client.query(
          `INSERT INTO "AdminUnit" (code, name, type, level, "validFrom") VALUES ('99999', 'Xã Thử', 'Xã', 'COMMUNE', $1)`,
          [validFrom],
        );
      await insert("2019-01-01");
      await insert("2025-07-01");
      await expect(insert("2025-07-01")).rejects.toThrow(/AdminUnit_code_validFrom_key/);
    });
  });
});

import { createHash } from "node:crypto";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase } from "~/db/connection.server";
import { migrate, MigrationError, readMigrations } from "~/db/migrate.server";
import { currentSchema, migrationSql, schemaAtLastMigration } from "../../scripts/schema-engine";
import { createScratchDatabase, type ScratchDatabase } from "../setup/test-databases";

/** Everything about a schema that the app depends on, read from PostgreSQL's catalogue. */
async function describeSchema(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows;
    return {
      extensions: await q(`SELECT extname FROM pg_extension ORDER BY extname`),
      enums: await q(`
        SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public'
        GROUP BY t.typname ORDER BY t.typname`),
      columns: await q(`
        SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
               character_maximum_length, numeric_precision, numeric_scale
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`),
      indexes: await q(`
        SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
        ORDER BY tablename, indexname`),
      constraints: await q(`
        SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype,
               pg_get_constraintdef(c.oid) AS definition
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '"_prisma_migrations"'
          AND c.conrelid::regclass::text <> '_prisma_migrations'
        ORDER BY 1, 2`),
    };
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  let migratedUrl: string;
  let direct: ScratchDatabase;

  beforeAll(async () => {
    // This file's database was built by applying every migration with the app's migrator.
    migratedUrl = (await connectDatabase()).url;
    direct = await createScratchDatabase();
  });
  afterAll(() => direct.drop());

  it("produce exactly the schema that schema.prisma describes", async () => {
    // A database built straight from schema.prisma, as Prisma would create it…
    const client = new pg.Client({ connectionString: direct.url });
    await client.connect();
    await client.query(await migrationSql(direct.url, null, currentSchema()));
    await client.end();
    // …has the same tables, columns, types, defaults, indexes, keys and enums as this file's
    // database, which was built by applying every migration with the app's migrator.
    const fromMigrations = await describeSchema(migratedUrl);
    expect(fromMigrations.columns.length).toBeGreaterThan(100);
    expect(fromMigrations.enums.map((e) => e.name)).toContain("OrderStatus");
    expect(fromMigrations).toEqual(await describeSchema(direct.url));
  });

  it("leave nothing in schema.prisma for a new migration to do", async () => {
    expect(await migrationSql(direct.url, schemaAtLastMigration(), currentSchema())).toBe("");
  });

  it("would notice a schema that drifted from them", async () => {
    const scratch = await createScratchDatabase();
    try {
      await migrate(scratch.url);
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      await client.query(`ALTER TABLE "Product" DROP COLUMN "featured"`);
      await client.query(`DROP INDEX "Order_restAreaId_pickupCode_idx"`);
      await client.end();
      const drifted = await describeSchema(scratch.url);
      const expected = await describeSchema(migratedUrl);
      expect(drifted).not.toEqual(expected);
      expect(drifted.columns.length).toBe(expected.columns.length - 1);
      expect(drifted.indexes.map((i) => i.indexname)).not.toContain(
        "Order_restAreaId_pickupCode_idx",
      );
    } finally {
      await scratch.drop();
    }
  });

  it("are recorded in _prisma_migrations the way Prisma records them, and applied once", async () => {
    const client = new pg.Client({ connectionString: migratedUrl });
    await client.connect();
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
       FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await client.end();
    const onDisk = readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk.map((m) => m.name));
    for (const [index, row] of rows.entries()) {
      const sql = onDisk[index]?.sql ?? "";
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await migrate(migratedUrl)).toEqual([]);
  });

  it("roll a failing migration back whole and name it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "ks-migrations-"));
    const write = async (name: string, sql: string) => {
      await mkdir(path.join(dir, name));
      await writeFile(path.join(dir, name, "migration.sql"), sql);
    };
    await write("20260101000000_good", `CREATE TABLE "Kept" (id INT PRIMARY KEY);`);
    await write(
      "20260102000000_broken",
      `CREATE TABLE "HalfMade" (id INT PRIMARY KEY);\nINSERT INTO "Missing" VALUES (1);`,
    );
    const scratch = await createScratchDatabase();
    try {
      const failure = migrate(scratch.url, readMigrations(dir));
      await expect(failure).rejects.toBeInstanceOf(MigrationError);
      await expect(failure).rejects.toThrow(/20260102000000_broken failed and was rolled back/);
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      const tables = await client.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
      );
      const recorded = await client.query(`SELECT migration_name FROM "_prisma_migrations"`);
      await client.end();
      expect(tables.rows.map((r) => r.table_name)).toEqual(["Kept", "_prisma_migrations"]);
      expect(recorded.rows.map((r) => r.migration_name)).toEqual(["20260101000000_good"]);
    } finally {
      await scratch.drop();
    }
  });
});

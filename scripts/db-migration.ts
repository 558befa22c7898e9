// npm run db:migration -- <name>: writes the migration that takes the schema as the newest
// migration left it to prisma/schema.prisma as it is now, as Prisma's own schema engine writes it.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createPGlite, serveOnLoopback } from "~/db/embedded.server";
import { MIGRATIONS_DIR } from "~/db/migrate.server";
import { currentSchema, migrationSql, schemaAtLastMigration, SNAPSHOT_FILE } from "./schema-engine";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower case letters, digits and _)");
  process.exit(1);
}

const scratch = await serveOnLoopback(await createPGlite());
try {
  const schema = currentSchema();
  const sql = await migrationSql(scratch.url, schemaAtLastMigration(), schema);
  if (sql.trim() === "") {
    console.log("prisma/schema.prisma needs no migration: nothing written.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "migration.sql"), sql);
    writeFileSync(path.join(folder, SNAPSHOT_FILE), schema);
    console.log(
      `Wrote ${path.relative(process.cwd(), folder)}/migration.sql — read it before committing.`,
    );
  }
} finally {
  await scratch.stop();
}

// npm run db:migration -- <name>: writes the migration that takes the existing migrations to the
// current prisma/schema.prisma, computed by Prisma's own schema engine on a scratch database.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { serveOnLoopback } from "~/db/embedded.server";
import { MIGRATIONS_DIR, migrate } from "~/db/migrate.server";
import { sqlToReachSchema } from "./schema-engine";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower case letters, digits and _)");
  process.exit(1);
}

const scratch = await serveOnLoopback(await PGlite.create());
try {
  await migrate(scratch.url);
  const sql = await sqlToReachSchema(scratch.url);
  if (sql.trim() === "") {
    console.log("prisma/schema.prisma already matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(process.cwd(), folder)}/migration.sql`);
  }
} finally {
  await scratch.stop();
}

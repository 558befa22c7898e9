// Runs before each integration test file: points the app at a fresh copy of the migrated
// template, before the file imports anything that connects.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { createPGlite } from "~/db/embedded.server";
import { closeDatabase } from "~/db/connection.server";
import { createScratchDatabase } from "./test-databases";

const dataDir = await mkdtemp(path.join(os.tmpdir(), "ks-test-"));
process.env.DATA_DIR = dataDir;
process.env.NODE_ENV = "test";

const templateDatabase = inject("templateDatabase");
let dropDatabase: (() => Promise<void>) | undefined;
if (templateDatabase) {
  const database = await createScratchDatabase(templateDatabase);
  process.env.DATABASE_URL = database.url;
  dropDatabase = database.drop;
} else {
  delete process.env.DATABASE_URL;
  const snapshot = new Blob([await readFile(inject("templateSnapshot"))]);
  const db = await createPGlite({ dataDir: path.join(dataDir, "pglite"), loadDataDir: snapshot });
  await db.close();
}

afterAll(async () => {
  await closeDatabase();
  await dropDatabase?.();
  await rm(dataDir, { recursive: true, force: true });
});

// Runs once before the integration tests: builds a migrated database that each test file
// copies, so no file pays for initdb and the migrations again.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPGlite, serveOnLoopback } from "~/db/embedded.server";
import { migrate } from "~/db/migrate.server";
import { adminQuery, serverUrl } from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: path of a gzip snapshot of a migrated data folder. */
    templateSnapshot: string;
    /** PostgreSQL: name of a migrated template database. */
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  if (serverUrl) {
    const name = `ks_template_${process.pid}`;
    await adminQuery(`DROP DATABASE IF EXISTS "${name}"`);
    await adminQuery(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await migrate(url.toString());
    project.provide("templateDatabase", name);
    project.provide("templateSnapshot", "");
    return () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "ks-template-"));
  const db = await createPGlite();
  const served = await serveOnLoopback(db);
  await migrate(served.url);
  const snapshot = path.join(dir, "migrated.tar.gz");
  await writeFile(snapshot, Buffer.from(await (await db.dumpDataDir("gzip")).arrayBuffer()));
  await served.stop();
  project.provide("templateSnapshot", snapshot);
  project.provide("templateDatabase", "");
  return () => rm(dir, { recursive: true, force: true });
}

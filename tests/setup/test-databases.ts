// Databases for tests: the embedded PGlite by default, a real PostgreSQL server when
// TEST_DATABASE_URL names one (CI runs the integration tests both ways).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPGlite, serveOnLoopback } from "~/db/embedded.server";

export const serverUrl = process.env.TEST_DATABASE_URL || undefined;

export type ScratchDatabase = { url: string; drop(): Promise<void> };

/** An empty database of its own (no tables, no migrations). */
export async function createScratchDatabase(template?: string): Promise<ScratchDatabase> {
  if (!serverUrl) {
    const served = await serveOnLoopback(await createPGlite());
    return { url: served.url, drop: () => served.stop() };
  }
  const name = `ks_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

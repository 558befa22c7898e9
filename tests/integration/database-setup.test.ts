// What a person starting the app sees when the database set-up is wrong: one clear line and a
// non-zero exit, never a stack trace, never a half-created database.
import { execFile } from "node:child_process";
import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "~/db/embedded.server";
import { DatabaseSetupError } from "~/db/errors.server";

const run = promisify(execFile);

async function migrateWith(env: Record<string, string | undefined>) {
  const result = await run("npx", ["tsx", "scripts/db-migrate.ts"], {
    env: { ...process.env, DATABASE_URL: undefined, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  return { ...result, stderr: result.stderr.trim() };
}

describe("database set-up", () => {
  it("refuses a second process on a data folder that is in use, with one clear line", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "ks-locked-"));
    const held = await startEmbeddedDatabase(dataDir);
    try {
      const result = await migrateWith({ DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `Error: The data folder ${dataDir} is in use by another process (pid ${process.pid}). ` +
          `Stop that process, or set DATA_DIR to another folder.`,
      );
    } finally {
      await held.stop();
    }
    // Once the holder has stopped, the folder opens again.
    const reopened = await startEmbeddedDatabase(dataDir);
    await reopened.stop();
  });

  it("refuses to open a data folder twice, even from the same process", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "ks-locked-"));
    const held = await startEmbeddedDatabase(dataDir);
    try {
      // The lock names this very process; a second open must still be refused.
      await expect(startEmbeddedDatabase(dataDir)).rejects.toBeInstanceOf(DatabaseSetupError);
    } finally {
      await held.stop();
    }
  });

  it("explains a malformed DATABASE_URL and creates nothing", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "ks-bad-url-"));
    const result = await migrateWith({
      DATABASE_URL: "mysql://shop@localhost/shop",
      DATA_DIR: dataDir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "Error: DATABASE_URL is not a PostgreSQL URL (expected postgresql://user:password@host:5432/database); unset it to use the embedded database",
    );
    expect(await readdir(dataDir)).toEqual([]);
  });

  it("explains an unreachable server", async () => {
    const result = await migrateWith({ DATABASE_URL: "postgresql://shop:secret@127.0.0.1:1/shop" });
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^Error: Cannot reach the database at 127\.0\.0\.1:1\/shop: .*ECONNREFUSED/,
    );
    expect(result.stderr).not.toContain("secret");
  });
});

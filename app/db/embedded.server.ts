import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { DatabaseSetupError } from "./errors.server";

/** Connections the socket server accepts; above the pg pool size, so a reconnect after an error fits. */
const MAX_SOCKET_CONNECTIONS = 24;

export type EmbeddedDatabase = {
  /** A postgresql:// URL for the loopback socket server in front of PGlite. */
  url: string;
  stop(): Promise<void>;
};

/**
 * Opens PostgreSQL-in-WebAssembly (PGlite) on a data folder and serves it on a loopback port, so
 * the app reaches it through the same driver as a real PostgreSQL server. PGlite itself has no
 * guard against two processes opening one folder (which corrupts it), hence the lock file.
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const pgDir = path.join(dataDir, "pglite");
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = lockDataDir(dataDir);
  try {
    const served = await serveOnLoopback(await createPGlite({ dataDir: pgDir }));
    return {
      url: served.url,
      async stop() {
        await served.stop();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw new DatabaseSetupError(
      `Could not open the embedded database in ${pgDir}: ${errorMessage(error)}. ` +
        `If the folder is damaged, move it away (or run npm run db:reset) and start again.`,
    );
  }
}

/**
 * A PGlite instance with the extensions the schema uses (pg_trgm for typo-tolerant search),
 * on a data folder, from a snapshot, or in memory when neither is given.
 */
export function createPGlite(
  options: { dataDir?: string; loadDataDir?: Blob } = {},
): Promise<PGlite> {
  return PGlite.create({ ...options, extensions: { pg_trgm } });
}

/** Serves a PGlite instance (on disk or in memory) to ordinary PostgreSQL clients on 127.0.0.1. */
export async function serveOnLoopback(db: PGlite): Promise<EmbeddedDatabase> {
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: 0,
    maxConnections: MAX_SOCKET_CONNECTIONS,
  });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

function lockDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, "pglite.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        rmSync(lockPath, { force: true });
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if (!isErrno(error, "EEXIST")) throw error;
      const holder = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        throw new DatabaseSetupError(
          `The data folder ${path.resolve(dataDir)} is in use by another process (pid ${holder}). ` +
            `Stop that process, or set DATA_DIR to another folder.`,
        );
      }
      // The process that held the lock is gone (a crash or kill -9): the lock is stale.
      rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseSetupError(`Could not lock the data folder ${path.resolve(dataDir)}.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, "EPERM");
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

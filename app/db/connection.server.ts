import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { readConfig } from "~/config.server";
import { PrismaClient } from "~/generated/prisma/client";
import { startEmbeddedDatabase } from "./embedded.server";
import { DatabaseSetupError } from "./errors.server";

export type Database = {
  prisma: PrismaClient;
  /** The connection string, for tools that need their own connection (the migrator). */
  url: string;
  embedded: boolean;
  close(): Promise<void>;
};

// One database per process, kept on globalThis: the server bundle and the scripts that load it
// (start, migrate, seed) each carry a copy of this module, and Vite's dev server reloads modules.
const globalKey = Symbol.for("karya-sungging.database");
type GlobalWithDatabase = typeof globalThis & { [globalKey]?: Promise<Database> };

/** Connects once per process: to DATABASE_URL when set, otherwise to the embedded database. */
export function connectDatabase(): Promise<Database> {
  const store = globalThis as GlobalWithDatabase;
  store[globalKey] ??= openDatabase().catch((error: unknown) => {
    delete store[globalKey];
    throw error;
  });
  return store[globalKey];
}

export async function closeDatabase(): Promise<void> {
  const store = globalThis as GlobalWithDatabase;
  const pending = store[globalKey];
  delete store[globalKey];
  if (pending) await (await pending).close();
}

async function openDatabase(): Promise<Database> {
  const config = readConfig();
  const embedded = config.DATABASE_URL
    ? undefined
    : await startEmbeddedDatabase(path.resolve(config.DATA_DIR));
  const url = embedded?.url ?? (config.DATABASE_URL as string);
  try {
    await probe(url);
  } catch (error) {
    await embedded?.stop();
    throw new DatabaseSetupError(
      `Cannot reach the database at ${describeServer(url)}: ${describeError(error)}. ` +
        `Start the server or correct DATABASE_URL (unset it to use the embedded database).`,
    );
  }
  // One connection to the embedded database: PGlite runs one query at a time anyway, and its
  // socket server was seen to interleave the protocol messages of concurrent connections (a
  // Bind of one matched to the Parse of another). The pool queues the requests instead.
  const prisma = new PrismaClient({
    adapter: new PrismaPg({
      connectionString: url,
      max: embedded ? 1 : config.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: 30_000,
    }),
  });
  const close = async () => {
    await prisma.$disconnect();
    await embedded?.stop();
  };
  return { prisma, url, embedded: embedded !== undefined, close };
}

/** host:port/database without the password, for messages. */
export function describeServer(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}

/** One connection and one query, with the driver's own error if either fails. */
async function probe(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => undefined);
  }
}

function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0)
    return describeError(error.errors[0]);
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const message = error.message.split("\n")[0] ?? "";
  if (code && !message.includes(code)) return `${code} ${message}`.trim();
  return message || code || error.name;
}

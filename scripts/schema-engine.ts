// Prisma's schema engine, compiled to WebAssembly, used for what its CLI cannot do on machines
// that cannot download the native engine: writing the SQL of a migration. It diffs two schema
// files (it cannot introspect a live database through a driver adapter), so each migration keeps
// a copy of the schema it reaches, prisma/migrations/<name>/schema.prisma, to diff from next time.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineModule from "@prisma/schema-engine-wasm/schema_engine_bg";
import { MIGRATIONS_DIR, readMigrations } from "~/db/migrate.server";

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const SNAPSHOT_FILE = "schema.prisma";

type WasmExports = WebAssembly.Exports & { __wbindgen_start?: () => void };
type Bindings = typeof engineModule & { __wbg_set_wasm(exports: WebAssembly.Exports): void };

let loaded: Promise<void> | undefined;

// The package's own entry imports the .wasm file as an ES module, which Node cannot do yet.
function loadEngine(): Promise<void> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bytes = readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const imports = { "./schema_engine_bg.js": engineModule } as unknown as WebAssembly.Imports;
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    (engineModule as Bindings).__wbg_set_wasm(instance.exports);
    (instance.exports as WasmExports).__wbindgen_start?.();
  })();
  return loaded;
}

export function currentSchema(): string {
  return readFileSync(SCHEMA_PATH, "utf8");
}

/** The schema as the newest migration left it, or null when there is no migration yet. */
export function schemaAtLastMigration(): string | null {
  const last = readMigrations().at(-1);
  if (!last) return null;
  const file = path.join(MIGRATIONS_DIR, last.name, SNAPSHOT_FILE);
  if (!existsSync(file)) throw new Error(`${file} is missing: every migration keeps its schema.`);
  return readFileSync(file, "utf8");
}

/**
 * The SQL that takes a database shaped by `from` (a schema's text, or null for an empty
 * database) to `to`, exactly as `prisma migrate diff --script` writes it; "" when nothing differs.
 * The engine needs a database connection to know the server, though it reads nothing from it.
 */
export async function migrationSql(url: string, from: string | null, to: string): Promise<string> {
  await loadEngine();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
  const engine = await engineModule.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
  const files = (content: string) => [{ path: SCHEMA_PATH, content }];
  try {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: files(from) },
      to: { tag: "schemaDatamodel", files: files(to) },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const script = result.stdout ?? "";
    return script.includes("empty migration") ? "" : script;
  } finally {
    engine.free();
  }
}

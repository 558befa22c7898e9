// Prisma's schema engine, compiled to WebAssembly, used for what its CLI cannot do on machines
// that cannot download the native engine: writing migrations and checking them against the schema.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineModule from "@prisma/schema-engine-wasm/schema_engine_bg";

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");

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

/**
 * The SQL that takes the database at `url` to the schema in schema.prisma, exactly as
 * `prisma migrate diff --from-url … --to-schema … --script` writes it; empty when they agree.
 */
export async function sqlToReachSchema(
  url: string,
  from: "database" | "empty" = "database",
): Promise<string> {
  await loadEngine();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
  const engine = await engineModule.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
  try {
    const result = await engine.diff({
      from: from === "empty" ? { tag: "empty" } : { tag: "url", url },
      to: {
        tag: "schemaDatamodel",
        files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, "utf8") }],
      },
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

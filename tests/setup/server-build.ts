// The production build (`npm run build`) for tests that drive the whole app over HTTP, as
// `npm start` serves it. Built once when missing or older than any source file.
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SERVER_ENTRY = path.join(ROOT, "build/server/index.js");
const SOURCES = ["app", "public", "vite.config.ts", "remix.config.js", "package-lock.json"];

function newestChange(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    newest = Math.max(newest, newestChange(path.join(entry, child)));
  }
  return newest;
}

function builtAt(): number | null {
  try {
    return statSync(SERVER_ENTRY).mtimeMs;
  } catch {
    return null;
  }
}

export async function productionBuild(): Promise<{ build: ServerBuild; clientDirectory: string }> {
  const built = builtAt();
  const sourcesChanged = Math.max(...SOURCES.map((s) => newestChange(path.join(ROOT, s))));
  if (built === null || built < sourcesChanged) {
    execFileSync("npx", ["remix", "vite:build"], { cwd: ROOT, stdio: "ignore" });
  }
  const build = (await import(pathToFileURL(SERVER_ENTRY).href)) as ServerBuild;
  return { build, clientDirectory: path.join(ROOT, "build/client") };
}

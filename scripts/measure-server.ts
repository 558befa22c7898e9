// Starts the production build on a seeded database for a measuring script (bench, lighthouse):
// the embedded database in a fresh folder under .cache, or DATABASE_URL's PostgreSQL server.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

export type MeasureServer = {
  base: string;
  stop: () => void;
  /** Kills the server's whole process group with SIGKILL, as a crash would, and waits for it. */
  kill: () => Promise<void>;
};

export async function startMeasureServer({
  port,
  name,
  env = {},
  build = !process.argv.includes("--no-build"),
  keepData = false,
}: {
  port: number;
  /** The embedded database's folder under .cache. */
  name: string;
  env?: Record<string, string>;
  /** Builds first; `--no-build` on the command line turns it off. */
  build?: boolean;
  /** Starts on the embedded database left by the last run (a restart), instead of a fresh one. */
  keepData?: boolean;
}): Promise<MeasureServer> {
  if (build) {
    const built = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const dataDir = `.cache/${name}`;
  if (!process.env.DATABASE_URL && !keepData) rmSync(dataDir, { recursive: true, force: true });
  const server = spawn("npx", ["tsx", "scripts/server.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const running = () => server.exitCode === null && server.signalCode === null;
  const stop = () => {
    if (server.pid && running()) process.kill(-server.pid, "SIGTERM");
  };
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const kill = async () => {
    if (server.pid && running()) process.kill(-server.pid, "SIGKILL");
    await exited;
  };
  process.on("exit", stop);

  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (!running())
      throw new Error(`The server exited on start (${server.signalCode ?? server.exitCode})`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, stop, kill };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop();
  throw new Error("The server did not start within 5 minutes");
}

/** A product page's path, as the catalogue links it. */
export async function someProductPath(base: string): Promise<string> {
  const catalogue = await (await fetch(`${base}/products`)).text();
  const productPath = /href="(\/products\/[a-z0-9-]+)"/.exec(catalogue)?.[1];
  if (!productPath) throw new Error("No product link on /products");
  return productPath;
}

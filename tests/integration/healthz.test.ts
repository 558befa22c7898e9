import { describe, expect, it } from "vitest";
import { closeDatabase } from "~/db/connection.server";
import { loader } from "~/routes/healthz";
import { adminQuery, serverUrl } from "../setup/test-databases";

/** Makes this file's database stop answering, as a crashed or unreachable server would. */
async function takeDatabaseDown(): Promise<void> {
  if (!serverUrl) {
    await closeDatabase();
    return;
  }
  const name = new URL(process.env.DATABASE_URL ?? "").pathname.slice(1);
  await adminQuery(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
  await adminQuery(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`,
  );
}

describe("/healthz", () => {
  it("answers 200 while the database answers, and 503 once it does not", async () => {
    const healthy = await loader();
    expect(healthy.status).toBe(200);
    expect(healthy.headers.get("Cache-Control")).toBe("no-store");

    await takeDatabaseDown();
    const errors: string[] = [];
    const original = console.error;
    console.error = (line: string) => errors.push(line);
    try {
      const down = await loader();
      expect(down.status).toBe(503);
      expect(await down.text()).toBe("database unavailable");
    } finally {
      console.error = original;
    }
    // The failure is logged as one JSON line with its context, for whoever is on call.
    expect(errors).toHaveLength(1);
    expect(JSON.parse(errors[0] ?? "{}")).toMatchObject({ level: "error", where: "healthz" });
  });
});

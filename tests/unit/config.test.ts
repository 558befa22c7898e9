import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "~/config.server";

describe("readConfig", () => {
  it("runs on the embedded database in ./data on port 3000 when nothing is set", () => {
    const config = readConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: "./data", NODE_ENV: "development" });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("accepts a PostgreSQL server", () => {
    const url = "postgresql://shop:secret@db.internal:5432/karya";
    expect(readConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    expect(readConfig({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names each problem on its own line", () => {
    expect(() => readConfig({ DATABASE_URL: "file:./dev.db", PORT: "eighty" })).toThrow(
      ConfigError,
    );
    try {
      readConfig({ DATABASE_URL: "file:./dev.db", PORT: "eighty" });
    } catch (error) {
      const lines = (error as Error).message.split("\n");
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^PORT /);
      expect(lines[1]).toMatch(/^DATABASE_URL is not a PostgreSQL URL/);
    }
  });
});

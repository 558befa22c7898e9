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

  it("keeps ten PostgreSQL connections per process unless told otherwise, and refuses nonsense", () => {
    expect(readConfig({}).DATABASE_POOL_SIZE).toBe(10);
    expect(readConfig({ DATABASE_POOL_SIZE: "4" }).DATABASE_POOL_SIZE).toBe(4);
    for (const wrong of ["0", "-1", "2.5", "many", "500"]) {
      expect(() => readConfig({ DATABASE_POOL_SIZE: wrong })).toThrow(/^DATABASE_POOL_SIZE /);
    }
  });

  it("builds links from PUBLIC_URL, or from this machine's port when it is not set", () => {
    expect(readConfig({ PORT: "4000" }).publicUrl).toBe("http://localhost:4000");
    expect(readConfig({ PUBLIC_URL: "https://karyasungging.id/" }).publicUrl).toBe(
      "https://karyasungging.id",
    );
    expect(() => readConfig({ PUBLIC_URL: "karyasungging.id" })).toThrow(/^PUBLIC_URL /);
  });

  it("sends cookies over HTTPS only in production, unless told otherwise", () => {
    expect(readConfig({}).secureCookies).toBe(false);
    expect(readConfig({ NODE_ENV: "production" }).secureCookies).toBe(true);
    expect(readConfig({ NODE_ENV: "production", COOKIE_SECURE: "false" }).secureCookies).toBe(
      false,
    );
    expect(() => readConfig({ COOKIE_SECURE: "yes" })).toThrow(
      /^COOKIE_SECURE must be true or false/,
    );
  });

  it("limits sign-in attempts to 10 and other changes to 100 a minute unless configured", () => {
    expect(readConfig({})).toMatchObject({
      RATE_LIMIT_AUTH_PER_MINUTE: 10,
      RATE_LIMIT_MUTATIONS_PER_MINUTE: 100,
      TRUST_PROXY: 0,
      SESSION_DAYS: 30,
    });
    expect(() => readConfig({ RATE_LIMIT_AUTH_PER_MINUTE: "0" })).toThrow(
      /^RATE_LIMIT_AUTH_PER_MINUTE /,
    );
  });

  it("offers card payments only when both Stripe keys are set, and says so when one is missing", () => {
    expect(readConfig({}).stripe).toBeNull();
    expect(
      readConfig({ STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" }).stripe,
    ).toEqual({ secretKey: "sk_test_abc", webhookSecret: "whsec_abc", apiUrl: null });
    expect(() => readConfig({ STRIPE_SECRET_KEY: "sk_test_abc" })).toThrow(
      /^STRIPE_WEBHOOK_SECRET and STRIPE_SECRET_KEY go together/,
    );
    expect(() =>
      readConfig({ STRIPE_SECRET_KEY: "pk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" }),
    ).toThrow(/^STRIPE_SECRET_KEY must start with sk_test_/);
    expect(() => readConfig({ PAYMENT_MINUTES: "10" })).toThrow(/^PAYMENT_MINUTES /);
  });
});

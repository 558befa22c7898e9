import { z } from "zod";

const postgresUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname !== "";
  } catch {
    return false;
  }
}, "is not a PostgreSQL URL (expected postgresql://user:password@host:5432/database); unset it to use the embedded database");

/** An optional setting, where an empty value means unset. */
function optionalText<T extends z.ZodTypeAny>(inner: T) {
  return z.preprocess((v) => (v === "" ? undefined : v), inner.optional());
}

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Where the embedded database and uploaded images live. */
    DATA_DIR: z.string().min(1).default("./data"),
    /** A PostgreSQL server; without it the app runs on the embedded database in DATA_DIR. */
    DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), postgresUrl.optional()),
    /** The address buyers reach the shop at; links in messages (reset, invitation) start with it. */
    PUBLIC_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .url("is not a URL (expected e.g. https://karyasungging.id)")
        .refine((v) => /^https?:/.test(v), "must start with http:// or https://")
        .optional(),
    ),
    /** Hops of reverse proxies in front of the app whose X-Forwarded-For is trusted (0: none). */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /** Sign-in, sign-up and password-reset attempts per client and minute. */
    RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    /** Other form submissions (cart, account, admin) per client and minute. */
    RATE_LIMIT_MUTATIONS_PER_MINUTE: z.coerce.number().int().min(1).default(100),
    /** Cookies only over HTTPS; on by default in production. */
    COOKIE_SECURE: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(["true", "false"], { message: "must be true or false" }).optional(),
    ),
    /** Days a sign-in lasts without use. */
    SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Card payments through Stripe Checkout; without both keys only "pay at pickup" is offered. */
    STRIPE_SECRET_KEY: optionalText(
      z
        .string()
        .regex(/^(sk|rk)_(test|live)_/, "must start with sk_test_, sk_live_, rk_test_ or rk_live_"),
    ),
    STRIPE_WEBHOOK_SECRET: optionalText(z.string().startsWith("whsec_", "must start with whsec_")),
    /** Another Stripe API address (a local fake in tests and drills); Stripe's own by default. */
    STRIPE_API_URL: optionalText(
      z.string().url("is not a URL (expected e.g. http://127.0.0.1:12111)"),
    ),
    /**
     * Minutes a card order waits for its payment before its stock and pickup place are released.
     * Stripe Checkout sessions last at least 30 minutes and at most 24 hours.
     */
    PAYMENT_MINUTES: z.coerce
      .number()
      .int()
      .min(30)
      .max(24 * 60)
      .default(30),
    /** Seconds between runs of the scheduled jobs in the app process (expiring unpaid orders). */
    JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  })
  .refine((config) => Boolean(config.STRIPE_SECRET_KEY) === Boolean(config.STRIPE_WEBHOOK_SECRET), {
    path: ["STRIPE_WEBHOOK_SECRET"],
    message:
      "and STRIPE_SECRET_KEY go together: set both for card payments, or neither for pay at pickup only",
  });

export type Config = z.infer<typeof schema> & {
  /** PUBLIC_URL, or this machine's address on PORT. */
  publicUrl: string;
  secureCookies: boolean;
  /** Stripe is configured (both keys), so card payments are offered. */
  stripe: { secretKey: string; webhookSecret: string; apiUrl: string | null } | null;
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads the configuration from the environment; each problem becomes one clear line. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (result.success) {
    const config = result.data;
    return {
      ...config,
      publicUrl: (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, ""),
      secureCookies: config.COOKIE_SECURE
        ? config.COOKIE_SECURE === "true"
        : config.NODE_ENV === "production",
      stripe:
        config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET
          ? {
              secretKey: config.STRIPE_SECRET_KEY,
              webhookSecret: config.STRIPE_WEBHOOK_SECRET,
              apiUrl: config.STRIPE_API_URL ?? null,
            }
          : null,
    };
  }
  const lines = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new ConfigError(lines.join("\n"));
}

let cached: Config | undefined;

/** The configuration of this process, read once (the server reads it at boot, so it is valid). */
export function appConfig(): Config {
  cached ??= readConfig();
  return cached;
}

/** Makes the next appConfig() read the environment again: for tests that point at a fake Stripe. */
export function rereadAppConfig(): void {
  cached = undefined;
}

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
    /**
     * Connections each app process keeps to the PostgreSQL server (the embedded database always
     * has one). Processes × this must stay under the server's max_connections (100 by default).
     */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
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
    /** E-mail through an SMTP server, e.g. smtps://user:password@smtp.example.com:465. */
    SMTP_URL: optionalText(
      z
        .string()
        .url("is not a URL (expected e.g. smtps://user:password@smtp.example.com:465)")
        .refine((v) => /^smtps?:\/\//.test(v), "must start with smtp:// or smtps://"),
    ),
    /** The sender of the shop's e-mail, e.g. "Karya Sungging <pesanan@karyasungging.id>". */
    MAIL_FROM: optionalText(
      z
        .string()
        .regex(
          /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/,
          "is not an e-mail address (expected e.g. Karya Sungging <pesanan@karyasungging.id>)",
        ),
    ),
    /** WhatsApp Business Cloud API: the access token and the sending number's id, from Meta. */
    WHATSAPP_TOKEN: optionalText(z.string().min(20, "is too short to be an access token")),
    WHATSAPP_PHONE_NUMBER_ID: optionalText(
      z.string().regex(/^\d{5,20}$/, "must be the numeric phone number id from Meta"),
    ),
    /** Another Cloud API address (a local fake in tests and drills); Meta's own by default. */
    WHATSAPP_API_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .url("is not a URL (expected e.g. https://graph.facebook.com/v21.0)")
        .default("https://graph.facebook.com/v21.0"),
    ),
    /** "inline": the app process sends the outbox; "off": a separate `npm run worker` does. */
    NOTIFY_WORKER: z
      .enum(["inline", "off"], { message: "must be inline or off" })
      .default("inline"),
    /** Attempts before a message is given up (dead) and shown to admins to retry. */
    NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    /** The wait after the first failure; it doubles with every further failure, up to the cap. */
    NOTIFY_RETRY_BASE_SECONDS: z.coerce.number().positive().max(86_400).default(30),
    NOTIFY_RETRY_MAX_SECONDS: z.coerce
      .number()
      .positive()
      .max(7 * 86_400)
      .default(3600),
    /** How often an idle worker looks for due messages. */
    NOTIFY_POLL_SECONDS: z.coerce.number().min(0.01).max(3600).default(5),
    /** Messages one worker sends at once. */
    NOTIFY_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
    /**
     * How long a claimed message is a worker's own; if the worker dies while sending, another
     * takes it over after this. A send is cut off at half of it (at most 30 s).
     */
    NOTIFY_LEASE_SECONDS: z.coerce.number().min(0.2).max(3600).default(120),
  })
  .refine((config) => Boolean(config.STRIPE_SECRET_KEY) === Boolean(config.STRIPE_WEBHOOK_SECRET), {
    path: ["STRIPE_WEBHOOK_SECRET"],
    message:
      "and STRIPE_SECRET_KEY go together: set both for card payments, or neither for pay at pickup only",
  })
  .refine((config) => Boolean(config.SMTP_URL) === Boolean(config.MAIL_FROM), {
    path: ["MAIL_FROM"],
    message: "and SMTP_URL go together: set both to send e-mail, or neither",
  })
  .refine((config) => Boolean(config.WHATSAPP_TOKEN) === Boolean(config.WHATSAPP_PHONE_NUMBER_ID), {
    path: ["WHATSAPP_PHONE_NUMBER_ID"],
    message: "and WHATSAPP_TOKEN go together: set both to send WhatsApp messages, or neither",
  })
  .refine((config) => config.NOTIFY_RETRY_MAX_SECONDS >= config.NOTIFY_RETRY_BASE_SECONDS, {
    path: ["NOTIFY_RETRY_MAX_SECONDS"],
    message: "must not be shorter than NOTIFY_RETRY_BASE_SECONDS",
  });

export type Config = z.infer<typeof schema> & {
  /** PUBLIC_URL, or this machine's address on PORT. */
  publicUrl: string;
  secureCookies: boolean;
  /** Stripe is configured (both keys), so card payments are offered. */
  stripe: { secretKey: string; webhookSecret: string; apiUrl: string | null } | null;
  /** E-mail is configured (both settings). */
  mail: { smtpUrl: string; from: string } | null;
  /** WhatsApp is configured (token and phone number id). */
  whatsapp: { apiUrl: string; phoneNumberId: string; token: string } | null;
  /** The outbox worker's timing, in milliseconds. */
  notify: {
    maxAttempts: number;
    retryBaseMs: number;
    retryMaxMs: number;
    pollMs: number;
    concurrency: number;
    leaseMs: number;
  };
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
      mail:
        config.SMTP_URL && config.MAIL_FROM
          ? { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }
          : null,
      whatsapp:
        config.WHATSAPP_TOKEN && config.WHATSAPP_PHONE_NUMBER_ID
          ? {
              apiUrl: config.WHATSAPP_API_URL.replace(/\/+$/, ""),
              phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
              token: config.WHATSAPP_TOKEN,
            }
          : null,
      notify: {
        maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
        retryBaseMs: Math.round(config.NOTIFY_RETRY_BASE_SECONDS * 1000),
        retryMaxMs: Math.round(config.NOTIFY_RETRY_MAX_SECONDS * 1000),
        pollMs: Math.round(config.NOTIFY_POLL_SECONDS * 1000),
        concurrency: config.NOTIFY_CONCURRENCY,
        leaseMs: Math.round(config.NOTIFY_LEASE_SECONDS * 1000),
      },
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

/** Makes the next appConfig() read the environment again: for tests that point at a local fake. */
export function rereadAppConfig(): void {
  cached = undefined;
}

import { appConfig, type Config } from "~/config.server";
import { prisma } from "~/db.server";
import type { NotificationChannel } from "~/generated/prisma/client";
import { isLocale, type Locale } from "~/i18n/config";
import { logError, logInfo } from "~/lib/log.server";
import {
  channelsFromConfig,
  channelSecrets,
  ChannelError,
  type Channels,
} from "./channels/channel.server";
import { afterFailure, shortError, type RetryPolicy } from "./delivery-rules";
import { isTemplateName, renderMessage, type TemplateName } from "./templates";

/**
 * The outbox worker: sends the messages written to the Notification table.
 *
 * A worker claims due rows — PENDING ones whose time has come, and SENDING ones whose lease ran
 * out because the worker sending them died — in one statement with FOR UPDATE SKIP LOCKED, which
 * marks them SENDING with a lease and counts the attempt. Two workers never claim the same row
 * at once, in one process or many. The message is rendered in the row's language and sent with
 * its idempotency key; then the row is SENT, or PENDING again with a later time (exponential
 * backoff with jitter), or DEAD after its last attempt, for an admin to see and send again.
 *
 * A worker killed mid-send leaves its rows SENDING; once the lease is over another worker sends
 * them again with the same idempotency key, so the peer (or the recipient's mail program) can
 * tell it is the same message. Delivery is "at least once", never "maybe".
 */

export type WorkerSettings = RetryPolicy & {
  /** How long a claimed row stays this worker's own. */
  leaseMs: number;
  /** Rows sent at once. */
  concurrency: number;
  /** Pause between looks when nothing is due. */
  pollMs: number;
};

export function workerSettings(config: Config = appConfig()): WorkerSettings {
  return { ...config.notify };
}

/** A claimed row, with what the worker needs to know about its order and its person. */
type ClaimedRow = {
  id: string;
  idempotencyKey: string;
  channel: NotificationChannel;
  recipient: string;
  template: string;
  locale: string;
  payload: unknown;
  /** Including the attempt this claim is. */
  attempts: number;
  /** The lease: the row is ours while lockedUntil still has this value. */
  lockedUntil: Date;
  orderGone: boolean;
  contactGone: boolean;
  userGone: boolean;
};

const STUCK_ERROR =
  "A worker stopped while sending it on its last attempt; it may or may not have arrived";

/**
 * Claims up to `limit` due rows for this worker. One statement: rows a worker died on during
 * their last attempt become DEAD; due rows become SENDING with a lease until `now + leaseMs`.
 */
export async function claimDueNotifications(
  limit: number,
  settings: Pick<WorkerSettings, "leaseMs" | "maxAttempts">,
  now: Date = new Date(),
): Promise<ClaimedRow[]> {
  const lease = new Date(now.getTime() + settings.leaseMs);
  return prisma.$queryRaw<ClaimedRow[]>`
    WITH stuck AS (
      UPDATE "Notification" SET status = 'DEAD', "lockedUntil" = NULL, "lastError" = ${STUCK_ERROR}
      WHERE id IN (
        SELECT id FROM "Notification"
        WHERE status = 'SENDING' AND "lockedUntil" < ${now} AND attempts >= ${settings.maxAttempts}
        FOR UPDATE SKIP LOCKED)
      RETURNING id
    ), due AS (
      SELECT id FROM "Notification"
      WHERE (status = 'PENDING' AND "nextAttemptAt" <= ${now})
         OR (status = 'SENDING' AND "lockedUntil" < ${now} AND attempts < ${settings.maxAttempts})
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE "Notification" n
      SET status = 'SENDING', "lockedUntil" = ${lease}, attempts = n.attempts + 1
      FROM due WHERE n.id = due.id
      RETURNING n.id, n."idempotencyKey", n.channel, n.recipient, n.template, n.locale, n.payload,
        n.attempts, n."lockedUntil", n."orderId", n."userId"
    )
    SELECT c.id, c."idempotencyKey", c.channel::text AS channel, c.recipient, c.template,
      c.locale::text AS locale, c.payload, c.attempts, c."lockedUntil",
      (c."orderId" IS NOT NULL AND o.id IS NULL) AS "orderGone",
      (o.id IS NOT NULL AND o."buyerPhone" = '' AND o."buyerEmail" IS NULL) AS "contactGone",
      (c."userId" IS NOT NULL AND u.id IS NULL) AS "userGone"
    FROM claimed c
    LEFT JOIN "Order" o ON o.id = c."orderId"
    LEFT JOIN "User" u ON u.id = c."userId"`;
}

export type Outcome = "sent" | "retry" | "dead";

/** Why a claimed row can never be delivered, or null. */
function undeliverable(row: ClaimedRow, channels: Channels): string | null {
  if (row.orderGone) return "The order no longer exists";
  if (row.contactGone) return "The buyer deleted their account: the order keeps no contact";
  if (row.userGone) return "The recipient's account was deleted";
  if (!isTemplateName(row.template)) return `Unknown template "${row.template}"`;
  if (!isLocale(row.locale)) return `Unknown language "${row.locale}"`;
  const channel = channels[row.channel];
  if (channel && !channel.accepts(row.recipient)) {
    return `No usable recipient: not ${row.channel === "EMAIL" ? "an e-mail address" : row.channel === "WHATSAPP" ? "a phone number in international form" : "a contact"}`;
  }
  return null;
}

const CHANNEL_SETTINGS: Record<NotificationChannel, string> = {
  EMAIL: "SMTP_URL and MAIL_FROM",
  WHATSAPP: "WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID",
  LOG: "",
};

/** Sends one claimed row and records the outcome. Never throws for the message's own problems. */
type DeliveryContext = {
  channels: Channels;
  settings: WorkerSettings;
  secrets: readonly string[];
  /** The clock failures are scheduled from; the real one unless a test gives its own. */
  now?: () => Date;
};

export async function deliverClaimed(row: ClaimedRow, context: DeliveryContext): Promise<Outcome> {
  const problem = undeliverable(row, context.channels);
  if (problem) return recordFailure(row, new ChannelError(problem, true), context);
  let rendered: { subject: string; text: string };
  try {
    rendered = renderMessage(
      row.template as TemplateName,
      row.locale as Locale,
      row.payload as never,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return recordFailure(
      row,
      new ChannelError(`Could not write the message: ${reason}`, true),
      context,
    );
  }
  const channel = context.channels[row.channel];
  if (!channel) {
    const error = new ChannelError(
      `The ${row.channel} channel is not configured (${CHANNEL_SETTINGS[row.channel]})`,
      false,
    );
    return recordFailure(row, error, context);
  }
  try {
    await channel.send({
      idempotencyKey: row.idempotencyKey,
      to: row.recipient,
      locale: row.locale as Locale,
      template: row.template,
      subject: rendered.subject,
      text: rendered.text,
    });
  } catch (error) {
    const failure =
      error instanceof ChannelError
        ? error
        : new ChannelError(error instanceof Error ? error.message : String(error), false);
    return recordFailure(row, failure, context);
  }
  // Delivered is a fact, whoever holds the row now: even a row another worker took over (our
  // lease ran out mid-send) is recorded as sent, so it is not sent a third time.
  await prisma.notification.updateMany({
    where: { id: row.id, status: { not: "SENT" } },
    data: { status: "SENT", sentAt: new Date(), lockedUntil: null, lastError: null },
  });
  return "sent";
}

async function recordFailure(
  row: ClaimedRow,
  error: ChannelError,
  context: DeliveryContext,
): Promise<Outcome> {
  const now = context.now?.() ?? new Date();
  const next = afterFailure(
    { attempts: row.attempts, permanent: error.permanent, now },
    context.settings,
  );
  // Only while the row is still ours: after the lease another worker may have it.
  await prisma.notification.updateMany({
    where: { id: row.id, status: "SENDING", lockedUntil: row.lockedUntil },
    data: {
      status: next.status,
      ...(next.nextAttemptAt ? { nextAttemptAt: next.nextAttemptAt } : {}),
      lockedUntil: null,
      lastError: shortError(error.message, context.secrets),
    },
  });
  return next.status === "DEAD" ? "dead" : "retry";
}

// ── the channels of this process's configuration ────────────────────────────────────────────

let built: { config: Config; channels: Channels } | undefined;

/** The channels of the current configuration; rebuilt (the old ones closed) when it changes. */
export function currentChannels(): Channels {
  const config = appConfig();
  if (built?.config !== config) {
    const old = built?.channels;
    built = { config, channels: channelsFromConfig(config) };
    for (const channel of Object.values(old ?? {})) void channel.close?.();
  }
  return built.channels;
}

/** Closes the channels' connections (the SMTP pool): when the process is about to end. */
export async function closeNotificationChannels(): Promise<void> {
  const old = built?.channels;
  built = undefined;
  await Promise.all(Object.values(old ?? {}).map((channel) => channel.close?.()));
}

export type DeliveryStats = { claimed: number; sent: number; retried: number; dead: number };

const emptyStats = (): DeliveryStats => ({ claimed: 0, sent: 0, retried: 0, dead: 0 });

function count(stats: DeliveryStats, outcome: Outcome) {
  if (outcome === "sent") stats.sent += 1;
  else if (outcome === "retry") stats.retried += 1;
  else stats.dead += 1;
}

/**
 * One pass: claims what is due now (up to `limit`) and sends it, `concurrency` at a time.
 * For tests, the admin and scripts; the running worker is `startNotificationWorker`.
 */
export async function deliverDueNotifications(
  options: { now?: Date; limit?: number; settings?: WorkerSettings; channels?: Channels } = {},
): Promise<DeliveryStats> {
  const settings = options.settings ?? workerSettings();
  const channels = options.channels ?? currentChannels();
  const now = options.now;
  const context: DeliveryContext = {
    channels,
    settings,
    secrets: channelSecrets(appConfig()),
    now: now ? () => now : undefined,
  };
  const rows = await claimDueNotifications(options.limit ?? 100, settings, now);
  const stats = { ...emptyStats(), claimed: rows.length };
  let next = 0;
  const lane = async () => {
    while (next < rows.length) {
      const row = rows[next++] as ClaimedRow;
      count(stats, await deliverClaimed(row, context));
    }
  };
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, rows.length) }, lane));
  return stats;
}

export type RunningWorker = {
  readonly stats: DeliveryStats;
  /** Stops claiming, waits for the sends in flight to finish and be recorded. */
  stop(): Promise<void>;
};

/**
 * The worker loop: keeps up to `concurrency` sends in flight, claiming as many rows as there are
 * free places, so every claimed row is being sent (its lease is never spent waiting in a queue).
 * When nothing is due it looks again every `pollMs`.
 */
export function startNotificationWorker(
  options: { settings?: WorkerSettings; channels?: Channels; name?: string } = {},
): RunningWorker {
  const settings = options.settings ?? workerSettings();
  const channels = options.channels ?? currentChannels();
  const context: DeliveryContext = { channels, settings, secrets: channelSecrets(appConfig()) };
  const stats = emptyStats();
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let hungry = false;
  let wake: (() => void) | null = null;

  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wake = done;
    });

  const launch = (row: ClaimedRow) => {
    const sending = deliverClaimed(row, context)
      .then((outcome) => count(stats, outcome))
      .catch((error: unknown) => {
        // The database went away while recording: the lease runs out and the row is sent again.
        logError(error, { message: "Could not record a notification's outcome", id: row.id });
      })
      .finally(() => {
        inFlight.delete(sending);
        if (hungry) wake?.();
      });
    inFlight.add(sending);
  };

  const loop = async () => {
    logInfo("notification worker started", {
      name: options.name,
      concurrency: settings.concurrency,
      channels: Object.keys(channels),
    });
    let failures = 0;
    while (!stopping) {
      const free = settings.concurrency - inFlight.size;
      if (free <= 0) {
        hungry = true;
        await nap(settings.pollMs);
        continue;
      }
      let rows: ClaimedRow[];
      try {
        rows = await claimDueNotifications(free, settings);
        failures = 0;
      } catch (error) {
        failures += 1;
        if (failures === 1 || failures % 20 === 0) {
          logError(error, { message: "Could not claim notifications", failures });
        }
        await nap(Math.max(settings.pollMs, Math.min(30_000, 500 * 2 ** Math.min(failures, 6))));
        continue;
      }
      stats.claimed += rows.length;
      for (const row of rows) launch(row);
      // A full claim: more may be due, so come back as soon as a place frees up.
      hungry = rows.length === free;
      if (!hungry) await nap(settings.pollMs);
      else if (inFlight.size >= settings.concurrency) await nap(settings.pollMs);
    }
    await Promise.allSettled([...inFlight]);
    logInfo("notification worker stopped", { name: options.name, ...stats });
  };

  const running = loop();
  return {
    stats,
    async stop() {
      stopping = true;
      wake?.();
      await running;
    },
  };
}

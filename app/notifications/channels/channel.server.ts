import path from "node:path";
import type { Config } from "~/config.server";
import type { NotificationChannel } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import { emailChannel } from "./email.server";
import { logChannel } from "./log.server";
import { whatsAppChannel } from "./whatsapp.server";

/** One message, rendered in the recipient's language, ready for a channel. */
export type OutgoingMessage = {
  /** The outbox row's key: the same message always carries the same key, on every attempt. */
  idempotencyKey: string;
  /** E.164 phone number (WhatsApp) or e-mail address, as stored with the message. */
  to: string;
  locale: Locale;
  template: string;
  subject: string;
  text: string;
};

/** A way to reach people. `send` resolves once the peer has accepted the message. */
export interface Channel {
  readonly name: NotificationChannel;
  /** Whether `to` is an address this channel can deliver to at all. */
  accepts(to: string): boolean;
  send(message: OutgoingMessage): Promise<void>;
  close?(): Promise<void>;
}

/**
 * A failed send. `permanent` when trying again cannot help (the peer refused the address or
 * the credentials): the message is given up at once instead of after all its attempts.
 */
export class ChannelError extends Error {
  override name = "ChannelError";
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export type Channels = Partial<Record<NotificationChannel, Channel>>;

/** How long one send may take: well inside the worker's lease on the message, at most 30 s. */
export function sendTimeoutMs(config: Config): number {
  return Math.max(100, Math.min(30_000, Math.floor(config.notify.leaseMs / 2)));
}

/** Where the log channel keeps the full text of the messages it "sends". */
export function messagesFile(config: Config): string {
  return path.resolve(config.DATA_DIR, "messages.log");
}

/** The channels the configuration provides; the log channel always. */
export function channelsFromConfig(config: Config): Channels {
  const timeoutMs = sendTimeoutMs(config);
  return {
    LOG: logChannel({ messagesFile: messagesFile(config) }),
    ...(config.mail ? { EMAIL: emailChannel(config.mail, { timeoutMs }) } : {}),
    ...(config.whatsapp ? { WHATSAPP: whatsAppChannel(config.whatsapp, { timeoutMs }) } : {}),
  };
}

/** Values a channel error message must never show (tokens, passwords in the SMTP URL). */
export function channelSecrets(config: Config): string[] {
  const secrets: string[] = [];
  if (config.whatsapp) secrets.push(config.whatsapp.token);
  if (config.mail) {
    try {
      const password = decodeURIComponent(new URL(config.mail.smtpUrl).password);
      if (password) secrets.push(password);
    } catch {
      // not a URL: the configuration refuses it before this
    }
  }
  return secrets;
}

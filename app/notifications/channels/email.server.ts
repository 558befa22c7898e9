import { createHash } from "node:crypto";
import { createTransport } from "nodemailer";
import type { Channel, OutgoingMessage } from "./channel.server";
import { ChannelError } from "./channel.server";

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The domain of the sender's address, for Message-IDs: "Karya <a@b.id>" → "b.id". */
export function senderDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.slice(address.lastIndexOf("@") + 1).trim() || "localhost";
}

/**
 * The Message-ID of a message: made from its idempotency key, so every attempt at the same
 * message carries the same id, and a mail system (or the recipient's mail program) that sees it
 * twice shows it once.
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const digest = createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40);
  return `<${digest}@${domain}>`;
}

/**
 * E-mail through an SMTP server with Nodemailer (pooled connections, STARTTLS when the server
 * offers it, smtps:// for implicit TLS). Plain text in the recipient's language.
 */
export function emailChannel(
  mail: { smtpUrl: string; from: string },
  options: { timeoutMs?: number } = {},
): Channel {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const transport = createTransport({
    url: mail.smtpUrl,
    pool: true,
    maxConnections: 3,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  const domain = senderDomain(mail.from);

  async function send(message: OutgoingMessage): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ChannelError(`SMTP: no answer within ${timeoutMs} ms`, false)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([
        transport.sendMail({
          from: mail.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          messageId: messageIdFor(message.idempotencyKey, domain),
          headers: {
            "X-Idempotency-Key": message.idempotencyKey,
            "Auto-Submitted": "auto-generated",
            "Content-Language": message.locale,
          },
        }),
        deadline,
      ]);
    } catch (error) {
      if (error instanceof ChannelError) throw error;
      throw smtpError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    name: "EMAIL",
    accepts: (to) => EMAIL.test(to),
    send,
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}

function smtpError(error: unknown): ChannelError {
  if (!(error instanceof Error)) return new ChannelError(`SMTP: ${String(error)}`, false);
  const detail = error as Error & {
    code?: string;
    responseCode?: number;
    response?: string;
    permanent?: boolean;
  };
  const reply = detail.responseCode ? ` ${detail.responseCode}` : "";
  const text = detail.response ?? detail.message;
  // A refused address or refused credentials stay refused; a dropped connection or a 4xx may pass.
  const permanent = detail.permanent === true;
  return new ChannelError(
    `SMTP${reply}${detail.code ? ` ${detail.code}` : ""}: ${text}`,
    permanent,
  );
}

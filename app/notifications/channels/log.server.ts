import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { logInfo } from "~/lib/log.server";
import { maskSecretsInText } from "~/lib/redact";
import { maskRecipient } from "../delivery-rules";
import type { Channel } from "./channel.server";

/**
 * The default channel, while neither e-mail nor WhatsApp is configured. The process log (stdout,
 * which is often collected and kept elsewhere) gets the message with its secrets masked: pickup
 * codes, the tokens of reset, confirmation and invitation links, order keys. The full text, which
 * a developer or the cooperative reads to follow a link or pass a message on, is appended to
 * `messagesFile` (one JSON line per message, readable by the app's own user only). The recipient
 * is masked in both.
 */
export function logChannel(options: { messagesFile: string | null }): Channel {
  return {
    name: "LOG",
    accepts: (to) => to.trim() !== "",
    async send(message) {
      const fields = {
        channel: "log",
        idempotencyKey: message.idempotencyKey,
        to: maskRecipient(message.to),
        template: message.template,
        locale: message.locale,
      };
      if (options.messagesFile) {
        const entry = {
          time: new Date().toISOString(),
          ...fields,
          subject: message.subject,
          text: message.text,
        };
        await mkdir(path.dirname(options.messagesFile), { recursive: true });
        await appendFile(options.messagesFile, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
      }
      logInfo("notification", {
        ...fields,
        subject: maskSecretsInText(message.subject),
        text: maskSecretsInText(message.text),
        fullTextIn: options.messagesFile ?? undefined,
      });
    },
  };
}

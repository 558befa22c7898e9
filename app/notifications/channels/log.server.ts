import { logInfo } from "~/lib/log.server";
import { maskRecipient } from "../delivery-rules";
import type { Channel } from "./channel.server";

/**
 * The default channel, while neither e-mail nor WhatsApp is configured: the rendered message goes
 * to the app log (one JSON line), where a developer or the cooperative can read and pass it on.
 * The recipient is masked; the text is the message itself.
 */
export function logChannel(): Channel {
  return {
    name: "LOG",
    accepts: (to) => to.trim() !== "",
    send(message) {
      logInfo("notification", {
        channel: "log",
        idempotencyKey: message.idempotencyKey,
        to: maskRecipient(message.to),
        template: message.template,
        locale: message.locale,
        subject: message.subject,
        text: message.text,
      });
      return Promise.resolve();
    },
  };
}

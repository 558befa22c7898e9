import type { Channel, OutgoingMessage } from "./channel.server";
import { ChannelError } from "./channel.server";

const E164 = /^\+[1-9]\d{6,14}$/;
/** The Cloud API's limit for a text message body. */
const MAX_BODY = 4096;

/** The text a WhatsApp message carries: the subject in bold on the first line, then the text. */
export function whatsAppBody(subject: string, text: string): string {
  const body = `*${subject}*\n\n${text}`;
  return body.length > MAX_BODY ? `${body.slice(0, MAX_BODY - 1)}…` : body;
}

/** The request body the Cloud API's POST /{phone-number-id}/messages takes for a text message. */
export function whatsAppRequest(message: OutgoingMessage) {
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    // The API takes the number with its country code and without the plus.
    to: message.to.replace(/^\+/, ""),
    type: "text",
    text: { preview_url: true, body: whatsAppBody(message.subject, message.text) },
    // Echoed back in the delivery-status webhooks, so a status can be matched to the message.
    biz_opaque_callback_data: message.idempotencyKey,
  };
}

/**
 * WhatsApp through Meta's WhatsApp Business Cloud API over HTTPS: one POST per message, with the
 * access token as bearer and the message's idempotency key in an `Idempotency-Key` header.
 */
export function whatsAppChannel(
  whatsapp: { apiUrl: string; phoneNumberId: string; token: string },
  options: { timeoutMs?: number } = {},
): Channel {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const endpoint = `${whatsapp.apiUrl}/${encodeURIComponent(whatsapp.phoneNumberId)}/messages`;

  async function send(message: OutgoingMessage): Promise<void> {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${whatsapp.token}`,
          "Content-Type": "application/json",
          "Idempotency-Key": message.idempotencyKey,
        },
        body: JSON.stringify(whatsAppRequest(message)),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason =
        error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")
          ? `no answer within ${timeoutMs} ms`
          : networkReason(error);
      throw new ChannelError(`WhatsApp: ${reason}`, false);
    }
    const text = await response.text().catch(() => "");
    if (response.ok) return;
    const apiError = cloudApiError(text);
    // 408 and 429 (rate limits) and 5xx pass with time; other refusals do not.
    const permanent =
      response.status >= 400 &&
      response.status < 500 &&
      response.status !== 408 &&
      response.status !== 429;
    throw new ChannelError(
      `WhatsApp API answered ${response.status}${apiError ? `: ${apiError}` : ""}`,
      permanent,
    );
  }

  return { name: "WHATSAPP", accepts: (to) => E164.test(to), send };
}

/** "(#131026) Message undeliverable" from the Cloud API's error object, when there is one. */
function cloudApiError(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown; code?: unknown } };
    const message = typeof parsed.error?.message === "string" ? parsed.error.message : null;
    const code = typeof parsed.error?.code === "number" ? `(#${parsed.error.code}) ` : "";
    return message ? `${code}${message}` : null;
  } catch {
    return null;
  }
}

function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ? `${code} ${cause.message}` : cause.message;
  }
  return error.message;
}

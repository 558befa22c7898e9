import type { ActionFunctionArgs } from "@remix-run/node";
import { logError, logInfo } from "~/lib/log.server";
import { receiveStripeEvent } from "~/payments/stripe-webhook.server";
import { paymentGateway } from "~/payments/stripe.server";

/** Stripe's events are small; anything far larger is not one of them. */
const MAX_BODY_BYTES = 512 * 1024;

function answer(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Stripe's webhook. The signature is checked on the raw body before anything is read from it;
 * a forged, altered, stale or future-dated delivery gets 400 and changes nothing. An event that could not be
 * applied gets 500, so Stripe delivers it again.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return answer(405, { error: "POST only" });
  const gateway = paymentGateway();
  if (!gateway) return answer(404, { error: "Card payments are not configured" });
  const signature = request.headers.get("Stripe-Signature");
  if (!signature) return answer(400, { error: "Missing Stripe-Signature" });
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) {
    return answer(413, { error: "Too large" });
  }
  const body = await request.text();
  if (body.length > MAX_BODY_BYTES) return answer(413, { error: "Too large" });
  let event;
  try {
    event = await gateway.verifyWebhook(body, signature);
  } catch (error) {
    logInfo("Stripe webhook refused", { reason: error instanceof Error ? error.message : "" });
    return answer(400, { error: "Invalid signature" });
  }
  try {
    const outcome = await receiveStripeEvent(event);
    return answer(200, { received: true, outcome });
  } catch (error) {
    logError(error, { message: "Stripe event not applied", eventId: event.id, type: event.type });
    return answer(500, { error: "Not applied; send it again" });
  }
}

export function loader() {
  return answer(405, { error: "POST only" });
}

import { randomUUID } from "node:crypto";
import type { TFunction } from "i18next";
import { z } from "zod";
import type { OperatorOwner } from "~/accounts/permissions.server";
import type { Locale } from "~/i18n/config";
import { formatTimeWindow } from "~/lib/dates";
import { formatRupiah } from "~/lib/money";
import { ORDER_NUMBER } from "~/orders/orders.server";
import { formatPickupDay } from "~/pickup/pickup-days";
import {
  CLIENT_ID,
  handOver,
  type CounterParcel,
  type HandoverDone,
  type HandoverResult,
  type NotHandable,
} from "./counter.server";

/**
 * The handover form, as the console's page and the phone's offline queue both send it, and what
 * the operator reads back: one answer per outcome, in their language.
 */
export const handoverForm = z.object({
  number: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .pipe(z.string().regex(ORDER_NUMBER, "handover.errors.numberInvalid")),
  code: z
    .string()
    .transform((value) => value.replace(/[\s.-]/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "handover.errors.codeFormat")),
  clientId: z.string().regex(CLIENT_ID, "handover.errors.stale"),
  method: z.string().optional(),
  amount: z.string().max(40).optional(),
});

type OperatorT = TFunction<"operator">;

/** How long a blocked operator waits, in whole minutes (at least one). */
function minutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/** Why a parcel cannot be handed over or returned, as the operator reads it. */
export function notHandableText(
  t: OperatorT,
  tAccount: TFunction<"account">,
  result: NotHandable,
): string {
  switch (result.reason) {
    case "not-checked-in":
      return t("handover.errors.notCheckedIn", { number: result.number });
    case "not-arrived":
      return t("handover.errors.notArrived", {
        number: result.number,
        status: tAccount(`orderStatus.${result.status}`),
      });
    case "already-handed-over":
      return t("handover.errors.alreadyHandedOver", { number: result.number });
    case "not-at-counter":
      return t("handover.errors.notAtCounter", {
        number: result.number,
        status: tAccount(`orderStatus.${result.status}`),
      });
  }
}

export function wrongCodeText(
  t: OperatorT,
  result: { attemptsLeft: number; retryAfterSeconds: number | null },
): string {
  return result.retryAfterSeconds !== null
    ? t("handover.errors.wrongCodeBlocked", { count: minutes(result.retryAfterSeconds) })
    : t("handover.errors.wrongCode", { count: result.attemptsLeft });
}

export function blockedText(t: OperatorT, retryAfterSeconds: number): string {
  return t("handover.errors.blocked", { count: minutes(retryAfterSeconds) });
}

/** "KS-… handed over to Sari (2 items). Cash Rp 150.000 recorded." */
export function handoverDoneText(t: OperatorT, done: HandoverDone): string {
  const handed =
    done.outcome === "already-applied"
      ? t("handover.done.alreadyApplied", { number: done.number })
      : t("handover.done.handedOver", {
          number: done.number,
          name: done.buyerFirstName,
          count: done.pieces,
        });
  if (done.paidRupiah === 0) return `${handed} ${t("handover.done.cardPaid")}`;
  const paid = t(done.paidWith === "QRIS" ? "handover.done.paidQris" : "handover.done.paidCash", {
    amount: formatRupiah(done.paidRupiah),
  });
  return `${handed} ${paid}`;
}

/** Field name → message; `form` for the form as a whole. */
type HandoverErrors = Partial<Record<"number" | "code" | "method" | "amount" | "form", string>>;

export type HandoverAnswer =
  | { status: 200; done: HandoverDone; message: string }
  | { status: 400 | 404 | 409; errors: HandoverErrors }
  /** Codes are locked for this operator: `retryAfterSeconds` goes out as Retry-After. */
  | { status: 429; errors: HandoverErrors; retryAfterSeconds: number };

/** Reads a handover submission, applies it and says what happened. */
export async function submitHandover(
  owner: OperatorOwner,
  form: FormData,
  texts: { t: OperatorT; tAccount: TFunction<"account">; locale: Locale },
): Promise<HandoverAnswer> {
  const { t, tAccount } = texts;
  const parsed = handoverForm.safeParse({
    number: form.get("number") ?? "",
    code: form.get("code") ?? "",
    clientId: form.get("clientId") ?? "",
    method: typeof form.get("method") === "string" ? form.get("method") : undefined,
    amount: typeof form.get("amount") === "string" ? form.get("amount") : undefined,
  });
  if (!parsed.success) {
    const errors: HandoverErrors = {};
    const translate = t as unknown as (key: string) => string;
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      const key = field === "number" || field === "code" ? field : "form";
      errors[key] ??= translate(issue.message);
    }
    return { status: 400, errors };
  }
  const input = parsed.data;
  const result: HandoverResult = await handOver(owner, {
    number: input.number,
    code: input.code,
    clientId: input.clientId,
    method: input.method ?? null,
    amount: input.amount ?? null,
  });
  if (result.ok) return { status: 200, done: result, message: handoverDoneText(t, result) };
  switch (result.reason) {
    case "not-found":
      return {
        status: 404,
        errors: { form: t("handover.errors.notFound", { number: input.number }) },
      };
    case "blocked":
      return {
        status: 429,
        errors: { form: blockedText(t, result.retryAfterSeconds) },
        retryAfterSeconds: result.retryAfterSeconds,
      };
    case "wrong-code": {
      const errors = { code: wrongCodeText(t, result) };
      return result.retryAfterSeconds !== null
        ? { status: 429, errors, retryAfterSeconds: result.retryAfterSeconds }
        : { status: 400, errors };
    }
    case "payment-method":
      return {
        status: 400,
        errors: {
          method: t("handover.errors.method", { amount: formatRupiah(result.totalRupiah) }),
        },
      };
    case "payment-amount":
      return {
        status: 400,
        errors: {
          amount: t("handover.errors.amount", { amount: formatRupiah(result.totalRupiah) }),
        },
      };
    default:
      return { status: 409, errors: { form: notHandableText(t, tAccount, result) } };
  }
}

/** A fresh id for a handover form: the submission's identity, whoever sends it and how often. */
export function newClientId(): string {
  return randomUUID();
}

/** A parcel as the handover card shows it, with the id its handover form submits. */
export function shownParcel(parcel: CounterParcel, locale: Locale) {
  return {
    number: parcel.number,
    buyerFirstName: parcel.buyerFirstName,
    pieces: parcel.pieces,
    paysAtPickup: parcel.paymentMethod === "PAY_AT_PICKUP",
    amountDue: parcel.amountDueRupiah > 0 ? formatRupiah(parcel.amountDueRupiah) : null,
    restAreaName: parcel.restAreaName,
    pickupDay: formatPickupDay(parcel.pickupDay, locale),
    window: formatTimeWindow(parcel.pickupStartMinute, parcel.pickupEndMinute, locale),
    lastDay: formatPickupDay(parcel.lastDay, locale),
    clientId: newClientId(),
  };
}

export type ShownParcel = ReturnType<typeof shownParcel>;

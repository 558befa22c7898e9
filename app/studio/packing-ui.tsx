import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { DispatchWhen, PaymentState } from "./packing.server";

/** Pieces shared by the studio's order pages: badges and the packing buttons. */

export const cardClass = "rounded-xl border border-line bg-white p-4";
export const badgeClass =
  "inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap";
export const linkButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-full border border-ink bg-white px-4 font-medium text-ink hover:border-copper-700 hover:text-copper-700";

/** "Late" or "Today" beside a dispatch day; nothing while it is still ahead. */
export function WhenBadge({ when }: { when: DispatchWhen }) {
  const { t } = useTranslation("packing");
  if (when === "ahead") return null;
  return (
    <span
      className={`${badgeClass} ${when === "late" ? "bg-red-800 text-white" : "bg-copper-100 text-copper-700"}`}
    >
      {when === "late" ? (
        <>
          <span aria-hidden className="mr-1">
            !
          </span>
          {t("when.late")}
        </>
      ) : (
        t("when.today")
      )}
    </span>
  );
}

export function PaymentBadge({ payment }: { payment: PaymentState }) {
  const { t } = useTranslation("packing");
  const tone =
    payment === "paid"
      ? "bg-silver-100 text-ink"
      : payment === "atPickup"
        ? "bg-copper-50 text-copper-700 ring-1 ring-copper-500"
        : "bg-linen text-muted";
  return <span className={`${badgeClass} ${tone}`}>{t(`payment.${payment}`)}</span>;
}

/** Whether a piece is packed, in words and a mark, never by colour alone. */
export function PieceState({ packedAt }: { packedAt: string | null }) {
  const { t } = useTranslation("packing");
  return packedAt ? (
    <span className="inline-flex items-center gap-1 text-sm font-semibold text-emerald-800">
      <span aria-hidden>✓</span>
      {t("item.packedAt", { when: packedAt })}
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 text-sm font-semibold text-copper-700">
      <span aria-hidden>○</span>
      {t("item.toPack")}
    </span>
  );
}

/**
 * A plain form that packs (or unpacks) one piece or all of the artisan's pieces of an order;
 * works without JavaScript. `number` is sent too, for the list page's action.
 */
export function PackingButton({
  number,
  item,
  intent,
  children,
  pendingText,
  tone,
  accessibleContext,
}: {
  number: string;
  item: string;
  intent: "pack" | "unpack";
  children: ReactNode;
  pendingText: ReactNode;
  tone: "primary" | "secondary";
  /** Read after the button's words by screen readers, e.g. the piece's title. */
  accessibleContext?: string;
}) {
  const navigation = useNavigation();
  const pending =
    navigation.state === "submitting" &&
    navigation.formData?.get("number") === number &&
    navigation.formData.get("item") === item &&
    navigation.formData.get("intent") === intent;
  const tones = {
    primary: "bg-ink text-paper hover:bg-copper-700",
    secondary: "border border-ink bg-white text-ink hover:border-copper-700 hover:text-copper-700",
  };
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="item" value={item} />
      <button
        type="submit"
        name="intent"
        value={intent}
        disabled={pending}
        className={`min-h-11 w-full rounded-full px-5 font-medium disabled:opacity-70 sm:w-auto ${tones[tone]}`}
      >
        {pending ? pendingText : children}
        {accessibleContext ? <span className="sr-only">: {accessibleContext}</span> : null}
      </button>
    </Form>
  );
}

import { useTranslation } from "react-i18next";
import { formatRupiah } from "~/lib/money";
import type { PayoutDifference, PayoutState } from "./payouts";

/** Pieces shared by the studio's statement pages and the admin's payouts page. */

const badgeTones: Record<PayoutState, string> = {
  paid: "border-emerald-700 bg-emerald-50 text-emerald-900",
  recorded: "border-copper-500 bg-copper-50 text-copper-700",
  running: "border-line bg-linen text-ink",
  unpaid: "border-copper-500 bg-copper-50 text-copper-700",
  nothing: "border-silver-300 bg-silver-100 text-silver-600",
};

/** A month's payout state in words (never colour alone), with the date and the reference. */
export function PayoutStateLabel({
  state,
  paidOn,
  transferReference,
}: {
  state: PayoutState;
  paidOn: string | null;
  transferReference: string | null;
}) {
  const { t } = useTranslation("statements");
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <span
        className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${badgeTones[state]}`}
      >
        {state === "paid" ? t("state.paid", { date: paidOn ?? "" }) : t(`state.${state}`)}
      </span>
      {transferReference ? (
        <span className="text-xs break-all text-muted">
          {t("state.reference", { reference: transferReference })}
        </span>
      ) : null}
    </span>
  );
}

/** "Overpaid by Rp 120.000" / "Underpaid by …": which way the statement moved since the payout. */
export function DifferenceAmount({ difference }: { difference: PayoutDifference }) {
  const { t } = useTranslation("statements");
  const amount = Math.abs(difference.netRupiah);
  if (difference.netRupiah === 0) return null;
  return (
    <span className="font-semibold">
      {difference.netRupiah < 0
        ? t("difference.overpaid", { amount: formatRupiah(amount) })
        : t("difference.underpaid", { amount: formatRupiah(amount) })}
    </span>
  );
}

import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { notFound, requireAdmin } from "~/accounts/permissions.server";
import { cardClass, selectClass, textLinkClass } from "~/admin/admin-ui";
import { recordId } from "~/admin/forms";
import { adminMeta, adminPageHeaders } from "~/admin/page";
import { Field, FormMessage, SubmitButton } from "~/components/ui/field";
import { Price } from "~/components/ui/price";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { fieldErrors, refusal, type FormErrors, type FormRefusal } from "~/lib/forms";
import { formatRupiah } from "~/lib/money";
import {
  formatFeePercent,
  formatMonthKey,
  isFinishedMonth,
  isMonthKey,
  monthKey,
  parseFeePercent,
  recentMonthKeys,
  shiftMonthKey,
} from "~/studio/payouts";
import {
  changeCooperativeFee,
  cooperativeFeeSetting,
  payoutMonth,
  recordPayout,
} from "~/studio/payouts-admin.server";
import { DifferenceAmount, PayoutStateLabel } from "~/studio/statement-ui";
import { monthView } from "~/studio/statements.server";
import { readForm } from "~/lib/form-body.server";

/**
 * Artisans' payouts for a finished month (`?month=YYYY-MM`, by default the previous WIB month):
 * each artisan's figures, bank details and payout state; recording a transfer; and the
 * cooperative's fee rate.
 */

const DONE = ["recorded", "fee", "feeUnchanged"] as const;

/** The month in the address: a finished WIB month, the previous one when none is given. */
function monthOrNotFound(param: string | null, now: Date): string {
  if (param === null || param === "") return shiftMonthKey(monthKey(now), -1);
  if (!isMonthKey(param) || !isFinishedMonth(param, now)) throw notFound();
  return param;
}

const MONTH_CHOICES = 24;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  const now = new Date();
  const url = new URL(request.url);
  const key = monthOrNotFound(url.searchParams.get("month"), now);
  const locale = await getLocale(request);
  const [t, month, fee] = await Promise.all([
    i18next.getFixedT(locale, "statements"),
    payoutMonth(actor, key),
    cooperativeFeeSetting(actor),
  ]);
  const choices = recentMonthKeys(now, MONTH_CHOICES + 1).slice(1);
  if (!choices.includes(key)) choices.push(key);
  const rows = month.rows.map((row) => ({
    artisanId: row.artisanId,
    name: row.name,
    village: row.village,
    active: row.active,
    bank: row.bank,
    recordedBy: row.recordedBy,
    ...monthView(row, locale, now),
  }));
  const doneParam = url.searchParams.get("done");
  const done = DONE.find((value) => value === doneParam) ?? null;
  const recordedRow =
    done === "recorded"
      ? rows.find((row) => row.artisanId === url.searchParams.get("artisan"))
      : null;
  return {
    title: t("admin.metaTitle"),
    key,
    label: formatMonthKey(key, locale, "long"),
    choices: choices.map((choice) => ({
      key: choice,
      label: formatMonthKey(choice, locale, "long"),
    })),
    rows,
    quietArtisans: month.quietArtisans,
    totals: {
      grossRupiah: sum(rows.map((row) => row.grossRupiah)),
      feeRupiah: sum(rows.map((row) => row.feeRupiah)),
      netRupiah: sum(rows.map((row) => row.netRupiah)),
      toPayRupiah: sum(rows.filter((row) => row.state === "unpaid").map((row) => row.netRupiah)),
      paid: rows.filter((row) => row.state === "paid" || row.state === "recorded").length,
    },
    fee: {
      percent: formatFeePercent(fee.feeBasisPoints, locale),
      value: formatFeePercent(fee.feeBasisPoints, locale).replace(/%$/, ""),
    },
    done:
      done === "recorded"
        ? recordedRow?.paid
          ? t("admin.done.recorded", {
              name: recordedRow.name,
              amount: formatRupiah(recordedRow.paid.netRupiah),
            })
          : null
        : done === "fee"
          ? t("admin.done.fee", { percent: formatFeePercent(fee.feeBasisPoints, locale) })
          : done === "feeUnchanged"
            ? t("admin.done.feeUnchanged")
            : null,
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export const headers = adminPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => adminMeta(data?.title);

const recordFields = z.object({
  artisanId: recordId,
  month: z.string().refine(isMonthKey),
  net: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
});

const referenceForm = z.object({
  transferReference: z
    .string({ required_error: "admin.errors.referenceTooShort" })
    .trim()
    .min(3, "admin.errors.referenceTooShort")
    .max(64, "admin.errors.referenceTooLong")
    .regex(/^[^\p{Cc}]+$/u, "admin.errors.referenceInvalid"),
});

type Intent = "record" | "fee";
type PayoutAnswer = FormRefusal & { intent: Intent | null; artisanId: string | null };

/**
 * intent=record (artisanId, month, net as shown, transferReference): the transfer is recorded
 * as the artisan's Payout for the month; intent=fee (feePercent, month to come back to): the
 * cooperative's fee changes.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const locale = await getLocale(request);
  const t = await i18next.getFixedT(locale, "statements");
  const form = await readForm(request);
  const intent = form.get("intent");
  const refuse = (
    errors: FormErrors,
    status: number,
    which: Intent | null,
    artisanId: string | null = null,
  ) => data<PayoutAnswer>({ ...refusal(form, errors), intent: which, artisanId }, { status });

  if (intent === "record") {
    const fields = recordFields.safeParse({
      artisanId: form.get("artisanId"),
      month: form.get("month"),
      net: form.get("net"),
    });
    if (!fields.success) return refuse({ form: t("admin.errors.badRequest") }, 400, "record");
    const { artisanId, month, net } = fields.data;
    const parsed = referenceForm.safeParse({ transferReference: form.get("transferReference") });
    if (!parsed.success) return refuse(fieldErrors(parsed.error, t), 400, "record", artisanId);
    const outcome = await recordPayout(
      { actor, request, context },
      {
        artisanId,
        month,
        transferReference: parsed.data.transferReference,
        expectedNetRupiah: net,
      },
    );
    if (outcome.ok) {
      return redirect(
        `/admin/payouts?${new URLSearchParams({ month, done: "recorded", artisan: artisanId })}`,
      );
    }
    switch (outcome.problem) {
      case "no-artisan":
        throw notFound();
      case "not-finished":
        return refuse({ form: t("admin.errors.notFinished") }, 400, "record", artisanId);
      case "nothing-to-pay":
        return refuse(
          { form: t("admin.errors.nothingToPay", { name: outcome.artisanName }) },
          400,
          "record",
          artisanId,
        );
      case "already-paid":
        return refuse(
          {
            form: t("admin.errors.alreadyPaid", {
              name: outcome.artisanName,
              reference: outcome.transferReference ?? "—",
            }),
          },
          409,
          "record",
          artisanId,
        );
      case "changed":
        return refuse(
          {
            form: t("admin.errors.changed", {
              name: outcome.artisanName,
              amount: formatRupiah(outcome.netRupiah),
            }),
          },
          409,
          "record",
          artisanId,
        );
    }
  }

  if (intent === "fee") {
    const raw = form.get("feePercent");
    const feeBasisPoints = typeof raw === "string" ? parseFeePercent(raw) : null;
    if (feeBasisPoints === null) {
      return refuse({ feePercent: t("admin.errors.feeInvalid") }, 400, "fee");
    }
    const result = await changeCooperativeFee({ actor, request, context }, feeBasisPoints);
    const month = form.get("month");
    const params = new URLSearchParams();
    if (typeof month === "string" && isMonthKey(month)) params.set("month", month);
    params.set("done", result.changed ? "fee" : "feeUnchanged");
    return redirect(`/admin/payouts?${params}`);
  }

  return refuse({ form: t("admin.errors.badRequest") }, 400, null);
}

export default function AdminPayouts() {
  const { key, label, choices, rows, quietArtisans, totals, fee, done } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("statements");
  const formError = answer && answer.intent !== "fee" ? answer.errors.form : undefined;
  const feeAnswer = answer?.intent === "fee" ? answer : null;

  return (
    <div>
      <h1 className="font-serif text-3xl">{t("admin.title")}</h1>
      <p className="mt-1 max-w-3xl text-muted">{t("admin.intro")}</p>

      <Form method="get" className={`${cardClass} mt-4 flex flex-wrap items-end gap-3`}>
        <div className="min-w-56 flex-1 sm:flex-none">
          <label htmlFor="payouts-month" className="mb-1 block font-medium">
            {t("admin.monthLabel")}
          </label>
          <select id="payouts-month" name="month" defaultValue={key} className={selectClass}>
            {choices.map((choice) => (
              <option key={choice.key} value={choice.key}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="min-h-11 rounded-full bg-ink px-5 font-medium text-paper hover:bg-copper-700"
        >
          {t("admin.show")}
        </button>
      </Form>

      <div className="mt-4 grid gap-2">
        {done ? <FormMessage tone="success">{done}</FormMessage> : null}
        {formError ? <FormMessage>{formError}</FormMessage> : null}
      </div>

      <section aria-labelledby="payouts-month-title" className="mt-6">
        <h2 id="payouts-month-title" className="font-serif text-2xl">
          {t("admin.monthTitle", { month: label })}
        </h2>
        <dl
          aria-label={t("admin.totals.label")}
          className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4"
        >
          {(
            [
              ["gross", totals.grossRupiah],
              ["fee", totals.feeRupiah],
              ["net", totals.netRupiah],
              ["toPay", totals.toPayRupiah],
            ] as const
          ).map(([name, amount]) => (
            <div key={name} className="rounded-xl bg-linen p-3">
              <dt className="text-sm">{t(`admin.totals.${name}`)}</dt>
              <dd className="font-serif text-xl tabular-nums">
                <Price rupiah={amount} />
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-sm text-muted">{t("admin.totals.paid", { count: totals.paid })}</p>

        {rows.length === 0 ? (
          <p className={`mt-3 ${cardClass}`}>{t("admin.noSales")}</p>
        ) : (
          <ul aria-label={t("admin.artisansLabel")} className="mt-3 grid gap-3 lg:grid-cols-2">
            {rows.map((row) => (
              <li key={row.artisanId}>
                <ArtisanPayout
                  row={row}
                  month={key}
                  refused={
                    answer?.intent === "record" && answer.artisanId === row.artisanId
                      ? answer
                      : null
                  }
                />
              </li>
            ))}
          </ul>
        )}
        {quietArtisans > 0 ? (
          <p className="mt-3 text-sm text-muted">{t("admin.quiet", { count: quietArtisans })}</p>
        ) : null}
      </section>

      <section aria-labelledby="cooperative-fee" className={`${cardClass} mt-8 max-w-xl`}>
        <h2 id="cooperative-fee" className="font-serif text-xl">
          {t("admin.fee.title")}
        </h2>
        <p className="mt-1">{t("admin.fee.current", { percent: fee.percent })}</p>
        <Form method="post" noValidate className="mt-3 grid gap-3">
          <input type="hidden" name="intent" value="fee" />
          <input type="hidden" name="month" value={key} />
          <Field
            name="feePercent"
            label={t("admin.fee.label")}
            hint={t("admin.fee.hint")}
            inputMode="decimal"
            autoComplete="off"
            maxLength={8}
            defaultValue={feeAnswer?.values.feePercent ?? fee.value}
            error={feeAnswer?.errors.feePercent}
            className="max-w-xs"
            key={feeAnswer ? "refused" : fee.value}
          />
          <SubmitButton
            name="intent"
            value="fee"
            pendingText={t("admin.fee.pending")}
            className="justify-self-start"
          >
            {t("admin.fee.submit")}
          </SubmitButton>
        </Form>
      </section>
    </div>
  );
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

function ArtisanPayout({
  row,
  month,
  refused,
}: {
  row: Row;
  month: string;
  refused: PayoutAnswer | null;
}) {
  const { t } = useTranslation("statements");
  const headingId = `payout-${row.artisanId}`;
  return (
    <article aria-labelledby={headingId} className={`${cardClass} h-full`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={headingId} className="font-serif text-lg">
            <Link
              to={`/admin/artisans/${row.artisanId}`}
              className="inline-flex min-h-11 items-center underline-offset-4 hover:text-copper-700 hover:underline"
            >
              {row.name}
            </Link>
          </h3>
          <p className="text-sm text-muted">
            {row.village}
            {row.active ? "" : ` · ${t("admin.inactive")}`}
          </p>
        </div>
        <PayoutStateLabel
          state={row.state}
          paidOn={row.paidOn}
          transferReference={row.transferReference}
        />
      </div>

      <dl className="mt-3 grid grid-cols-[1fr_auto] gap-x-3 text-sm">
        <dt>{t("columns.items")}</dt>
        <dd className="text-right tabular-nums">{row.itemsSold}</dd>
        <dt>{t("columns.gross")}</dt>
        <dd className="text-right tabular-nums">
          <Price rupiah={row.grossRupiah} />
        </dd>
        <dt>{t("admin.feeAt", { percent: row.feePercent })}</dt>
        <dd className="text-right tabular-nums">
          <Price rupiah={row.feeRupiah} />
        </dd>
        <dt className="font-semibold">{t("columns.net")}</dt>
        <dd className="text-right font-semibold tabular-nums">
          <Price rupiah={row.netRupiah} />
        </dd>
      </dl>

      <div className="mt-3 rounded-lg bg-linen p-3 text-sm">
        <p className="font-semibold">{t("admin.bankTitle")}</p>
        {row.bank ? (
          <p className="break-words">
            {row.bank.bankName} ·{" "}
            <span className="font-mono break-all">{row.bank.accountNumber}</span> ·{" "}
            {row.bank.accountName}
          </p>
        ) : (
          <p>
            {t("admin.bankMissing")}{" "}
            <Link to={`/admin/artisans/${row.artisanId}`} className={textLinkClass}>
              {t("admin.bankEdit")}
            </Link>
          </p>
        )}
      </div>

      {row.paid ? (
        <div className="mt-3 text-sm">
          <p>
            {t("admin.paidFigures", {
              gross: formatRupiah(row.paid.grossRupiah),
              fee: formatRupiah(row.paid.feeRupiah),
              net: formatRupiah(row.paid.netRupiah),
            })}
            {row.recordedBy ? ` · ${t("admin.recordedBy", { name: row.recordedBy })}` : ""}
          </p>
          {row.difference ? (
            <div className="mt-2 rounded-lg border-l-4 border-copper-500 bg-copper-50 p-3">
              <p className="font-semibold">{t("difference.title")}</p>
              <p>
                {t("admin.differenceNow", { net: formatRupiah(row.netRupiah) })}{" "}
                <DifferenceAmount difference={row.difference} />
              </p>
            </div>
          ) : null}
        </div>
      ) : row.state === "unpaid" ? (
        <Form method="post" noValidate className="mt-3 grid gap-3">
          <input type="hidden" name="intent" value="record" />
          <input type="hidden" name="artisanId" value={row.artisanId} />
          <input type="hidden" name="month" value={month} />
          <input type="hidden" name="net" value={row.netRupiah} />
          <Field
            id={`reference-${row.artisanId}`}
            name="transferReference"
            label={t("admin.record.reference")}
            hint={t("admin.record.referenceHint")}
            autoComplete="off"
            maxLength={64}
            required
            defaultValue={refused?.values.transferReference ?? ""}
            error={refused?.errors.transferReference}
          />
          <SubmitButton
            name="artisanId"
            value={row.artisanId}
            pendingText={t("admin.record.pending")}
            className="justify-self-start"
          >
            {t("admin.record.submit", { amount: formatRupiah(row.netRupiah) })}
          </SubmitButton>
        </Form>
      ) : (
        <p className="mt-3 text-sm text-muted">{t("admin.nothingToPay")}</p>
      )}
    </article>
  );
}

import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSubmit } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { currentUser } from "~/accounts/session.server";
import { cartOwner, getCart } from "~/cart/cart.server";
import {
  cartLeadTime,
  pickupChoicesAt,
  placeOrder,
  type CheckoutProblem,
} from "~/checkout/checkout.server";
import { Field, FieldError, FormMessage, inputClass, SubmitButton } from "~/components/ui/field";
import { Price } from "~/components/ui/price";
import { appConfig } from "~/config.server";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { formatTimeWindow } from "~/lib/dates";
import { fieldErrors, refusal, type FormRefusal } from "~/lib/forms";
import { personalPageHeaders } from "~/lib/page-headers";
import { normalizePhone } from "~/lib/phone";
import { rememberOrderKey } from "~/orders/order-access.server";
import { newOrderAccessKey, ORDER_ACCESS_KEY } from "~/orders/orders.server";
import { startCardPayment } from "~/payments/card-payments.server";
import { readMyRestAreaSlug } from "~/pickup/my-rest-area.server";
import { formatPickupDay } from "~/pickup/pickup-days";
import { restAreaDirectory, restAreaSlug } from "~/pickup/rest-areas.server";
import { readForm } from "~/lib/form-body.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const owner = await cartOwner(request);
  const [cart, leadTime, directory, user, t] = await Promise.all([
    getCart({ owner, locale }),
    cartLeadTime(owner, locale),
    restAreaDirectory(locale),
    currentUser(request),
    i18next.getFixedT(locale, "checkout"),
  ]);
  const asked = new URL(request.url).searchParams.get("restArea");
  const slug = restAreaSlug.safeParse(asked ?? (await readMyRestAreaSlug(request)));
  const pickup =
    slug.success && cart.lines.length > 0
      ? await pickupChoicesAt({ restAreaSlug: slug.data, leadTimeDays: leadTime.leadTimeDays })
      : null;
  const chosen = slug.success
    ? directory
        .flatMap((region) => region.directions.flatMap((direction) => direction.restAreas))
        .find((restArea) => restArea.slug === slug.data)
    : undefined;
  return data(
    {
      title: t("metaTitle"),
      cart,
      leadTime,
      directory,
      chosenSlug: slug.success ? slug.data : null,
      pickup: pickup && {
        restAreaSlug: pickup.restArea.slug,
        restArea: chosen
          ? { name: chosen.name, direction: chosen.direction, segment: chosen.segment }
          : null,
        transitDays: chosen?.transitDays ?? 0,
        earliest: formatPickupDay(pickup.choices.earliestDayKey, locale),
        days: pickup.choices.days.map((day) => ({
          dayKey: day.dayKey,
          label: formatPickupDay(day.dayKey, locale),
          status: day.status,
          windows: day.windows.map((window) => ({
            value: `${day.dayKey}|${window.windowId}`,
            label: formatTimeWindow(window.startMinute, window.endMinute, locale),
            left: window.left,
          })),
        })),
      },
      contact: {
        name: user?.name ?? "",
        phone: user?.phone ?? "",
        email: user?.email ?? "",
      },
      cardAvailable: appConfig().stripe !== null,
      paymentMinutes: appConfig().PAYMENT_MINUTES,
      // Becomes the new order's secret: the same page submitted twice places one order.
      checkoutKey: newOrderAccessKey(),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const headers = personalPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded?.title },
  { name: "robots", content: "noindex" },
];

const checkoutForm = z.object({
  restArea: z
    .string({ required_error: "errors.restArea" })
    .max(100, "errors.restArea")
    .regex(/^[a-z0-9-]+$/, "errors.restArea"),
  slot: z
    .string({ required_error: "errors.slot" })
    .regex(/^\d{4}-\d{2}-\d{2}\|[A-Za-z0-9_-]{1,64}$/, "errors.slot"),
  name: z
    .string({ required_error: "errors.name" })
    .trim()
    .min(2, "errors.name")
    .max(100, "errors.name"),
  phone: z
    .string({ required_error: "errors.phone" })
    .max(40, "errors.phone")
    .transform((value, context) => {
      const phone = normalizePhone(value);
      if (!phone) context.addIssue({ code: "custom", message: "errors.phone" });
      return phone ?? "";
    }),
  // Optional: a form without the field is a form without an e-mail.
  email: z.preprocess(
    (value) => value ?? "",
    z
      .string()
      .trim()
      .toLowerCase()
      .max(254, "errors.email")
      .pipe(z.literal("").or(z.string().email("errors.email"))),
  ),
  paymentMethod: z.enum(["PAY_AT_PICKUP", "STRIPE_CARD"], { message: "errors.paymentMethod" }),
  checkoutKey: z.string({ required_error: "errors.stale" }).regex(ORDER_ACCESS_KEY, "errors.stale"),
});

export type CheckoutActionData = FormRefusal & { problem?: { message: string; lines: string[] } };

function describeProblem(
  problem: CheckoutProblem,
  t: TFunction<"checkout">,
): { message: string; lines: string[]; field?: string } {
  switch (problem.code) {
    case "empty-cart":
      return { message: t("errors.emptyCart"), lines: [] };
    case "unavailable":
      return { message: t("errors.unavailable", { titles: problem.titles.join(", ") }), lines: [] };
    case "short-stock":
      return {
        message: t("errors.shortStock"),
        lines: problem.lines.map((line) =>
          line.available > 0
            ? t("errors.shortLine", { title: line.title, count: line.available })
            : t("errors.soldOut", { title: line.title }),
        ),
      };
    case "rest-area-unavailable":
      return { message: t("errors.restAreaUnavailable"), lines: [], field: "restArea" };
    case "day-unavailable":
      return { message: t("errors.dayUnavailable"), lines: [], field: "slot" };
    case "window-full":
      return { message: t("errors.windowFull"), lines: [], field: "slot" };
    case "card-unavailable":
      return { message: t("errors.cardUnavailable"), lines: [], field: "paymentMethod" };
  }
}

/**
 * Places the order. Nothing in the form is trusted beyond the buyer's choices: the pieces, their
 * prices and lead times come from the cart and the catalogue, the days from the rest area.
 */
export async function action({ request }: ActionFunctionArgs) {
  const locale = await getLocale(request);
  const [form, t, owner, user] = await Promise.all([
    readForm(request),
    i18next.getFixedT(locale, "checkout"),
    cartOwner(request),
    currentUser(request),
  ]);
  const parsed = checkoutForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return data<CheckoutActionData>(refusal(form, fieldErrors(parsed.error, t)), { status: 400 });
  }
  const fields = parsed.data;
  const [dayKey, windowId] = fields.slot.split("|") as [string, string];
  const result = owner
    ? await placeOrder({
        owner,
        userId: user?.id ?? null,
        locale,
        contact: { name: fields.name, phone: fields.phone, email: fields.email || null },
        restAreaSlug: fields.restArea,
        dayKey,
        windowId,
        paymentMethod: fields.paymentMethod,
        checkoutKey: fields.checkoutKey,
      })
    : ({ ok: false, problem: { code: "empty-cart" } } as const);
  if (!result.ok) {
    const { message, lines, field } = describeProblem(result.problem, t);
    const refused = refusal(form, field ? { [field]: message } : { form: message });
    return data<CheckoutActionData>({ ...refused, problem: { message, lines } }, { status: 409 });
  }
  const headers = { "Set-Cookie": await rememberOrderKey(request, fields.checkoutKey) };
  const orderPage = `/orders/${result.order.number}`;
  if (result.order.paymentMethod === "STRIPE_CARD" && !result.alreadyPlaced) {
    const payment = await startCardPayment(result.order.id);
    if (payment.ok) return redirect(payment.url, { status: 303, headers });
    return redirect(`${orderPage}?payment=unavailable`, { status: 303, headers });
  }
  return redirect(orderPage, { status: 303, headers });
}

const sectionClass = "rounded-xl border border-line bg-white p-4 sm:p-6";
const headingClass = "font-serif text-2xl";

export default function CheckoutPage() {
  const loaded = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t } = useTranslation("checkout");
  const { t: tCommon } = useTranslation();
  const submit = useSubmit();
  const values = refused?.values;
  const errors = refused?.errors ?? {};
  const { cart, pickup } = loaded;
  const chosen = pickup?.restArea ?? null;

  if (cart.lines.length === 0) {
    return (
      <main id="main" className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="font-serif text-4xl">{t("title")}</h1>
        {refused?.problem ? (
          <div className="mt-6">
            <FormMessage>{refused.problem.message}</FormMessage>
          </div>
        ) : null}
        <p className="mt-6 text-lg">{t("emptyCart")}</p>
        <Link
          to="/products"
          className="mt-6 inline-flex min-h-11 items-center rounded-full bg-copper-600 px-6 font-semibold text-white hover:bg-copper-700"
        >
          {t("browse")}
        </Link>
      </main>
    );
  }

  const cartHasProblems = cart.lines.some((line) => line.warning !== null);
  const chosenSlot = values?.slot ?? "";
  const chosenPayment = values?.paymentMethod ?? "PAY_AT_PICKUP";

  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="font-serif text-4xl">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("intro")}</p>

      {refused?.problem ? (
        <div className="mt-6">
          <FormMessage>
            <p>{refused.problem.message}</p>
            {refused.problem.lines.length > 0 ? (
              <ul className="mt-2 list-disc pl-5">
                {refused.problem.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </FormMessage>
        </div>
      ) : null}

      <section aria-labelledby="place-heading" className={`mt-6 ${sectionClass}`}>
        <h2 id="place-heading" className={headingClass}>
          {t("place.heading")}
        </h2>
        <p className="mt-1 text-sm text-muted">{t("place.help")}</p>
        {chosen ? (
          <div className="mt-3 rounded-lg border border-copper-600 bg-copper-50 p-3">
            <p className="font-semibold">{chosen.name}</p>
            <p className="text-sm">
              {chosen.direction} · {chosen.segment}
            </p>
          </div>
        ) : null}
        {/* Once a rest area is chosen the list folds away; a phone need not scroll past it. */}
        <details open={!chosen} className="mt-3">
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-copper-700 underline underline-offset-4">
            {chosen ? t("place.change") : t("place.choose")}
          </summary>
          <Form
            method="get"
            preventScrollReset
            replace
            onChange={(event) =>
              submit(event.currentTarget, { preventScrollReset: true, replace: true })
            }
          >
            {loaded.directory
              .filter((region) => region.directions.length > 0)
              .map((region) => (
                <fieldset key={region.region} className="mt-4">
                  <legend className="text-lg font-semibold">
                    {tCommon(`region.${region.region}`)}
                  </legend>
                  {region.directions.map((direction) => (
                    <div key={direction.towardsCity} className="mt-2">
                      <p className="text-sm font-medium text-muted">
                        {t("place.towards", { city: direction.towardsCity })}
                      </p>
                      <ul className="mt-1 grid gap-2 sm:grid-cols-2">
                        {direction.restAreas.map((restArea) => (
                          <li key={restArea.slug}>
                            <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-line p-3 has-[:checked]:border-copper-600 has-[:checked]:bg-copper-50">
                              <input
                                type="radio"
                                name="restArea"
                                value={restArea.slug}
                                defaultChecked={restArea.slug === loaded.chosenSlug}
                                className="mt-1 size-5 accent-copper-600"
                              />
                              <span>
                                <span className="block font-medium">{restArea.name}</span>
                                <span className="block text-sm text-muted">
                                  {restArea.side
                                    ? `${restArea.direction} · ${restArea.segment}`
                                    : restArea.segment}
                                </span>
                              </span>
                            </label>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </fieldset>
              ))}
            {/* With JavaScript a choice shows its days at once; without, this button does. */}
            <noscript>
              <button
                type="submit"
                className="mt-4 min-h-11 rounded-full border border-copper-600 px-6 font-semibold text-copper-700"
              >
                {t("place.show")}
              </button>
            </noscript>
          </Form>
        </details>
        {loaded.chosenSlug && !pickup ? (
          <p className="mt-3 font-medium text-red-700">{t("place.noRestArea")}</p>
        ) : null}
        {errors.restArea ? <FieldError>{errors.restArea}</FieldError> : null}
      </section>

      {pickup ? (
        <Form method="post" className="mt-6 grid gap-6" noValidate>
          <input type="hidden" name="restArea" value={pickup.restAreaSlug} />
          <input type="hidden" name="checkoutKey" value={loaded.checkoutKey} />

          <section aria-labelledby="when-heading" className={sectionClass}>
            <h2 id="when-heading" className={headingClass}>
              {t("when.heading")}
            </h2>
            <p className="mt-1 text-sm text-muted">
              {loaded.leadTime.slowestTitle
                ? t("when.earliestMade", {
                    day: pickup.earliest,
                    title: loaded.leadTime.slowestTitle,
                    lead: loaded.leadTime.leadTimeDays,
                    transit: pickup.transitDays,
                  })
                : t("when.earliestReady", { day: pickup.earliest, transit: pickup.transitDays })}
            </p>
            {pickup.days.some((day) => day.status === "open") ? (
              <div className="mt-3">
                <label htmlFor="field-slot" className="mb-1 block font-medium">
                  {t("when.legend")}
                </label>
                {/* One native picker: compact on a phone, and a day that cannot be chosen
                    still says why. */}
                <select
                  id="field-slot"
                  name="slot"
                  required
                  defaultValue={chosenSlot}
                  aria-invalid={errors.slot ? true : undefined}
                  aria-describedby={errors.slot ? "slot-error" : undefined}
                  className={inputClass}
                >
                  <option value="">{t("when.placeholder")}</option>
                  {pickup.days.map((day) =>
                    day.status === "open" ? (
                      <optgroup key={day.dayKey} label={day.label}>
                        {day.windows.map((window) => (
                          <option key={window.value} value={window.value}>
                            {`${day.label}, ${window.label} · ${t("when.left", { count: window.left })}`}
                          </option>
                        ))}
                      </optgroup>
                    ) : (
                      <option key={day.dayKey} value={`unavailable-${day.dayKey}`} disabled>
                        {`${day.label} — ${day.status === "closed" ? t("when.closed") : t("when.full")}`}
                      </option>
                    ),
                  )}
                </select>
              </div>
            ) : (
              <p className="mt-3 font-medium">{t("when.noDays")}</p>
            )}
            {errors.slot ? <FieldError id="slot-error">{errors.slot}</FieldError> : null}
          </section>

          <section aria-labelledby="contact-heading" className={`grid gap-4 ${sectionClass}`}>
            <h2 id="contact-heading" className={headingClass}>
              {t("contact.heading")}
            </h2>
            <p className="text-sm text-muted">{t("contact.why")}</p>
            <Field
              name="name"
              label={t("contact.name")}
              autoComplete="name"
              required
              maxLength={100}
              defaultValue={values?.name ?? loaded.contact.name}
              error={errors.name}
            />
            <Field
              name="phone"
              label={t("contact.phone")}
              hint={t("contact.phoneHint")}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              required
              maxLength={40}
              defaultValue={values?.phone ?? loaded.contact.phone}
              error={errors.phone}
            />
            <Field
              name="email"
              label={t("contact.email")}
              hint={t("contact.emailHint")}
              type="email"
              autoComplete="email"
              maxLength={254}
              defaultValue={values?.email ?? loaded.contact.email}
              error={errors.email}
            />
          </section>

          <section aria-labelledby="payment-heading" className={sectionClass}>
            <h2 id="payment-heading" className={headingClass}>
              {t("payment.heading")}
            </h2>
            <fieldset
              className="mt-3 grid gap-2"
              aria-describedby={errors.paymentMethod ? "payment-error" : undefined}
            >
              <legend className="sr-only">{t("payment.heading")}</legend>
              <PaymentChoice
                value="PAY_AT_PICKUP"
                label={t("payment.atPickup")}
                hint={t("payment.atPickupHint")}
                checked={chosenPayment === "PAY_AT_PICKUP" || !loaded.cardAvailable}
              />
              {loaded.cardAvailable ? (
                <PaymentChoice
                  value="STRIPE_CARD"
                  label={t("payment.card")}
                  hint={t("payment.cardHint", { minutes: loaded.paymentMinutes })}
                  checked={chosenPayment === "STRIPE_CARD"}
                />
              ) : null}
            </fieldset>
            {errors.paymentMethod ? (
              <FieldError id="payment-error">{errors.paymentMethod}</FieldError>
            ) : null}
          </section>

          <section aria-labelledby="summary-heading" className={sectionClass}>
            <h2 id="summary-heading" className={headingClass}>
              {t("summary.heading")}
            </h2>
            <ul className="mt-3 divide-y divide-line">
              {cart.lines.map((line) => (
                <li key={line.id} className="flex justify-between gap-4 py-2">
                  <span>
                    <span className="block font-medium">{line.title}</span>
                    <span className="block text-sm text-muted">
                      {line.variantLabel} · {t("summary.quantity", { count: line.quantity })}{" "}
                      <Price rupiah={line.unitPriceRupiah} />
                    </span>
                  </span>
                  <span className="font-medium">
                    <Price rupiah={line.lineTotalRupiah} />
                  </span>
                </li>
              ))}
            </ul>
            <p className="mt-3 flex justify-between border-t border-line pt-3 text-lg font-semibold">
              <span>{t("summary.total")}</span>
              <Price rupiah={cart.subtotalRupiah} />
            </p>
            <p className="mt-3 text-sm text-muted">{t("summary.terms")}</p>
            {errors.stale || errors.checkoutKey ? (
              <FormMessage>{errors.stale ?? errors.checkoutKey}</FormMessage>
            ) : null}
            {cartHasProblems ? (
              <div className="mt-4">
                <FormMessage>
                  {t("cartProblems")}{" "}
                  <Link to="/cart" className="underline">
                    {t("backToCart")}
                  </Link>
                </FormMessage>
              </div>
            ) : (
              <div className="mt-4 flex flex-wrap items-center gap-4">
                <SubmitButton pendingText={t("summary.submitting")}>
                  {t("summary.submit")}
                </SubmitButton>
                <Link to="/cart" className="inline-flex min-h-11 items-center underline">
                  {t("backToCart")}
                </Link>
              </div>
            )}
          </section>
        </Form>
      ) : null}
    </main>
  );
}

function PaymentChoice({
  value,
  label,
  hint,
  checked,
}: {
  value: string;
  label: string;
  hint: string;
  checked: boolean;
}) {
  return (
    <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-line p-3 has-[:checked]:border-copper-600 has-[:checked]:bg-copper-50">
      <input
        type="radio"
        name="paymentMethod"
        value={value}
        defaultChecked={checked}
        className="mt-1 size-5 accent-copper-600"
      />
      <span>
        <span className="block font-medium">{label}</span>
        <span className="block text-sm text-muted">{hint}</span>
      </span>
    </label>
  );
}

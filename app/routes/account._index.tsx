import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { listAccountOrders } from "~/account/account-orders.server";
import {
  readSavedNotice,
  type AccountIntent,
  type AccountRefusal,
  type SavedNotice,
} from "~/account/action-data";
import { passwordForm, profileForm } from "~/account/forms";
import { OrdersSection, type OrderRow } from "~/account/orders-section";
import { PasswordSection } from "~/account/password-section";
import {
  cancelPendingContact,
  getAccountProfile,
  resendVerification,
  updateProfile,
  type Contact,
} from "~/account/profile.server";
import { ProfileSection, sectionClass, VerificationSection } from "~/account/profile-section";
import { changePassword, signOutEverywhere } from "~/account/security.server";
import { requireAccount, roleHome, type AccountOwner } from "~/accounts/permissions.server";
import type { PasswordProblem } from "~/accounts/password-policy.server";
import { endSession } from "~/accounts/session.server";
import { FormMessage, SubmitButton } from "~/components/ui/field";
import { getLocale, i18next, localeCookie } from "~/i18n/i18next.server";
import { formatDateTime, formatTimeWindow } from "~/lib/dates";
import { fieldErrors, refusal, type FormErrors } from "~/lib/forms";
import { formatPhone } from "~/lib/phone";
import { formatPickupDay } from "~/pickup/pickup-days";
import { retryAfterHeader } from "~/security/rate-limit.server";
import { readForm } from "~/lib/form-body.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const owner = await requireAccount(request);
  const locale = await getLocale(request);
  const [t, profile, { orders, total }] = await Promise.all([
    i18next.getFixedT(locale, "account"),
    getAccountProfile(owner),
    listAccountOrders(owner),
  ]);
  const rows: OrderRow[] = orders.map((order) => ({
    number: order.number,
    status: order.status,
    placed: formatDateTime(order.placedAt, locale),
    restAreaName: order.restAreaName,
    pickup: `${formatPickupDay(order.pickupDayKey, locale)}, ${formatTimeWindow(order.pickupStartMinute, order.pickupEndMinute, locale)}`,
    totalRupiah: order.totalRupiah,
  }));
  return {
    title: t("metaTitle"),
    profile: {
      name: profile.name,
      email: profile.email ?? "",
      phone: profile.phone ? formatPhone(profile.phone) : "",
      locale: profile.locale,
      emailVerified: profile.emailVerifiedAt !== null,
      phoneVerified: profile.phoneVerifiedAt !== null,
      pendingEmail: profile.pendingEmail ?? "",
      pendingPhone: profile.pendingPhone ? formatPhone(profile.pendingPhone) : "",
    },
    role: profile.role,
    workspace: profile.role === "BUYER" ? null : roleHome[profile.role],
    orders: rows,
    totalOrders: total,
    saved: readSavedNotice(new URL(request.url)),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

// One person's contacts and orders: never kept by a shared cache, nor reused without asking.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

type Translate = TFunction<"account">;

function refuse(intent: AccountIntent | null, form: FormData, errors: FormErrors) {
  return data<AccountRefusal>({ ...refusal(form, errors), intent }, { status: 400 });
}

/** A refusal because a limit is spent: 429, with the seconds to wait as Retry-After. */
function refuseForNow(
  intent: AccountIntent,
  form: FormData,
  errors: FormErrors,
  retryAfterSeconds: number,
) {
  return data<AccountRefusal>(
    { ...refusal(form, errors), intent },
    { status: 429, headers: retryAfterHeader(retryAfterSeconds) },
  );
}

function savedTo(notice: SavedNotice, headers?: HeadersInit) {
  return redirect(`/account?saved=${notice}`, { headers });
}

/**
 * intent=profile (name, email, phone, locale, password when a contact changes),
 * intent=resend-email / resend-phone, resend-pending-email / resend-pending-phone,
 * cancel-pending-email / cancel-pending-phone, intent=password (currentPassword, newPassword)
 * and intent=sign-out-everywhere.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const owner = await requireAccount(request);
  const locale = await getLocale(request);
  const [form, t] = await Promise.all([readForm(request), i18next.getFixedT(locale, "account")]);
  const intent = form.get("intent");
  switch (intent) {
    case "profile":
      return saveProfile(owner, form, t, request, context);
    case "resend-email":
    case "resend-phone":
      return resend(owner, intent === "resend-email" ? "email" : "phone", "current", form, t);
    case "resend-pending-email":
    case "resend-pending-phone":
      return resend(owner, intent.endsWith("email") ? "email" : "phone", "pending", form, t);
    case "cancel-pending-email":
    case "cancel-pending-phone":
      await cancelPendingContact(
        owner,
        intent.endsWith("email") ? "email" : "phone",
        request,
        context,
      );
      return savedTo("contact-cancelled");
    case "password":
      return savePassword(owner, form, t, request, context);
    case "sign-out-everywhere": {
      await signOutEverywhere(owner, request, context);
      return redirect("/sign-in?signedOut=everywhere", {
        headers: { "Set-Cookie": await endSession(request) },
      });
    }
    default:
      return refuse(null, form, { form: t("errors.badRequest") });
  }
}

async function saveProfile(
  owner: AccountOwner,
  form: FormData,
  t: Translate,
  request: Request,
  context: ActionFunctionArgs["context"],
) {
  const parsed = profileForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return refuse("profile", form, fieldErrors(parsed.error, t));
  const input = parsed.data;
  const result = await updateProfile(owner, input, request, context);
  if (!result.ok) {
    const errors: FormErrors = {};
    if (result.password === "missing") errors.password = t("errors.contactPasswordRequired");
    if (result.password === "wrong") errors.password = t("errors.contactPasswordWrong");
    if (typeof result.password === "object") {
      const seconds = result.password.waitSeconds;
      return refuseForNow("profile", form, { form: t("errors.rateLimited", { seconds }) }, seconds);
    }
    if (result.taken?.includes("email")) errors.email = t("errors.emailTaken");
    if (result.taken?.includes("phone")) errors.phone = t("errors.phoneTaken");
    if (result.keep === "email") errors.email = t("errors.keepEmail");
    if (result.keep === "phone") errors.phone = t("errors.keepPhone");
    return refuse("profile", form, errors);
  }
  // The site's language follows the account's.
  return savedTo(result.confirmationSent.length > 0 ? "profile-verify" : "profile", {
    "Set-Cookie": await localeCookie.serialize(input.locale),
  });
}

async function resend(
  owner: AccountOwner,
  contact: Contact,
  which: "current" | "pending",
  form: FormData,
  t: Translate,
) {
  const result = await resendVerification(owner, contact, which);
  if (!result.ok) {
    return result.reason === "too-soon"
      ? refuseForNow(
          "resend",
          form,
          { [contact]: t("errors.resendTooSoon") },
          result.retryAfterSeconds,
        )
      : refuse("resend", form, { [contact]: t("errors.nothingToVerify") });
  }
  return savedTo(contact === "email" ? "sent-email" : "sent-phone");
}

const passwordMessages = {
  "too-short": "errors.passwordTooShort",
  "too-long": "errors.passwordTooLong",
  "too-common": "errors.passwordTooCommon",
} as const satisfies Record<PasswordProblem, string>;

async function savePassword(
  owner: AccountOwner,
  form: FormData,
  t: Translate,
  request: Request,
  context: ActionFunctionArgs["context"],
) {
  const parsed = passwordForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return refuse("password", form, fieldErrors(parsed.error, t));
  const result = await changePassword(owner, parsed.data, request, context);
  if (!result.ok) {
    const errors: FormErrors = {};
    if (result.currentPassword === "wrong") {
      errors.currentPassword = t("errors.currentPasswordWrong");
    } else if (result.currentPassword) {
      errors.form = t("errors.rateLimited", { seconds: result.currentPassword.waitSeconds });
    }
    if (result.newPassword) errors.newPassword = t(passwordMessages[result.newPassword]);
    if (result.currentPassword && result.currentPassword !== "wrong") {
      return refuseForNow("password", form, errors, result.currentPassword.waitSeconds);
    }
    return refuse("password", form, errors);
  }
  return savedTo("password", { "Set-Cookie": result.setCookie });
}

const noticeKeys = {
  profile: "saved.profile",
  "profile-verify": "saved.profileVerify",
  password: "saved.password",
  "sent-email": "saved.sentEmail",
  "sent-phone": "saved.sentPhone",
  "contact-cancelled": "saved.contactCancelled",
} as const satisfies Record<SavedNotice, string>;

export default function AccountPage() {
  const { profile, workspace, role, orders, totalOrders, saved } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("account");
  const refused = answer && !answer.ok ? answer : null;

  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 pt-6 pb-10">
      <div>
        <h1 className="font-serif text-3xl">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("greeting", { name: profile.name })}</p>
      </div>
      {/* A refused form shows its own message; the notice of an earlier success would mislead. */}
      {saved && !refused ? <FormMessage tone="success">{t(noticeKeys[saved])}</FormMessage> : null}
      {refused?.intent === null && refused.errors.form ? (
        <FormMessage>{refused.errors.form}</FormMessage>
      ) : null}

      {workspace && role !== "BUYER" ? (
        <p className="rounded-xl border border-copper-500 bg-copper-50 p-4">
          {t("workspace.intro")}{" "}
          <Link
            to={workspace}
            className="inline-flex min-h-11 items-center font-semibold text-copper-700 underline underline-offset-4"
          >
            {t(`workspace.${role}`)}
          </Link>
        </p>
      ) : null}

      <OrdersSection orders={orders} total={totalOrders} />
      <ProfileSection profile={profile} refusal={refused} />
      <VerificationSection profile={profile} refusal={refused} />
      <PasswordSection username={profile.email || profile.phone} refusal={refused} />

      <section aria-labelledby="devices-heading" className={sectionClass}>
        <h2 id="devices-heading" className="font-serif text-2xl">
          {t("devices.heading")}
        </h2>
        <p className="mt-1 max-w-prose text-muted">{t("devices.intro")}</p>
        <Form method="post" className="mt-4">
          <SubmitButton
            name="intent"
            value="sign-out-everywhere"
            tone="secondary"
            pendingText={t("devices.submitting")}
          >
            {t("devices.submit")}
          </SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="privacy-heading" className={sectionClass}>
        <h2 id="privacy-heading" className="font-serif text-2xl">
          {t("privacy.heading")}
        </h2>
        <p className="mt-2 max-w-prose">{t("privacy.keep")}</p>
        <p className="mt-2 max-w-prose text-muted">{t("privacy.why")}</p>
        <div className="mt-4 flex flex-wrap gap-3">
          {/* A file, not a page: the browser downloads it instead of navigating. */}
          <a
            href="/account/data"
            download
            className="inline-flex min-h-11 items-center rounded-full border border-ink bg-white px-5 font-medium hover:border-copper-700 hover:text-copper-700"
          >
            {t("privacy.download")}
          </a>
          <Link
            to="/account/delete"
            className="inline-flex min-h-11 items-center rounded-full px-5 font-medium text-red-800 underline underline-offset-4 hover:text-red-900"
          >
            {t("privacy.delete")}
          </Link>
        </div>
      </section>
    </div>
  );
}

import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FieldError, FormMessage, SubmitButton } from "~/components/ui/field";
import { supportedLocales, type Locale } from "~/i18n/config";
import type { AccountRefusal } from "./action-data";

export type ProfileView = {
  name: string;
  email: string;
  /** As people read it, e.g. "+62 812-3456-7890"; empty when not given. */
  phone: string;
  locale: Locale;
  emailVerified: boolean;
  phoneVerified: boolean;
  /** A new e-mail or number waiting for its confirmation link; empty when there is none. */
  pendingEmail: string;
  pendingPhone: string;
};

export const sectionClass = "rounded-xl border border-line bg-white p-4 sm:p-6";

export function ProfileSection({
  profile,
  refusal,
}: {
  profile: ProfileView;
  refusal: AccountRefusal | null;
}) {
  const { t } = useTranslation("account");
  const mine = refusal?.intent === "profile" ? refusal : null;
  const typed = (field: "name" | "email" | "phone" | "locale") =>
    mine?.values[field] ?? profile[field];
  return (
    <section aria-labelledby="profile-heading" className={sectionClass}>
      <h2 id="profile-heading" className="font-serif text-2xl">
        {t("profile.heading")}
      </h2>
      <p className="mt-1 text-muted">{t("profile.intro")}</p>
      {/* Drawn anew after a save, so the fields show what was stored (e.g. the number formatted). */}
      <Form
        key={`${profile.name}|${profile.email}|${profile.phone}|${profile.locale}`}
        method="post"
        noValidate
        className="mt-4 space-y-4"
      >
        {mine?.errors.form ? <FormMessage>{mine.errors.form}</FormMessage> : null}
        <input type="hidden" name="intent" value="profile" />
        <Field
          name="name"
          label={t("profile.name")}
          hint={t("profile.nameHint")}
          autoComplete="name"
          required
          maxLength={80}
          defaultValue={typed("name")}
          error={mine?.errors.name}
        />
        <Field
          name="email"
          type="email"
          label={t("profile.email")}
          hint={t("profile.emailHint")}
          autoComplete="email"
          inputMode="email"
          maxLength={254}
          defaultValue={typed("email")}
          error={mine?.errors.email}
        />
        <Field
          name="phone"
          type="tel"
          label={t("profile.phone")}
          hint={t("profile.phoneHint")}
          autoComplete="tel"
          inputMode="tel"
          maxLength={32}
          defaultValue={typed("phone")}
          error={mine?.errors.phone}
        />
        <fieldset aria-describedby="profile-locale-hint">
          <legend className="mb-1 font-medium">{t("profile.locale")}</legend>
          <div className="flex flex-wrap gap-x-6">
            {supportedLocales.map((locale) => (
              <label key={locale} className="inline-flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name="locale"
                  value={locale}
                  defaultChecked={typed("locale") === locale}
                  className="size-5 accent-copper-600"
                />
                <span lang={locale}>{t(`profile.languages.${locale}`)}</span>
              </label>
            ))}
          </div>
          <p id="profile-locale-hint" className="mt-1 text-sm text-muted">
            {t("profile.localeHint")}
          </p>
          {mine?.errors.locale ? <FieldError>{mine.errors.locale}</FieldError> : null}
        </fieldset>
        <Field
          name="password"
          type="password"
          label={t("profile.password")}
          hint={t("profile.passwordHint")}
          autoComplete="current-password"
          maxLength={1024}
          error={mine?.errors.password}
        />
        <SubmitButton name="intent" value="profile" pendingText={t("profile.submitting")}>
          {t("profile.submit")}
        </SubmitButton>
      </Form>
    </section>
  );
}

export function VerificationSection({
  profile,
  refusal,
}: {
  profile: ProfileView;
  refusal: AccountRefusal | null;
}) {
  const { t } = useTranslation("account");
  const mine = refusal?.intent === "resend" ? refusal : null;
  const rows = [
    {
      contact: "email",
      value: profile.email,
      verified: profile.emailVerified,
      pending: profile.pendingEmail,
    },
    {
      contact: "phone",
      value: profile.phone,
      verified: profile.phoneVerified,
      pending: profile.pendingPhone,
    },
  ] as const;
  return (
    <section aria-labelledby="verification-heading" className={sectionClass}>
      <h2 id="verification-heading" className="font-serif text-2xl">
        {t("verification.heading")}
      </h2>
      <p className="mt-1 max-w-prose text-muted">{t("verification.intro")}</p>
      {mine?.errors.form ? (
        <div className="mt-3">
          <FormMessage>{mine.errors.form}</FormMessage>
        </div>
      ) : null}
      <ul className="mt-4 divide-y divide-line border-y border-line">
        {rows.map(({ contact, value, verified, pending }) => {
          const error = mine?.errors[contact];
          return (
            <li key={contact} className="py-3">
              <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="font-medium">{t(`verification.${contact}`)}</span>
                <span className="break-all">{value || t("verification.missing")}</span>
                {value ? (
                  verified ? (
                    <span className="rounded-full bg-emerald-50 px-2 text-sm font-medium text-emerald-900">
                      <span aria-hidden>✓ </span>
                      {t("verification.verified")}
                    </span>
                  ) : (
                    <span className="rounded-full bg-copper-50 px-2 text-sm font-medium text-copper-700">
                      {t("verification.unverified")}
                    </span>
                  )
                ) : null}
              </p>
              {value && !verified ? (
                <Form method="post" className="mt-2">
                  <SubmitButton
                    name="intent"
                    value={`resend-${contact}`}
                    tone="secondary"
                    pendingText={t("verification.resending")}
                  >
                    {t("verification.resend")}
                    <span className="sr-only"> ({t(`verification.${contact}`)})</span>
                  </SubmitButton>
                </Form>
              ) : null}
              {pending ? <PendingContact contact={contact} value={pending} /> : null}
              {error ? <FieldError>{error}</FieldError> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A new contact waiting for its confirmation link: the link can be sent again, or the change dropped. */
function PendingContact({ contact, value }: { contact: "email" | "phone"; value: string }) {
  const { t } = useTranslation("account");
  return (
    <div className="mt-2 rounded-lg bg-copper-50 p-3">
      <p className="font-medium break-all">{t("verification.pending", { value })}</p>
      <p className="mt-1 text-sm text-muted">{t("verification.pendingNote")}</p>
      <Form method="post" className="mt-2 flex flex-wrap gap-3">
        <SubmitButton
          name="intent"
          value={`resend-pending-${contact}`}
          tone="secondary"
          pendingText={t("verification.resending")}
        >
          {t("verification.resend")}
          <span className="sr-only"> ({value})</span>
        </SubmitButton>
        <SubmitButton
          name="intent"
          value={`cancel-pending-${contact}`}
          tone="secondary"
          pendingText={t("verification.cancelling")}
        >
          {t("verification.cancel")}
          <span className="sr-only"> ({value})</span>
        </SubmitButton>
      </Form>
    </div>
  );
}

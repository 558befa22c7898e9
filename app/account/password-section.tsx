import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormMessage, SubmitButton } from "~/components/ui/field";
import type { AccountRefusal } from "./action-data";
import { sectionClass } from "./profile-section";

export function PasswordSection({
  username,
  refusal,
}: {
  /** The account's e-mail or phone, for password managers to file the new password under. */
  username: string;
  refusal: AccountRefusal | null;
}) {
  const { t } = useTranslation("account");
  const mine = refusal?.intent === "password" ? refusal : null;
  return (
    <section aria-labelledby="password-heading" className={sectionClass}>
      <h2 id="password-heading" className="font-serif text-2xl">
        {t("password.heading")}
      </h2>
      <p className="mt-1 text-muted">{t("password.intro")}</p>
      <Form method="post" noValidate className="mt-4 space-y-4">
        {mine?.errors.form ? <FormMessage>{mine.errors.form}</FormMessage> : null}
        <input type="hidden" name="intent" value="password" />
        <input
          type="text"
          name="username"
          value={username}
          autoComplete="username"
          readOnly
          hidden
        />
        <Field
          name="currentPassword"
          type="password"
          label={t("password.current")}
          autoComplete="current-password"
          required
          error={mine?.errors.currentPassword}
        />
        <Field
          name="newPassword"
          type="password"
          label={t("password.new")}
          hint={t("password.newHint")}
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={128}
          error={mine?.errors.newPassword}
        />
        <SubmitButton name="intent" value="password" pendingText={t("password.submitting")}>
          {t("password.submit")}
        </SubmitButton>
      </Form>
    </section>
  );
}

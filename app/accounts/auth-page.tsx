import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { HoneypotInputs } from "remix-utils/honeypot/react";
import { Field } from "~/components/ui/field";

/** The narrow, centred frame of the sign-in, sign-up, reset and invitation pages. */
export function AuthPage({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-md px-4 py-8 sm:py-12">
      <h1 className="font-serif text-3xl">{title}</h1>
      {intro ? <p className="mt-2 text-muted">{intro}</p> : null}
      <div className="mt-6 space-y-5">{children}</div>
    </div>
  );
}

/** The hidden field bots fill in and people never see (checked by security/honeypot.server). */
export function BotTrap() {
  const { t } = useTranslation("auth");
  return <HoneypotInputs label={t("fields.honeypot")} />;
}

/** What a reset or invitation link that no longer works says, with a way to ask again. */
export function LinkProblem({
  reason,
  askAgain,
}: {
  reason: "unknown" | "expired" | "used";
  askAgain: { to: string; label: string } | { text: string };
}) {
  const { t } = useTranslation("auth");
  return (
    <AuthPage title={t(`link.${reason}Title`)} intro={t(`link.${reason}`)}>
      {"to" in askAgain ? (
        <Link
          to={askAgain.to}
          className="inline-flex min-h-11 items-center rounded-full bg-ink px-5 font-medium text-paper hover:bg-copper-700"
        >
          {askAgain.label}
        </Link>
      ) : (
        <p>{askAgain.text}</p>
      )}
    </AuthPage>
  );
}

/** The field for choosing a password (sign-up, reset, invitation), with the rules as its hint. */
export function NewPasswordField({ label, error }: { label: string; error?: string }) {
  const { t } = useTranslation("auth");
  return (
    <Field
      name="password"
      type="password"
      label={label}
      hint={t("fields.passwordHint")}
      autoComplete="new-password"
      required
      error={error}
    />
  );
}

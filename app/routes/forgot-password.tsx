import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { guardAuthForm } from "~/accounts/auth-form.server";
import { AuthPage, BotTrap } from "~/accounts/auth-page";
import { parseIdentifier } from "~/accounts/identifier";
import { issueToken } from "~/accounts/tokens.server";
import { audit } from "~/audit/audit.server";
import { Field, FormMessage, SubmitButton } from "~/components/ui/field";
import { appConfig } from "~/config.server";
import { prisma } from "~/db.server";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { refusal } from "~/lib/forms";
import { enqueueNotification } from "~/notifications/outbox.server";
import { pageMeta } from "~/seo/meta";
import { readForm } from "~/lib/form-body.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(await getLocale(request), "auth");
  return { meta: { title: t("forgot.metaTitle"), description: t("forgot.intro") } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

/**
 * Sends a one-time link to the contact the person typed, if an active account has it and it is
 * confirmed: an unconfirmed contact (a new sign-up's, or one typed in by whoever had the account
 * open) has not proved it belongs to the account's owner. The answer is the same either way, so
 * the form cannot be used to find out who has an account.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const t = await i18next.getFixedT(await getLocale(request), "auth");
  const guarded = await guardAuthForm(form, request, context, t);
  if (guarded) return guarded;
  const identifier = parseIdentifier(String(form.get("identifier") ?? "").slice(0, 254));
  if (!identifier) {
    return data(refusal(form, { identifier: t("errors.identifierInvalid") }), { status: 400 });
  }

  const user = await prisma.user.findFirst({
    where: {
      ...(identifier.kind === "email"
        ? { email: identifier.email, emailVerifiedAt: { not: null } }
        : { phone: identifier.phone, phoneVerifiedAt: { not: null } }),
      deactivatedAt: null,
    },
    select: { id: true, name: true, locale: true },
  });
  if (user) {
    await prisma.$transaction(async (tx) => {
      const { secret, expiresAt } = await issueToken(tx, {
        userId: user.id,
        purpose: "PASSWORD_RESET",
      });
      await enqueueNotification(tx, {
        template: "auth.password_reset",
        locale: user.locale,
        recipient:
          identifier.kind === "email" ? { email: identifier.email } : { phone: identifier.phone },
        payload: {
          name: user.name,
          url: `${appConfig().publicUrl}/reset-password/${secret}`,
          expiresAt: expiresAt.toISOString(),
        },
        idempotencyKey: `password-reset:${user.id}:${expiresAt.getTime()}`,
        userId: user.id,
      });
      await audit(tx, request, context, {
        actorUserId: null,
        action: "auth.password_reset_requested",
        entityType: "User",
        entityId: user.id,
        details: { with: identifier.kind },
      });
    });
  }
  return { ok: true as const };
}

export default function ForgotPassword() {
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const refused = answer && "errors" in answer ? answer : null;
  return (
    <AuthPage title={t("forgot.title")} intro={t("forgot.intro")}>
      {answer && "ok" in answer && answer.ok ? (
        <FormMessage tone="success">{t("forgot.sent")}</FormMessage>
      ) : (
        <>
          {refused?.errors.form ? <FormMessage>{refused.errors.form}</FormMessage> : null}
          <Form method="post" className="space-y-4" noValidate>
            <BotTrap />
            <Field
              name="identifier"
              label={t("fields.identifier")}
              hint={t("fields.identifierHint")}
              autoComplete="username"
              required
              defaultValue={refused?.values.identifier}
              error={refused?.errors.identifier}
            />
            <SubmitButton pendingText={t("forgot.submitting")} className="w-full">
              {t("forgot.submit")}
            </SubmitButton>
          </Form>
        </>
      )}
      <p>
        <Link to="/sign-in" className="underline underline-offset-4 hover:text-copper-700">
          {t("forgot.back")}
        </Link>
      </p>
    </AuthPage>
  );
}

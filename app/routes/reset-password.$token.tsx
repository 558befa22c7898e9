import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { guardAuthForm, passwordMessage } from "~/accounts/auth-form.server";
import { AuthPage, BotTrap, LinkProblem, NewPasswordField } from "~/accounts/auth-page";
import { hashPassword } from "~/accounts/password.server";
import { passwordProblem } from "~/accounts/password-policy.server";
import { roleHome } from "~/accounts/permissions.server";
import { endAllSessions, startSession } from "~/accounts/session.server";
import { consumeToken, inspectToken } from "~/accounts/tokens.server";
import { audit } from "~/audit/audit.server";
import { FormMessage, SubmitButton } from "~/components/ui/field";
import { prisma } from "~/db.server";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { refusal } from "~/lib/forms";
import { readForm } from "~/lib/form-body.server";

/** A reset link works while its token does and its account is active. */
async function resetLink(secret: string) {
  const state = await inspectToken(secret, "PASSWORD_RESET");
  if (!state.ok) return state;
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: state.userId },
    select: { name: true, email: true, phone: true, role: true, deactivatedAt: true },
  });
  if (user.deactivatedAt) return { ok: false as const, reason: "expired" as const };
  return { ok: true as const, user };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(await getLocale(request), "auth");
  const link = await resetLink(params.token ?? "");
  return { title: t("reset.metaTitle"), problem: link.ok ? null : link.reason };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const t = await i18next.getFixedT(await getLocale(request), "auth");
  const guarded = await guardAuthForm(form, request, context, t);
  if (guarded) return guarded;
  const secret = params.token ?? "";
  const link = await resetLink(secret);
  if (!link.ok) return data({ problem: link.reason }, { status: 410 });
  const { user } = link;
  const password = String(form.get("password") ?? "");
  const weak = passwordProblem(password, [user.name, user.email, user.phone]);
  if (weak) return data(refusal(form, { password: passwordMessage(weak, t) }), { status: 400 });
  const passwordHash = await hashPassword(password);

  const outcome = await prisma.$transaction(async (tx) => {
    const used = await consumeToken(tx, secret, "PASSWORD_RESET");
    if (!used.ok) return used;
    await tx.user.update({ where: { id: used.userId }, data: { passwordHash } });
    // Whoever knew the old password is signed out everywhere.
    await endAllSessions(tx, used.userId);
    await audit(tx, request, context, {
      actorUserId: used.userId,
      action: "auth.password_reset",
      entityType: "User",
      entityId: used.userId,
    });
    return { ok: true as const, cookie: await startSession(tx, used.userId, request, context) };
  });
  if (!outcome.ok) return data({ problem: outcome.reason }, { status: 410 });
  return redirect(roleHome[user.role], { headers: { "Set-Cookie": outcome.cookie } });
}

export default function ResetPassword() {
  const { problem } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const gone = answer && "problem" in answer ? answer.problem : problem;
  if (gone) {
    return (
      <LinkProblem
        reason={gone}
        askAgain={{ to: "/forgot-password", label: t("link.askAgainReset") }}
      />
    );
  }
  const refused = answer && "errors" in answer ? answer : null;
  return (
    <AuthPage title={t("reset.title")} intro={t("reset.intro")}>
      {refused?.errors.form ? <FormMessage>{refused.errors.form}</FormMessage> : null}
      <Form method="post" className="space-y-4" noValidate>
        <BotTrap />
        <NewPasswordField label={t("fields.newPassword")} error={refused?.errors.password} />
        <SubmitButton pendingText={t("reset.submitting")} className="w-full">
          {t("reset.submit")}
        </SubmitButton>
      </Form>
    </AuthPage>
  );
}

import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { passwordMessage } from "~/accounts/auth-form.server";
import { AuthPage, LinkProblem, NewPasswordField } from "~/accounts/auth-page";
import { hashPassword } from "~/accounts/password.server";
import { passwordProblem } from "~/accounts/password-policy.server";
import { roleHome } from "~/accounts/permissions.server";
import { startSession } from "~/accounts/session.server";
import { consumeToken, inspectToken } from "~/accounts/tokens.server";
import { audit } from "~/audit/audit.server";
import { Field, FormMessage, SubmitButton } from "~/components/ui/field";
import { prisma } from "~/db.server";
import { getLocale, i18next, localeCookie } from "~/i18n/i18next.server";
import { fieldErrors, refusal, type FormErrors } from "~/lib/forms";
import { readForm } from "~/lib/form-body.server";

async function invitedUser(secret: string) {
  const state = await inspectToken(secret, "INVITATION");
  if (!state.ok) return { problem: state.reason } as const;
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: state.userId },
    select: { id: true, name: true, email: true, phone: true, role: true, deactivatedAt: true },
  });
  // An invitation withdrawn by deactivating the account no longer opens it.
  if (user.deactivatedAt) return { problem: "expired" } as const;
  return { user } as const;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(await getLocale(request), "auth");
  const invited = await invitedUser(params.token ?? "");
  return {
    title: t("invitation.metaTitle"),
    problem: invited.problem ?? null,
    invitee: invited.user
      ? {
          name: invited.user.name,
          role: invited.user.role,
          contact: invited.user.email ?? invited.user.phone,
        }
      : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

const acceptForm = z.object({
  name: z.string().trim().min(2, "errors.nameRequired").max(80, "errors.nameRequired"),
});

/** Accepting sets the name and password, proves the contact the link was sent to, and signs in. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const t = await i18next.getFixedT(await getLocale(request), "auth");
  const secret = params.token ?? "";
  const invited = await invitedUser(secret);
  if (!invited.user) return data({ problem: invited.problem }, { status: 410 });
  const { user } = invited;

  const parsed = acceptForm.safeParse(Object.fromEntries(form));
  const errors: FormErrors = parsed.success ? {} : fieldErrors(parsed.error, t);
  const password = String(form.get("password") ?? "");
  const weak = passwordProblem(password, [parsed.data?.name, user.email, user.phone]);
  if (weak) errors.password = passwordMessage(weak, t);
  if (!parsed.success || Object.keys(errors).length > 0) {
    return data(refusal(form, errors), { status: 400 });
  }
  const passwordHash = await hashPassword(password);

  const outcome = await prisma.$transaction(async (tx) => {
    const used = await consumeToken(tx, secret, "INVITATION");
    if (!used.ok) return used;
    const now = new Date();
    const accepted = await tx.user.update({
      where: { id: user.id },
      data: {
        name: parsed.data.name,
        passwordHash,
        // The invitation was sent to these contacts, and its link came back.
        ...(user.email ? { emailVerifiedAt: now } : {}),
        ...(user.phone ? { phoneVerifiedAt: now } : {}),
      },
      select: { locale: true },
    });
    await audit(tx, request, context, {
      actorUserId: user.id,
      action: "auth.invitation_accepted",
      entityType: "User",
      entityId: user.id,
      details: { role: user.role },
    });
    const cookie = await startSession(tx, user.id, request, context);
    return { ok: true as const, cookie, locale: accepted.locale };
  });
  if (!outcome.ok) return data({ problem: outcome.reason }, { status: 410 });
  const headers = new Headers();
  headers.append("Set-Cookie", outcome.cookie);
  headers.append("Set-Cookie", await localeCookie.serialize(outcome.locale));
  return redirect(roleHome[user.role], { headers });
}

export default function AcceptInvitation() {
  const { problem, invitee } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const gone = answer && "problem" in answer ? answer.problem : problem;
  if (gone || !invitee) {
    return (
      <LinkProblem reason={gone ?? "unknown"} askAgain={{ text: t("link.askAgainInvitation") }} />
    );
  }
  const refused = answer && "errors" in answer ? answer : null;
  return (
    <AuthPage
      title={t("invitation.title")}
      intro={t("invitation.intro", { role: t(`invitation.roles.${invitee.role}`) })}
    >
      {refused?.errors.form ? <FormMessage>{refused.errors.form}</FormMessage> : null}
      <Form method="post" className="space-y-4" noValidate>
        <input
          type="hidden"
          name="username"
          value={invitee.contact ?? ""}
          autoComplete="username"
        />
        <Field
          name="name"
          label={t("fields.name")}
          autoComplete="name"
          required
          maxLength={80}
          defaultValue={refused?.values.name ?? invitee.name}
          error={refused?.errors.name}
        />
        <NewPasswordField label={t("fields.password")} error={refused?.errors.password} />
        <SubmitButton pendingText={t("invitation.submitting")} className="w-full">
          {t("invitation.submit")}
        </SubmitButton>
      </Form>
    </AuthPage>
  );
}

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
import { AuthPage, BotTrap } from "~/accounts/auth-page";
import { guardAuthForm } from "~/accounts/auth-form.server";
import { checkCredentials } from "~/accounts/credentials.server";
import { parseIdentifier } from "~/accounts/identifier";
import { roleHome } from "~/accounts/permissions.server";
import { currentUser, startSession } from "~/accounts/session.server";
import { audit } from "~/audit/audit.server";
import { adoptVisitorCart } from "~/cart/cart.server";
import { Field, FormMessage, SubmitButton } from "~/components/ui/field";
import { prisma } from "~/db.server";
import { getLocale, i18next, localeCookie } from "~/i18n/i18next.server";
import { refusal, type FormRefusal } from "~/lib/forms";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { pageMeta } from "~/seo/meta";
import { readForm } from "~/lib/form-body.server";

const notices = {
  "1": "signIn.signedOut",
  everywhere: "signIn.signedOutEverywhere",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const next = safeRedirectPath(url.searchParams.get("next"), "");
  const user = await currentUser(request);
  if (user) throw redirect(next || roleHome[user.role]);
  const t = await i18next.getFixedT(await getLocale(request), "auth");
  const signedOut = url.searchParams.get("signedOut");
  const notice =
    signedOut && signedOut in notices ? notices[signedOut as keyof typeof notices] : null;
  return {
    meta: { title: t("signIn.metaTitle"), description: t("signIn.intro") },
    next,
    notice: notice ? t(notice) : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...pageMeta(data?.meta),
  { name: "robots", content: "noindex" },
];

const signInForm = z.object({
  identifier: z
    .string()
    .trim()
    .min(1, "errors.identifierInvalid")
    .max(254, "errors.identifierInvalid"),
  password: z.string().min(1, "errors.passwordRequired").max(1024, "errors.credentials"),
  next: z.string().optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = await getLocale(request);
  const t = await i18next.getFixedT(locale, "auth");
  const guarded = await guardAuthForm(form, request, context, t);
  if (guarded) return guarded;

  const parsed = signInForm.safeParse(Object.fromEntries(form));
  const identifier = parsed.success ? parseIdentifier(parsed.data.identifier) : null;
  if (!parsed.success || !identifier) {
    const errors: FormRefusal["errors"] = {};
    if (!identifier) errors.identifier = t("errors.identifierInvalid");
    if (!parsed.success && parsed.error.issues.some((issue) => issue.path[0] === "password")) {
      errors.password = t("errors.passwordRequired");
    }
    return data(refusal(form, errors), { status: 400 });
  }

  const checked = await checkCredentials(identifier, parsed.data.password);
  if (!checked.ok || checked.user.deactivatedAt) {
    await audit(prisma, request, context, {
      actorUserId: null,
      action: "auth.sign_in_failed",
      entityType: "User",
      entityId: checked.ok ? checked.user.id : checked.userId,
      details: { with: identifier.kind, deactivated: checked.ok },
    });
    const message = checked.ok ? t("errors.deactivated") : t("errors.credentials");
    return data(refusal(form, { form: message }), { status: 400 });
  }

  const userId = checked.user.id;
  const { cookie, user } = await prisma.$transaction(async (tx) => {
    const cookie = await startSession(tx, userId, request, context);
    await adoptVisitorCart(tx, request, userId);
    await audit(tx, request, context, {
      actorUserId: userId,
      action: "auth.sign_in",
      entityType: "User",
      entityId: userId,
    });
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { role: true, locale: true },
    });
    return { cookie, user };
  });
  const headers = new Headers();
  headers.append("Set-Cookie", cookie);
  // The account's language follows the person to any device they sign in on.
  headers.append("Set-Cookie", await localeCookie.serialize(user.locale));
  return redirect(safeRedirectPath(parsed.data.next, roleHome[user.role]), { headers });
}

export default function SignIn() {
  const { next, notice } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const values = answer?.values ?? {};
  const errors = answer?.errors ?? {};
  return (
    <AuthPage title={t("signIn.title")} intro={t("signIn.intro")}>
      {notice && !answer ? <FormMessage tone="success">{notice}</FormMessage> : null}
      {errors.form ? <FormMessage>{errors.form}</FormMessage> : null}
      <Form method="post" className="space-y-4" noValidate>
        <BotTrap />
        <input type="hidden" name="next" value={next} />
        <Field
          name="identifier"
          label={t("fields.identifier")}
          hint={t("fields.identifierHint")}
          autoComplete="username"
          required
          defaultValue={values.identifier}
          error={errors.identifier}
        />
        <Field
          name="password"
          type="password"
          label={t("fields.password")}
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <SubmitButton pendingText={t("signIn.submitting")} className="w-full">
          {t("signIn.submit")}
        </SubmitButton>
      </Form>
      <p>
        <Link to="/forgot-password" className="underline underline-offset-4 hover:text-copper-700">
          {t("signIn.forgot")}
        </Link>
      </p>
      <p className="border-t border-line pt-4">
        {t("signIn.noAccount")}{" "}
        <Link
          to={next ? `/sign-up?${new URLSearchParams({ next })}` : "/sign-up"}
          className="font-medium underline underline-offset-4 hover:text-copper-700"
        >
          {t("signIn.signUpLink")}
        </Link>
        . {t("signIn.guestNote")}
      </p>
    </AuthPage>
  );
}

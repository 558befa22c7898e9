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
import { guardAuthForm, passwordMessage } from "~/accounts/auth-form.server";
import { AuthPage, BotTrap, NewPasswordField } from "~/accounts/auth-page";
import { normalizeEmail } from "~/accounts/identifier";
import { hashPassword } from "~/accounts/password.server";
import { keepAnswerAfterPost } from "~/accounts/link-page";
import { passwordProblem } from "~/accounts/password-policy.server";
import { roleHome } from "~/accounts/permissions.server";
import { currentUser, startSession } from "~/accounts/session.server";
import { tellOwnersOfTakenContacts } from "~/accounts/sign-up.server";
import { sendVerification } from "~/accounts/verification.server";
import { audit } from "~/audit/audit.server";
import { adoptVisitorCart } from "~/cart/cart.server";
import { Field, FormMessage, SubmitButton } from "~/components/ui/field";
import { isUniqueViolation } from "~/db/errors.server";
import { prisma } from "~/db.server";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { fieldErrors, refusal, type FormErrors } from "~/lib/forms";
import { formatPhone, normalizePhone } from "~/lib/phone";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { pageMeta } from "~/seo/meta";
import { readForm } from "~/lib/form-body.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const next = safeRedirectPath(new URL(request.url).searchParams.get("next"), "");
  const user = await currentUser(request);
  if (user) throw redirect(next || roleHome[user.role]);
  const t = await i18next.getFixedT(await getLocale(request), "auth");
  return { meta: { title: t("signUp.metaTitle"), description: t("signUp.intro") }, next };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

/**
 * After the form is sent, the page keeps the answer's screen: asking the loader again would send
 * a new account (now signed in) away from it, and a taken contact would not be, telling them apart.
 */
export const shouldRevalidate = keepAnswerAfterPost;

const optionalText = z
  .string()
  .trim()
  .max(254)
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .default(null);

const signUpForm = z
  .object({
    name: z.string().trim().min(2, "errors.nameRequired").max(80, "errors.nameRequired"),
    email: optionalText.transform((v, ctx) => {
      if (v === null) return null;
      const email = normalizeEmail(v);
      if (!email) ctx.addIssue({ code: "custom", message: "errors.emailInvalid" });
      return email;
    }),
    phone: optionalText.transform((v, ctx) => {
      if (v === null) return null;
      const phone = normalizePhone(v);
      if (!phone) ctx.addIssue({ code: "custom", message: "errors.phoneInvalid" });
      return phone;
    }),
    password: z.string().default(""),
    next: z.string().optional(),
  })
  .superRefine((form, ctx) => {
    if (!form.email && !form.phone) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "errors.contactRequired" });
    }
  });

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = await getLocale(request);
  const t = await i18next.getFixedT(locale, "auth");
  const guarded = await guardAuthForm(form, request, context, t);
  if (guarded) return guarded;

  const parsed = signUpForm.safeParse(Object.fromEntries(form));
  const errors: FormErrors = parsed.success ? {} : fieldErrors(parsed.error, t);
  const password = String(form.get("password") ?? "");
  const personal = parsed.success ? [parsed.data.name, parsed.data.email, parsed.data.phone] : [];
  const weak = passwordProblem(password, personal);
  if (weak) errors.password = passwordMessage(weak, t);
  if (!parsed.success || Object.keys(errors).length > 0) {
    return data(refusal(form, errors), { status: 400 });
  }
  const { name, email, phone } = parsed.data;
  // The same screen whether the contact was free or taken (see docs/decisions): only a new
  // account's answer carries its session cookie.
  const checkMessages = (headers?: HeadersInit) =>
    data(
      {
        ok: true as const,
        sentTo: [...(phone ? [formatPhone(phone)] : []), ...(email ? [email] : [])],
        next: safeRedirectPath(parsed.data.next, "/account"),
      },
      { headers },
    );

  // Hashing is slow on purpose; doing it before the lookup keeps both answers equally slow.
  const passwordHash = await hashPassword(password);
  if (await tellOwnersOfTakenContacts({ email, phone }, request, context)) return checkMessages();
  let cookie: string;
  try {
    cookie = await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name, email, phone, passwordHash, role: "BUYER", locale },
        select: { id: true, name: true, locale: true },
      });
      if (phone) await sendVerification(tx, user, { kind: "phone", phone });
      if (email) await sendVerification(tx, user, { kind: "email", email });
      await adoptVisitorCart(tx, request, user.id);
      await audit(tx, request, context, {
        actorUserId: user.id,
        action: "auth.sign_up",
        entityType: "User",
        entityId: user.id,
      });
      return startSession(tx, user.id, request, context);
    });
  } catch (error) {
    // Someone signed up with the same contact a moment ago: nothing of this account was kept.
    if (!isUniqueViolation(error)) throw error;
    await tellOwnersOfTakenContacts({ email, phone }, request, context);
    return checkMessages();
  }
  return checkMessages({ "Set-Cookie": cookie });
}

export default function SignUp() {
  const { next } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  if (answer?.ok) {
    return (
      <AuthPage title={t("signUp.sentTitle")}>
        <p role="status">{t("signUp.sent", { contacts: answer.sentTo.join(t("signUp.and")) })}</p>
        <p className="text-muted">{t("signUp.sentNote")}</p>
        <Link
          to={answer.next}
          className="inline-flex min-h-11 items-center rounded-full bg-ink px-5 font-medium text-paper hover:bg-copper-700"
        >
          {t("signUp.continue")}
        </Link>
      </AuthPage>
    );
  }
  const values = answer?.values ?? {};
  const errors = answer?.errors ?? {};
  return (
    <AuthPage title={t("signUp.title")} intro={t("signUp.intro")}>
      {errors.form ? <FormMessage>{errors.form}</FormMessage> : null}
      <Form method="post" className="space-y-4" noValidate>
        <BotTrap />
        <input type="hidden" name="next" value={next} />
        <Field
          name="name"
          label={t("fields.name")}
          hint={t("fields.nameHint")}
          autoComplete="name"
          required
          maxLength={80}
          defaultValue={values.name}
          error={errors.name}
        />
        <Field
          name="phone"
          type="tel"
          inputMode="tel"
          label={t("fields.phone")}
          hint={t("fields.phoneHint")}
          autoComplete="tel"
          defaultValue={values.phone}
          error={errors.phone}
        />
        <Field
          name="email"
          type="email"
          label={t("fields.email")}
          autoComplete="email"
          defaultValue={values.email}
          error={errors.email}
        />
        <NewPasswordField label={t("fields.password")} error={errors.password} />
        <p className="text-sm text-muted">{t("signUp.privacy")}</p>
        <SubmitButton pendingText={t("signUp.submitting")} className="w-full">
          {t("signUp.submit")}
        </SubmitButton>
      </Form>
      <p className="border-t border-line pt-4">
        {t("signUp.haveAccount")}{" "}
        <Link
          to={next ? `/sign-in?${new URLSearchParams({ next })}` : "/sign-in"}
          className="font-medium underline underline-offset-4 hover:text-copper-700"
        >
          {t("signUp.signInLink")}
        </Link>
      </p>
    </AuthPage>
  );
}

import { data, type AppLoadContext } from "@remix-run/node";
import type { TFunction } from "i18next";
import { prisma } from "~/db.server";
import { refusal } from "~/lib/forms";
import { isSpam } from "~/security/honeypot.server";
import { spendAuthAttempt } from "~/security/rate-limit.server";
import { audit } from "~/audit/audit.server";
import type { PasswordProblem } from "./password-policy.server";

/**
 * The checks every public account form (sign-in, sign-up, password reset) makes before reading
 * its fields: the bot trap, then the client's budget of attempts. Returns the answer to send
 * when the form must be refused, or null to go on.
 */
export async function guardAuthForm(
  form: FormData,
  request: Request,
  context: AppLoadContext,
  t: TFunction<"auth">,
) {
  if (isSpam(form)) return data(refusal(form, { form: t("errors.spam") }), { status: 400 });
  const waitSeconds = await spendAuthAttempt(context);
  if (waitSeconds === null) return null;
  await audit(prisma, request, context, {
    actorUserId: null,
    action: "auth.rate_limited",
    entityType: "Client",
    entityId: context.clientIp,
    details: { path: new URL(request.url).pathname },
  });
  return data(refusal(form, { form: t("errors.rateLimited", { seconds: waitSeconds }) }), {
    status: 429,
    headers: { "Retry-After": String(waitSeconds) },
  });
}

export function passwordMessage(problem: PasswordProblem, t: TFunction<"auth">): string {
  switch (problem) {
    case "too-short":
      return t("errors.passwordTooShort");
    case "too-long":
      return t("errors.passwordTooLong");
    case "too-common":
      return t("errors.passwordTooCommon");
  }
}

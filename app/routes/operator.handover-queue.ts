import type { ActionFunctionArgs } from "@remix-run/node";
import { requireOperator } from "~/accounts/permissions.server";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { submitHandover } from "~/operator/handover-form.server";
import { retryAfterHeader } from "~/security/rate-limit.server";
import { readForm } from "~/lib/form-body.server";

/**
 * Where the phone's offline queue sends a handover recorded without signal (the same form as the
 * handover page's). It answers JSON: `ok` (handed over now, or this very submission was applied
 * before) and the sentence the operator reads. Applied at most once per client id, however often
 * the queue sends it. Another rest area's order is 404, as on the page.
 */
export async function action({ request }: ActionFunctionArgs) {
  const owner = await requireOperator(request);
  const locale = await getLocale(request);
  const [t, tAccount] = await Promise.all([
    i18next.getFixedT(locale, "operator"),
    i18next.getFixedT(locale, "account"),
  ]);
  const form = await readForm(request);
  const answer = await submitHandover(owner, form, { t, tAccount, locale });
  const number = String(form.get("number") ?? "").toUpperCase();
  const headers = {
    "Cache-Control": "no-store",
    ...(answer.status === 429 ? retryAfterHeader(answer.retryAfterSeconds) : {}),
  };
  if (answer.status === 200) {
    return Response.json(
      { ok: true, outcome: answer.done.outcome, number, message: answer.message },
      { headers },
    );
  }
  const reason = Object.values(answer.errors).find(Boolean) ?? "";
  return Response.json(
    { ok: false, number, message: number ? `${number}: ${reason}` : reason },
    { status: answer.status, headers },
  );
}

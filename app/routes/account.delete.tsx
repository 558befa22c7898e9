import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { deleteAccount, deletionBlocker, type DeletionBlocker } from "~/account/deletion.server";
import { deleteForm } from "~/account/forms";
import { requireAccount } from "~/accounts/permissions.server";
import { endSession } from "~/accounts/session.server";
import { Field, FormMessage, SubmitButton } from "~/components/ui/field";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { fieldErrors, refusal, type FormErrors, type FormRefusal } from "~/lib/forms";
import { retryAfterHeader } from "~/security/rate-limit.server";
import { readForm } from "~/lib/form-body.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const owner = await requireAccount(request);
  const locale = await getLocale(request);
  const [t, blocker] = await Promise.all([
    i18next.getFixedT(locale, "account"),
    deletionBlocker(owner),
  ]);
  return { title: t("delete.metaTitle"), blocker };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

type Answer = FormRefusal & { blocker?: DeletionBlocker };

/** password: the account's password, asked again so a borrowed phone cannot delete it. */
export async function action({ request, context }: ActionFunctionArgs) {
  const owner = await requireAccount(request);
  const locale = await getLocale(request);
  const [form, t] = await Promise.all([readForm(request), i18next.getFixedT(locale, "account")]);
  const refuse = (errors: FormErrors, blocker?: DeletionBlocker) =>
    data<Answer>({ ...refusal(form, errors), blocker }, { status: 400 });

  const parsed = deleteForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return refuse(fieldErrors(parsed.error, t));
  }
  const result = await deleteAccount(owner, parsed.data.password, request, context);
  if (!result.ok) {
    switch (result.reason) {
      case "wrong-password":
        return refuse({ password: t("errors.passwordWrong") });
      case "rate-limited":
        return data<Answer>(
          refusal(form, { form: t("errors.rateLimited", { seconds: result.waitSeconds }) }),
          { status: 429, headers: retryAfterHeader(result.waitSeconds) },
        );
      case "blocked":
        return refuse({}, result.blocker);
    }
  }
  return redirect("/?accountDeleted=1", {
    headers: { "Set-Cookie": await endSession(request) },
  });
}

export default function DeleteAccountPage() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("account");
  // An order placed meanwhile blocks the deletion the page still offered.
  const blocker = answer?.blocker ?? loaded.blocker;

  return (
    <div className="mx-auto max-w-3xl px-4 pt-6 pb-10">
      <Link
        to="/account"
        className="inline-flex min-h-11 items-center gap-1 text-sm underline-offset-4 hover:underline"
      >
        <span aria-hidden>←</span> {t("delete.back")}
      </Link>
      <h1 className="mt-2 font-serif text-3xl">{t("delete.title")}</h1>
      <p className="mt-3">{t("delete.intro")}</p>
      <ul className="mt-2 list-disc space-y-2 pl-6">
        <li>{t("delete.effects.account")}</li>
        <li>{t("delete.effects.orders")}</li>
        <li className="font-medium">{t("delete.effects.final")}</li>
      </ul>
      <a
        href="/account/data"
        download
        className="mt-4 inline-flex min-h-11 items-center rounded-full border border-ink bg-white px-5 font-medium hover:border-copper-700 hover:text-copper-700"
      >
        {t("delete.download")}
      </a>

      <div className="mt-8 rounded-xl border border-line bg-white p-4 sm:p-6">
        {blocker ? (
          <Blocked blocker={blocker} />
        ) : (
          <Form method="post" noValidate className="space-y-4">
            {answer?.errors.form ? <FormMessage>{answer.errors.form}</FormMessage> : null}
            <Field
              name="password"
              type="password"
              label={t("delete.password")}
              hint={t("delete.passwordHint")}
              autoComplete="current-password"
              required
              error={answer?.errors.password}
            />
            <SubmitButton tone="danger" pendingText={t("delete.submitting")}>
              {t("delete.submit")}
            </SubmitButton>
          </Form>
        )}
      </div>
    </div>
  );
}

function Blocked({ blocker }: { blocker: DeletionBlocker }) {
  const { t } = useTranslation("account");
  if (blocker.kind === "staff") {
    return (
      <div role="status">
        <h2 className="font-serif text-xl">{t("delete.blockedRoleTitle")}</h2>
        <p className="mt-2">{t("delete.blockedRole")}</p>
      </div>
    );
  }
  return (
    <div role="status">
      <h2 className="font-serif text-xl">{t("delete.blockedOrdersTitle")}</h2>
      <p className="mt-2">{t("delete.blockedOrders")}</p>
      <ul className="mt-2 space-y-1">
        {blocker.orders.map((order) => (
          <li key={order.number}>
            <Link
              to={`/orders/${order.number}`}
              className="inline-flex min-h-11 items-center font-mono font-semibold underline underline-offset-4 hover:text-copper-700"
            >
              {order.number}
            </Link>{" "}
            — {t(`orderStatus.${order.status}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

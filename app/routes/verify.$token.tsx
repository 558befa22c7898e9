import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  confirmContact,
  inspectVerificationLink,
  type LinkProblem,
} from "~/account/contact-verification.server";
import type { Contact } from "~/account/profile.server";
import { SubmitButton } from "~/components/ui/field";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { formatPhone } from "~/lib/phone";

/*
 * The link sent to confirm an e-mail address or WhatsApp number. Opening it only shows a button:
 * link scanners in mail and chat apps open links on their own, and must not use the token up.
 * No sign-in is needed; the token proves that its holder reads that contact.
 */

function shown(contact: Contact, target: string): string {
  return contact === "phone" ? formatPhone(target) : target;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const [t, link] = await Promise.all([
    i18next.getFixedT(locale, "account"),
    inspectVerificationLink(params.token ?? ""),
  ]);
  // A link that no longer works still gets a page, in the visitor's language, saying why.
  return link.ok
    ? { title: t("verify.metaTitle"), problem: null, contact: shown(link.contact, link.target) }
    : { title: t("verify.metaTitle"), problem: link.problem, contact: null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const result = await confirmContact(params.token ?? "", request, context);
  if (!result.ok) {
    return data({ ok: false as const, problem: result.problem }, { status: 410 });
  }
  return {
    ok: true as const,
    contact: shown(result.contact, result.target),
    ordersAttached: result.ordersAttached,
  };
}

/** After confirming, the link is used up: asking the loader again would only say so. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  defaultShouldRevalidate,
}) => (formMethod === "POST" ? false : defaultShouldRevalidate);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

// The address holds the token: never cached, never sent on as a referrer.
export const headers: HeadersFunction = () => ({
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
});

const buttonClass =
  "inline-flex min-h-11 items-center rounded-full bg-ink px-5 font-medium text-paper hover:bg-copper-700";

export default function VerifyContactPage() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("account");

  if (answer?.ok) {
    return (
      <Frame title={t("verify.doneTitle")}>
        <p role="status">{t("verify.done", { contact: answer.contact })}</p>
        {answer.ordersAttached > 0 ? (
          <p>{t("verify.attached", { count: answer.ordersAttached })}</p>
        ) : null}
        <Link to="/account" className={buttonClass}>
          {t("verify.toAccount")}
        </Link>
      </Frame>
    );
  }

  const problem = answer?.problem ?? loaded.problem;
  if (problem) return <Problem problem={problem} />;

  return (
    <Frame title={t("verify.title")}>
      <p>{t("verify.intro", { contact: loaded.contact })}</p>
      <p className="text-muted">{t("verify.attachNote")}</p>
      <Form method="post">
        <SubmitButton pendingText={t("verify.submitting")}>{t("verify.submit")}</SubmitButton>
      </Form>
    </Frame>
  );
}

function Problem({ problem }: { problem: LinkProblem }) {
  const { t } = useTranslation("account");
  return (
    <Frame title={t(`verify.${problem}Title`)}>
      <p>{t(`verify.${problem}`)}</p>
      <p className="text-muted">{t("verify.askAgain")}</p>
      <Link to="/account" className={buttonClass}>
        {t("verify.askAgainLink")}
      </Link>
    </Frame>
  );
}

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-md px-4 py-8 sm:py-12">
      <h1 className="font-serif text-3xl">{title}</h1>
      <div className="mt-4 space-y-4">{children}</div>
    </div>
  );
}

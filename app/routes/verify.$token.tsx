import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  keepAnswerAfterPost,
  linkButtonClass,
  LinkPageFrame,
  linkPageHeaders,
} from "~/accounts/link-page";
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

export const shouldRevalidate = keepAnswerAfterPost;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

export const headers = linkPageHeaders;

export default function VerifyContactPage() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("account");

  if (answer?.ok) {
    return (
      <LinkPageFrame title={t("verify.doneTitle")}>
        <p role="status">{t("verify.done", { contact: answer.contact })}</p>
        {answer.ordersAttached > 0 ? (
          <p>{t("verify.attached", { count: answer.ordersAttached })}</p>
        ) : null}
        <Link to="/account" className={linkButtonClass}>
          {t("verify.toAccount")}
        </Link>
      </LinkPageFrame>
    );
  }

  const problem = answer?.problem ?? loaded.problem;
  if (problem) return <Problem problem={problem} />;

  return (
    <LinkPageFrame title={t("verify.title")}>
      <p>{t("verify.intro", { contact: loaded.contact })}</p>
      <p className="text-muted">{t("verify.attachNote")}</p>
      <Form method="post">
        <SubmitButton pendingText={t("verify.submitting")}>{t("verify.submit")}</SubmitButton>
      </Form>
    </LinkPageFrame>
  );
}

function Problem({ problem }: { problem: LinkProblem }) {
  const { t } = useTranslation("account");
  return (
    <LinkPageFrame title={t(`verify.${problem}Title`)}>
      <p>{t(`verify.${problem}`)}</p>
      <p className="text-muted">{t("verify.askAgain")}</p>
      <Link to="/account" className={linkButtonClass}>
        {t("verify.askAgainLink")}
      </Link>
    </LinkPageFrame>
  );
}

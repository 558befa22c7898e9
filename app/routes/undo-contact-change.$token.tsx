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
  inspectUndoLink,
  undoContactChange,
  type UndoProblem,
} from "~/account/contact-change.server";
import { SubmitButton } from "~/components/ui/field";
import { getLocale, i18next } from "~/i18n/i18next.server";

/*
 * The link sent to an account's old contacts when its contacts change. Opening it only shows a
 * button (link scanners open links on their own); no sign-in is needed, since whoever changed
 * the contacts may be the one signed in.
 */

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [t, link] = await Promise.all([
    i18next.getFixedT(await getLocale(request), "account"),
    inspectUndoLink(params.token ?? ""),
  ]);
  return { title: t("undo.metaTitle"), problem: link.ok ? null : link.problem };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const result = await undoContactChange(params.token ?? "", request, context);
  if (!result.ok) return data({ ok: false as const, problem: result.problem }, { status: 410 });
  return { ok: true as const, notRestored: result.notRestored.length > 0 };
}

export const shouldRevalidate = keepAnswerAfterPost;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

export const headers = linkPageHeaders;

export default function UndoContactChangePage() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("account");

  if (answer?.ok) {
    return (
      <LinkPageFrame title={t("undo.doneTitle")}>
        <p role="status">{t("undo.done")}</p>
        {answer.notRestored ? <p>{t("undo.notRestored")}</p> : null}
        <p>{t("undo.resetAdvice")}</p>
        <Link to="/forgot-password" className={linkButtonClass}>
          {t("undo.resetLink")}
        </Link>
      </LinkPageFrame>
    );
  }

  const problem = answer?.problem ?? loaded.problem;
  if (problem) return <Problem problem={problem} />;

  return (
    <LinkPageFrame title={t("undo.title")}>
      <p>{t("undo.intro")}</p>
      <Form method="post">
        <SubmitButton pendingText={t("undo.submitting")}>{t("undo.submit")}</SubmitButton>
      </Form>
    </LinkPageFrame>
  );
}

function Problem({ problem }: { problem: UndoProblem }) {
  const { t } = useTranslation("account");
  return (
    <LinkPageFrame title={t(`undo.${problem}Title`)}>
      <p>{t(`undo.${problem}`)}</p>
      <Link to="/forgot-password" className={linkButtonClass}>
        {t("undo.resetLink")}
      </Link>
    </LinkPageFrame>
  );
}

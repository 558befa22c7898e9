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

/** After undoing, the link is used up: asking the loader again would only say so. */
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

export default function UndoContactChangePage() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("account");

  if (answer?.ok) {
    return (
      <Frame title={t("undo.doneTitle")}>
        <p role="status">{t("undo.done")}</p>
        {answer.notRestored ? <p>{t("undo.notRestored")}</p> : null}
        <p>{t("undo.resetAdvice")}</p>
        <Link to="/forgot-password" className={buttonClass}>
          {t("undo.resetLink")}
        </Link>
      </Frame>
    );
  }

  const problem = answer?.problem ?? loaded.problem;
  if (problem) return <Problem problem={problem} />;

  return (
    <Frame title={t("undo.title")}>
      <p>{t("undo.intro")}</p>
      <Form method="post">
        <SubmitButton pendingText={t("undo.submitting")}>{t("undo.submit")}</SubmitButton>
      </Form>
    </Frame>
  );
}

function Problem({ problem }: { problem: UndoProblem }) {
  const { t } = useTranslation("account");
  return (
    <Frame title={t(`undo.${problem}Title`)}>
      <p>{t(`undo.${problem}`)}</p>
      <Link to="/forgot-password" className={buttonClass}>
        {t("undo.resetLink")}
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

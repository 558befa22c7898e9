import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthPage } from "~/accounts/auth-page";
import { endSession } from "~/accounts/session.server";
import { SubmitButton } from "~/components/ui/field";
import { getLocale, i18next } from "~/i18n/i18next.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(await getLocale(request), "auth");
  return { title: `${t("signOut.title")} · Karya Sungging` };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

/** Signing out is a POST (a link or a prefetch must not sign anyone out). */
export async function action({ request }: ActionFunctionArgs) {
  return redirect("/sign-in?signedOut=1", {
    headers: { "Set-Cookie": await endSession(request) },
  });
}

/** Opened as a page (a bookmark, a typed address): asks before signing out. */
export default function SignOut() {
  const { t } = useTranslation("auth");
  return (
    <AuthPage title={t("signOut.title")} intro={t("signOut.confirm")}>
      <Form method="post">
        <SubmitButton pendingText={t("signOut.submit")}>{t("signOut.submit")}</SubmitButton>
      </Form>
    </AuthPage>
  );
}

import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * The page a visitor sees for 403, 404, any other refused request (a broken or foreign form, a
 * bad address) and anything unexpected: never a stack trace.
 */
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, text] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFoundText")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbiddenText")]
        : status >= 400 && status < 500
          ? [t("errors.badRequestTitle"), t("errors.badRequestText")]
          : [t("errors.genericTitle"), t("errors.genericText")];
  return (
    <section className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-sm font-semibold tracking-widest text-copper-600">{status}</p>
      <h1 className="mt-2 font-serif text-3xl">{title}</h1>
      <p className="mt-4 text-muted">{text}</p>
      <Link
        to="/"
        className="mt-8 inline-flex min-h-11 items-center rounded-full bg-ink px-6 text-paper hover:bg-copper-700"
      >
        {t("errors.backHome")}
      </Link>
    </section>
  );
}

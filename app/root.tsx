import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { roleHome } from "~/accounts/permissions.server";
import { currentUser } from "~/accounts/session.server";
import { cartItemCount } from "~/cart/cart.server";
import { ErrorPage } from "~/components/error-page";
import { useNonce } from "~/components/nonce";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { getCooperativeIdentity } from "~/cooperative/cooperative.server";
import { defaultLocale } from "~/i18n/config";
import en from "~/i18n/locales/en";
import id from "~/i18n/locales/id";
import { getLocale } from "~/i18n/i18next.server";
import stylesheet from "~/styles/tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const [cooperative, cartCount, user] = await Promise.all([
    getCooperativeIdentity(locale),
    cartItemCount(request),
    currentUser(request),
  ]);
  const account = user ? { role: user.role, home: roleHome[user.role] } : null;
  return { locale, cooperative, cartCount, account };
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  // Only an error page renders without a route of its own to name it.
  if (!error) return [];
  const errors = (data?.locale === "en" ? en : id).errors;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title =
    status === 404
      ? errors.notFoundTitle
      : status === 403
        ? errors.forbiddenTitle
        : errors.genericTitle;
  return [{ title: `${title} · Karya Sungging` }];
};

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? defaultLocale;
  const { t } = useTranslation();
  const nonce = useNonce();
  useChangeLanguage(locale);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#faf7f2" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col bg-paper font-sans text-ink antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-ink focus:px-3 focus:py-2 focus:text-paper"
        >
          {t("nav.skipToContent")}
        </a>
        <SiteHeader
          locale={locale}
          cartCount={data?.cartCount ?? 0}
          account={data?.account ?? null}
        />
        <main id="main" className="flex-1">
          {children}
        </main>
        <SiteFooter cooperative={data?.cooperative ?? null} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}

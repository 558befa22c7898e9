import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { roleHome } from "~/accounts/permissions.server";
import { currentUser } from "~/accounts/session.server";
import { cartItemCount } from "~/cart/cart.server";
import { ErrorPage } from "~/components/error-page";
import { useNonce } from "~/components/nonce";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { appConfig } from "~/config.server";
import { getCooperativeIdentity } from "~/cooperative/cooperative.server";
import { languageAlternates } from "~/seo/alternates";
import { defaultLocale, textSetFor, translationsUrl } from "~/i18n/config";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { translationsVersion } from "~/i18n/resources.server";
import { useLanguage } from "~/i18n/use-language";
import stylesheet from "~/styles/tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  // The .ico for whatever asks for /favicon.ico by itself; browsers that read SVG take the SVG.
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
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
  const t = await i18next.getFixedT(locale);
  const errorTitles = {
    404: t("errors.notFoundTitle"),
    403: t("errors.forbiddenTitle"),
    other: t("errors.genericTitle"),
  };
  return {
    locale,
    origin: appConfig().publicUrl,
    cooperative,
    cartCount,
    account,
    translationsVersion,
    textSet: textSetFor(new URL(request.url).pathname),
    errorTitles,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  // Only an error page renders without a route of its own to name it.
  if (!error) return [];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const titles = data?.errorTitles;
  const title = status === 404 || status === 403 ? titles?.[status] : titles?.other;
  return [{ title: title ? `${title} · Karya Sungging` : "Karya Sungging" }];
};

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? defaultLocale;
  const { t } = useTranslation();
  const nonce = useNonce();
  const location = useLocation();
  const alternates = data ? languageAlternates(data.origin, location) : null;
  useLanguage(locale, data?.translationsVersion, data?.textSet);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#faf7f2" />
        <Meta />
        <Links />
        {alternates ? (
          <>
            <link rel="canonical" href={alternates[locale]} />
            <link rel="alternate" hrefLang="id" href={alternates.id} />
            <link rel="alternate" hrefLang="en" href={alternates.en} />
            <link rel="alternate" hrefLang="x-default" href={alternates.id} />
          </>
        ) : null}
        {data ? (
          <link
            rel="preload"
            as="fetch"
            crossOrigin="anonymous"
            href={translationsUrl(locale, data.translationsVersion, data.textSet)}
            data-translations=""
          />
        ) : null}
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

// Server-renders one route's page with the data its loader (and action) answered, as the app's
// document would show it, without building the app: for integration tests that check what a
// person reads on a page.
import { UNSAFE_RemixContext } from "@remix-run/react";
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import {
  createStaticHandler,
  createStaticRouter,
  StaticRouterProvider,
} from "react-router-dom/server";
import type { Locale } from "~/i18n/config";
import { translationsFor } from "~/i18n/i18next.server";

export async function renderPage(
  Page: ComponentType,
  {
    url,
    loaderData,
    actionData,
    locale = "id",
  }: { url: string; loaderData: unknown; actionData?: unknown; locale?: Locale },
): Promise<string> {
  const routes = [
    {
      id: "page",
      path: "*",
      loader: () => loaderData as Record<string, unknown>,
      action: () => (actionData ?? null) as Record<string, unknown> | null,
      Component: Page,
    },
  ];
  const handler = createStaticHandler(routes);
  const request = new Request(
    new URL(url, "http://localhost"),
    actionData === undefined ? {} : { method: "POST", body: new URLSearchParams() },
  );
  const context = await handler.query(request);
  if (context instanceof Response) throw new Error(`The page answered ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  // What Remix's <Link> and <Form> read from the app's build; nothing is prefetched here.
  const remix = {
    manifest: {
      routes: {
        page: {
          id: "page",
          module: "",
          hasLoader: true,
          hasAction: actionData !== undefined,
          hasClientAction: false,
          hasClientLoader: false,
          hasErrorBoundary: false,
        },
      },
      entry: { module: "", imports: [] },
      url: "",
      version: "",
    },
    routeModules: { page: { default: Page } },
    future: {},
    isSpaMode: false,
  };
  return renderToString(
    createElement(
      I18nextProvider,
      { i18n: translationsFor(locale) },
      createElement(
        UNSAFE_RemixContext.Provider,
        { value: remix as never },
        createElement(StaticRouterProvider, { router, context, hydrate: false }),
      ),
    ),
  );
}

/** The text a person reads: tags dropped, entities and spaces as they look. */
export function textOf(html: string): string {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

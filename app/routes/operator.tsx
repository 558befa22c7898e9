import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOperator } from "~/accounts/permissions.server";
import { OfflineConsole, useOnline } from "~/operator/offline-console";
import { workspaceClientLoader } from "~/i18n/use-language";

/**
 * The rest-area console around every operator page: the offline banner and queue, and the four
 * places an operator goes to, within thumb's reach at the bottom of the screen.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const owner = await requireOperator(request);
  return { operatorId: owner.userId };
}

// A shop page has only the shop's texts: the rest arrive before this workspace renders.
export const clientLoader = workspaceClientLoader;

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export default function OperatorConsole() {
  const { operatorId } = useLoaderData<typeof loader>();
  return (
    <div className="flex min-h-full flex-col">
      <OfflineConsole operatorId={operatorId} />
      <div className="flex-1">
        <Outlet />
      </div>
      <ConsoleNav />
    </div>
  );
}

const PLACES = [
  { to: "/operator", key: "nav.home", end: true },
  { to: "/operator/arrivals", key: "nav.arrivals", end: false },
  { to: "/operator/handover", key: "nav.handover", end: false },
  { to: "/operator/uncollected", key: "nav.uncollected", end: false },
] as const;

function ConsoleNav() {
  const { t } = useTranslation("operator");
  const online = useOnline();
  return (
    <nav
      aria-label={t("nav.label")}
      className="sticky bottom-0 z-10 border-t border-line bg-paper/95 backdrop-blur print:hidden"
    >
      <ul className="mx-auto grid max-w-3xl grid-cols-4">
        {PLACES.map((place) => (
          <li key={place.to}>
            <NavLink
              to={place.to}
              end={place.end}
              // Without signal a whole page is loaded, which the service worker has kept.
              reloadDocument={!online}
              className={({ isActive }) =>
                `flex min-h-14 items-center justify-center px-1 text-center text-sm leading-tight font-semibold ${isActive ? "bg-ink text-paper" : "text-ink hover:bg-linen"}`
              }
            >
              {t(place.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

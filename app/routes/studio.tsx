import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireArtisan } from "~/accounts/permissions.server";
import { ErrorPage } from "~/components/error-page";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireArtisan(request);
  return null;
}

// One artisan's own listings, orders and money: never kept by a browser or a proxy.
export const headers = () => ({ "Cache-Control": "private, no-store", Vary: "Cookie" });

const sections = [
  { to: "/studio", key: "home", end: true },
  { to: "/studio/listings", key: "listings", end: false },
  { to: "/studio/orders", key: "orders", end: false },
  { to: "/studio/statements", key: "statements", end: false },
] as const;

export default function StudioLayout() {
  const { t } = useTranslation("studio");
  return (
    <div className="mx-auto max-w-3xl px-4 pt-4 pb-8">
      <nav aria-label={t("nav.label")} className="border-b border-line print:hidden">
        {/* Four short words: they fit one line on a 360 px phone and wrap on anything smaller. */}
        <ul className="flex flex-wrap gap-1 pb-2">
          {sections.map((section) => (
            <li key={section.to}>
              <NavLink
                to={section.to}
                end={section.end}
                prefetch="intent"
                className={({ isActive }) =>
                  `inline-flex min-h-11 items-center rounded-full px-3 font-medium whitespace-nowrap ${
                    isActive ? "bg-ink text-paper" : "hover:bg-linen hover:text-copper-700"
                  }`
                }
              >
                {t(`nav.${section.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="pt-4">
        <Outlet />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}

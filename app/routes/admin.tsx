import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAdmin } from "~/accounts/permissions.server";
import { adminPageHeaders } from "~/admin/page";
import { ErrorPage } from "~/components/error-page";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export const headers = adminPageHeaders;

const sections = [
  { to: "/admin", key: "dashboard", end: true },
  { to: "/admin/orders", key: "orders", end: false },
  { to: "/admin/dispatch", key: "dispatch", end: false },
  { to: "/admin/payouts", key: "payouts", end: false },
  { to: "/admin/notifications", key: "notifications", end: false },
  { to: "/admin/users", key: "users", end: false },
  { to: "/admin/artisans", key: "artisans", end: false },
  { to: "/admin/rest-areas", key: "restAreas", end: false },
  { to: "/admin/audit", key: "audit", end: false },
] as const;

export default function AdminLayout() {
  const { t } = useTranslation("admin");
  return (
    <div className="mx-auto max-w-6xl px-4 pt-4 pb-8">
      <nav aria-label={t("nav.label")} className="border-b border-line">
        {/* Wraps onto a second line on a narrow phone, so every section stays in sight. */}
        <ul className="flex flex-wrap gap-1 pb-2">
          {sections.map((section) => (
            <li key={section.to}>
              <NavLink
                to={section.to}
                end={section.end}
                prefetch="intent"
                className={({ isActive }) =>
                  `inline-flex min-h-11 items-center rounded-full px-4 font-medium whitespace-nowrap ${
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

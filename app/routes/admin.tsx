import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAdmin } from "~/accounts/permissions.server";
import { adminPageHeaders } from "~/admin/page";
import { ErrorPage } from "~/components/error-page";
import { SectionNav } from "~/components/ui/section-nav";
import { workspaceClientLoader } from "~/i18n/use-language";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

// A shop page has only the shop's texts: the rest arrive before this workspace renders.
export const clientLoader = workspaceClientLoader;

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
      <SectionNav
        label={t("nav.label")}
        sections={sections.map((section) => ({
          to: section.to,
          end: section.end,
          label: t(`nav.${section.key}`),
        }))}
      />
      <div className="pt-4">
        <Outlet />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}

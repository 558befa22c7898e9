import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireArtisan } from "~/accounts/permissions.server";
import { ErrorPage } from "~/components/error-page";
import { SectionNav } from "~/components/ui/section-nav";
import { workspaceClientLoader } from "~/i18n/use-language";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireArtisan(request);
  return null;
}

// A shop page has only the shop's texts: the rest arrive before this workspace renders.
export const clientLoader = workspaceClientLoader;

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

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAdmin } from "~/accounts/permissions.server";
import { Badge } from "~/admin/admin-ui";
import { listArtisansForAdmin, type ArtisanAccountState } from "~/admin/artisans.server";
import { adminMeta, adminPageHeaders } from "~/admin/page";
import { adminTexts } from "~/admin/texts.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { t } = await adminTexts(request);
  return { title: t("artisans.metaTitle"), artisans: await listArtisansForAdmin() };
}

export const headers = adminPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => adminMeta(data?.title);

const accountTone: Record<ArtisanAccountState, "neutral" | "good" | "warn" | "off"> = {
  none: "neutral",
  invited: "warn",
  active: "good",
  deactivated: "off",
};

export default function AdminArtisans() {
  const { artisans } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div>
      <h1 id="artisans-heading" className="font-serif text-3xl">
        {t("artisans.title")}
      </h1>
      <p className="mt-1 text-muted">{t("artisans.intro")}</p>
      {artisans.length > 0 ? (
        <ul aria-labelledby="artisans-heading" className="mt-4 grid gap-2 md:grid-cols-2">
          {artisans.map((artisan) => (
            <li key={artisan.id} className="rounded-lg border border-line bg-white p-3">
              <Link
                to={`/admin/artisans/${artisan.id}`}
                className="inline-flex min-h-11 items-center font-semibold underline-offset-4 hover:underline"
              >
                {artisan.name}
              </Link>
              <p className="text-sm text-muted">
                {artisan.village} · {t("artisans.products", { count: artisan.productCount })}
              </p>
              <p className="mt-1 flex flex-wrap gap-1">
                <Badge tone={accountTone[artisan.account]}>
                  {t(`artisanAccount.${artisan.account}`)}
                </Badge>
                {artisan.active ? null : <Badge tone="off">{t("artisans.hidden")}</Badge>}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 rounded-lg border border-line bg-white p-4">{t("artisans.none")}</p>
      )}
    </div>
  );
}

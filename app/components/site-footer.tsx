import { useTranslation } from "react-i18next";
import type { CooperativeIdentity } from "~/cooperative/cooperative.server";

export function SiteFooter({ cooperative }: { cooperative: CooperativeIdentity | null }) {
  const { t } = useTranslation();
  const name = cooperative?.name ?? "Karya Sungging";
  return (
    <footer className="mt-16 border-t border-line bg-linen print:hidden">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm sm:grid-cols-2">
        <div>
          <p className="font-serif text-lg">{name}</p>
          <p className="mt-2 max-w-prose text-muted">{cooperative?.about ?? t("footer.about")}</p>
          <p className="mt-2 text-muted">{t("footer.pickupNote")}</p>
        </div>
        {cooperative ? (
          <div>
            <h2 className="font-semibold">{t("footer.contact")}</h2>
            <dl className="mt-2 grid grid-cols-[auto_1fr] items-center gap-x-3 text-muted">
              <dt>{t("footer.whatsapp")}</dt>
              <dd>
                <a
                  className="inline-flex min-h-11 items-center underline"
                  href={`https://wa.me/${cooperative.phone.replace(/\D/g, "")}`}
                >
                  {cooperative.phone}
                </a>
              </dd>
              <dt>{t("footer.email")}</dt>
              <dd>
                <a
                  className="inline-flex min-h-11 items-center underline"
                  href={`mailto:${cooperative.email}`}
                >
                  {cooperative.email}
                </a>
              </dd>
              <dt>{t("footer.address")}</dt>
              <dd>{cooperative.address}</dd>
            </dl>
          </div>
        ) : null}
      </div>
      <p className="pb-6 text-center text-xs text-muted">
        {t("footer.rights", { year: new Date().getFullYear(), name })}
      </p>
    </footer>
  );
}

import { useTranslation } from "react-i18next";
import type { Locale } from "~/i18n/config";
import { formatMinuteOfDay } from "~/lib/dates";
import { weekdayName } from "./pickup-days";
import type { DirectoryRestArea, RestAreaPickupSummary } from "./rest-areas.server";

type Props = { restArea: RestAreaPickupSummary };

/** "Jalur A · arah Palembang (ke utara)": the side in words, since the letter alone says little. */
export function SideAndDirection({ restArea }: Props) {
  const { t } = useTranslation("pickup");
  return restArea.side
    ? t("restArea.sideAndDirection", { side: restArea.side, direction: restArea.direction })
    : restArea.direction;
}

/** "Setiap hari, 08.00–20.00 WIB", or the weekdays when the counter is not open every day. */
export function OpeningHours({ restArea, locale }: Props & { locale: Locale }) {
  const { t } = useTranslation("pickup");
  const openWeekdays = [...new Set(restArea.openWeekdays)].sort((a, b) => a - b);
  const days =
    openWeekdays.length === 7
      ? t("restArea.everyDay")
      : openWeekdays.map((weekday) => weekdayName(weekday, locale)).join(", ");
  return t("restArea.hours", {
    days,
    opens: formatMinuteOfDay(restArea.opensAtMinute, locale),
    closes: formatMinuteOfDay(restArea.closesAtMinute, locale),
  });
}

/** "Tebedak 2, Payaraman, Ogan Ilir"; a place named after its regency is said once. */
export function PlaceAndRegency({ restArea }: { restArea: DirectoryRestArea }) {
  const { t } = useTranslation("pickup");
  return restArea.place === restArea.regency
    ? restArea.place
    : t("restArea.place", { place: restArea.place, regency: restArea.regency });
}

/**
 * The lines under a rest area's name, on its card and on its page: the KM post when the name
 * does not already carry it ("Rest Area KM 87 A" does), the side and direction of travel, and the
 * segment with the place. `size` follows the heading they sit under.
 */
export function RestAreaIdentity({
  restArea,
  size,
}: {
  restArea: DirectoryRestArea;
  size: "card" | "page";
}) {
  const { t } = useTranslation("pickup");
  const page = size === "page";
  return (
    <>
      {restArea.name.includes(restArea.kmLabel) ? null : (
        <p className={page ? "mt-1 text-muted" : "text-sm text-muted"}>{restArea.kmLabel}</p>
      )}
      <p className={`${page ? "mt-2" : "mt-1 text-sm"} font-medium first-letter:uppercase`}>
        <SideAndDirection restArea={restArea} />
      </p>
      <p className="text-sm text-muted">
        {t("restArea.segment", { segment: restArea.segment })} ·{" "}
        <PlaceAndRegency restArea={restArea} />
      </p>
    </>
  );
}

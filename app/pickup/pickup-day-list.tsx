import { useTranslation } from "react-i18next";
import type { PickupDay } from "./pickup-days";

export function PickupDayList({ days }: { days: PickupDay[] }) {
  const { t } = useTranslation("pickup");
  if (days.length === 0) return <p className="text-muted">{t("restArea.noPickupDays")}</p>;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {days.map((day) => (
        <li key={day.dayKey}>
          <time
            dateTime={day.dayKey}
            className="inline-block rounded-md bg-copper-50 px-2 py-0.5 text-sm text-copper-700"
          >
            {day.label}
          </time>
        </li>
      ))}
    </ul>
  );
}

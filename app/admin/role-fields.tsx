import { useTranslation } from "react-i18next";
import { useHydrated } from "remix-utils/use-hydrated";
import { FieldError } from "~/components/ui/field";
import type { Role } from "~/generated/prisma/enums";
import { RestAreaPicker, selectClass, type RestAreaGroup } from "./admin-ui";

/**
 * What a role needs besides itself: an artisan account its artisan profile, an operator account
 * its rest areas. Without JavaScript both parts show and the role chosen decides which counts;
 * with it, only the chosen role's part shows.
 */
export function RoleSpecificFields({
  role,
  idPrefix,
  artisans,
  restAreas,
  values,
  errors,
}: {
  role: Role | null;
  idPrefix: string;
  artisans: { id: string; name: string; village: string }[];
  restAreas: RestAreaGroup[];
  values: { artisanId?: string; restAreaIds: readonly string[] };
  errors: { artisanId?: string; restAreaIds?: string };
}) {
  const { t } = useTranslation("admin");
  const hydrated = useHydrated();
  const selectId = `${idPrefix}-artisan`;
  const hintId = `${selectId}-hint`;
  const errorId = `${selectId}-error`;
  return (
    <>
      <div hidden={hydrated && role !== "ARTISAN"}>
        {hydrated ? null : (
          <p className="mb-1 text-sm font-semibold text-copper-700">{t("invite.forArtisan")}</p>
        )}
        <label htmlFor={selectId} className="mb-1 block font-medium">
          {t("invite.artisan")}
        </label>
        {artisans.length > 0 ? (
          <select
            id={selectId}
            name="artisanId"
            defaultValue={values.artisanId ?? ""}
            aria-invalid={errors.artisanId ? true : undefined}
            aria-describedby={`${hintId}${errors.artisanId ? ` ${errorId}` : ""}`}
            className={selectClass}
          >
            <option value="">{t("invite.chooseArtisan")}</option>
            {artisans.map((artisan) => (
              <option key={artisan.id} value={artisan.id}>
                {artisan.name} · {artisan.village}
              </option>
            ))}
          </select>
        ) : null}
        <p id={hintId} className="mt-1 text-sm text-muted">
          {artisans.length > 0 ? t("invite.artisanHint") : t("invite.noArtisans")}
        </p>
        {errors.artisanId ? <FieldError id={errorId}>{errors.artisanId}</FieldError> : null}
      </div>

      <div hidden={hydrated && role !== "OPERATOR"}>
        {hydrated ? null : (
          <p className="mb-1 text-sm font-semibold text-copper-700">{t("invite.forOperator")}</p>
        )}
        <RestAreaPicker
          idPrefix={idPrefix}
          groups={restAreas}
          checked={values.restAreaIds}
          legend={t("invite.restAreas")}
          hint={t("invite.restAreasHint")}
          error={errors.restAreaIds}
        />
      </div>
    </>
  );
}

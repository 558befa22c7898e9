import { Form } from "@remix-run/react";
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { Field, FieldError, FormMessage, inputClass, SubmitButton } from "~/components/ui/field";
import { Metal } from "~/generated/prisma/enums";
import {
  LISTING_LIMITS,
  variantFieldName,
  type ListingDraft,
  type VariantRow,
} from "./listing-form";

/**
 * The listing form of the studio, for a new product and for an existing one. It is a plain form:
 * "add a variant", "remove" and "undo" are submit buttons that send everything typed so far, and
 * the server draws the form again with the rows changed, so it works without JavaScript.
 */

const METALS = Object.values(Metal);
const cardClass = "grid gap-4 rounded-xl border border-line bg-white p-4";

type Props = {
  draft: ListingDraft;
  /** Field name → sentence; `form` is about the form as a whole. */
  errors: Partial<Record<string, string>>;
  categories: { id: string; name: string }[];
  /** Saved variants that were ever ordered: removing one takes it off sale instead. */
  orderedVariantIds: readonly string[];
  submitLabel: string;
};

export function ListingForm({ draft, errors, categories, orderedVariantIds, submitLabel }: Props) {
  const { t } = useTranslation("listings");
  const value = draft.fields;
  return (
    <Form method="post" noValidate className="mt-4 grid gap-4">
      {/* Enter in a text field presses the first submit button: let that be "save", not "remove". */}
      <button type="submit" name="intent" value="save" hidden tabIndex={-1} />
      {errors.form ? <FormMessage>{errors.form}</FormMessage> : null}

      <section aria-labelledby="listing-about" className={cardClass}>
        <h2 id="listing-about" className="font-serif text-xl">
          {t("form.about")}
        </h2>
        <Field
          name="titleId"
          label={t("form.titleId")}
          hint={t("form.titleIdHint")}
          defaultValue={value.titleId}
          error={errors.titleId}
          required
          maxLength={LISTING_LIMITS.titleMax}
        />
        <TextAreaField
          name="descriptionId"
          label={t("form.descriptionId")}
          hint={t("form.descriptionHint")}
          defaultValue={value.descriptionId}
          error={errors.descriptionId}
          required
          rows={8}
          maxLength={LISTING_LIMITS.descriptionMax}
        />
      </section>

      <section aria-labelledby="listing-kind" className={cardClass}>
        <h2 id="listing-kind" className="font-serif text-xl">
          {t("form.kind")}
        </h2>
        <SelectField
          name="categoryId"
          label={t("form.category")}
          defaultValue={value.categoryId}
          error={errors.categoryId}
          required
        >
          <option value="">{t("form.chooseCategory")}</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </SelectField>
        <MetalSelect
          name="metal"
          label={t("form.metal")}
          value={value.metal}
          error={errors.metal}
        />
        <TextAreaField
          name="materialsId"
          label={optional(t("form.materialsId"), t("form.optional"))}
          hint={t("form.materialsHint")}
          defaultValue={value.materialsId}
          error={errors.materialsId}
          rows={2}
          maxLength={LISTING_LIMITS.noteMax}
        />
        <TextAreaField
          name="careId"
          label={optional(t("form.careId"), t("form.optional"))}
          hint={t("form.careHint")}
          defaultValue={value.careId}
          error={errors.careId}
          rows={2}
          maxLength={LISTING_LIMITS.noteMax}
        />
      </section>

      <section aria-labelledby="listing-timing" className={cardClass}>
        <h2 id="listing-timing" className="font-serif text-xl">
          {t("form.timing")}
        </h2>
        <Field
          name="leadTimeDays"
          label={t("form.leadTimeDays")}
          hint={t("form.leadTimeHint", { max: LISTING_LIMITS.leadTimeMax })}
          inputMode="numeric"
          defaultValue={value.leadTimeDays}
          error={errors.leadTimeDays}
          maxLength={3}
          className="max-w-60"
        />
        <Field
          name="weightGrams"
          label={optional(t("form.weightGrams"), t("form.optional"))}
          hint={t("form.weightHint")}
          inputMode="numeric"
          defaultValue={value.weightGrams}
          error={errors.weightGrams}
          maxLength={6}
          className="max-w-60"
        />
      </section>

      <section aria-labelledby="listing-variants" className={cardClass}>
        <div>
          <h2 id="listing-variants" className="font-serif text-xl">
            {t("form.variants")}
          </h2>
          <p className="mt-1 text-sm text-muted">{t("form.variantsHint")}</p>
        </div>
        {errors.variants ? (
          <FieldError id="listing-variants-error">{errors.variants}</FieldError>
        ) : null}
        <input type="hidden" name="variantCount" value={draft.variants.length} />
        <ol className="grid gap-4">
          {draft.variants.map((row, index) => (
            <li key={`${row.id || "new"}-${index}`}>
              <VariantFields
                row={row}
                index={index}
                errors={errors}
                ordered={row.id !== "" && orderedVariantIds.includes(row.id)}
                removable={draft.variants.length > 1}
              />
            </li>
          ))}
        </ol>
        {draft.variants.length < LISTING_LIMITS.variantsMax ? (
          <SubmitButton
            name="intent"
            value="add-variant"
            tone="secondary"
            pendingText={t("form.adding")}
            className="justify-self-start"
          >
            <span aria-hidden>+ </span>
            {t("form.addVariant")}
          </SubmitButton>
        ) : (
          <p className="text-sm text-muted">
            {t("form.variantsMax", { max: LISTING_LIMITS.variantsMax })}
          </p>
        )}
      </section>

      <section aria-labelledby="listing-english" className={cardClass}>
        <div>
          <h2 id="listing-english" className="font-serif text-xl">
            {t("form.english")}
          </h2>
          <p className="mt-1 text-sm text-muted">{t("form.englishHint")}</p>
        </div>
        <Field
          name="titleEn"
          label={optional(t("form.titleEn"), t("form.optional"))}
          defaultValue={value.titleEn}
          error={errors.titleEn}
          maxLength={LISTING_LIMITS.titleMax}
          lang="en"
        />
        <TextAreaField
          name="descriptionEn"
          label={optional(t("form.descriptionEn"), t("form.optional"))}
          defaultValue={value.descriptionEn}
          error={errors.descriptionEn}
          rows={6}
          maxLength={LISTING_LIMITS.descriptionMax}
          lang="en"
        />
        <TextAreaField
          name="materialsEn"
          label={optional(t("form.materialsEn"), t("form.optional"))}
          defaultValue={value.materialsEn}
          error={errors.materialsEn}
          rows={2}
          maxLength={LISTING_LIMITS.noteMax}
          lang="en"
        />
        <TextAreaField
          name="careEn"
          label={optional(t("form.careEn"), t("form.optional"))}
          defaultValue={value.careEn}
          error={errors.careEn}
          rows={2}
          maxLength={LISTING_LIMITS.noteMax}
          lang="en"
        />
      </section>

      <SubmitButton
        name="intent"
        value="save"
        pendingText={t("form.saving")}
        className="min-h-12 w-full text-lg sm:w-auto sm:justify-self-start"
      >
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}

function optional(label: string, word: string): string {
  return `${label} (${word})`;
}

function VariantFields({
  row,
  index,
  errors,
  ordered,
  removable,
}: {
  row: VariantRow;
  index: number;
  errors: Partial<Record<string, string>>;
  ordered: boolean;
  removable: boolean;
}) {
  const { t } = useTranslation("listings");
  const name = (field: Parameters<typeof variantFieldName>[1]) => variantFieldName(index, field);
  const error = (field: Parameters<typeof variantFieldName>[1]) => errors[name(field)];
  const number = index + 1;
  const legendId = `variant-${index}-legend`;

  if (row.remove) {
    // Marked to go when the form is saved: its values ride along, hidden, so "undo" restores them.
    return (
      <fieldset
        aria-labelledby={legendId}
        className="rounded-lg border border-dashed border-line bg-linen p-3"
      >
        <legend id={legendId} className="px-1 font-semibold">
          {t("variant.legend", { n: number })}: {row.labelId}
        </legend>
        {(["id", "labelId", "labelEn", "metal", "finish", "size", "price", "stock"] as const).map(
          (field) => (
            <input key={field} type="hidden" name={name(field)} value={row[field]} />
          ),
        )}
        <input type="hidden" name={name("seenStock")} value={row.seenStock} />
        <input type="hidden" name={name("remove")} value="1" />
        {row.active ? <input type="hidden" name={name("active")} value="on" /> : null}
        <p className="text-sm">
          {ordered ? t("variant.markedDeactivate") : t("variant.markedRemove")}
        </p>
        <SubmitButton
          name="intent"
          value={`restore-variant-${index}`}
          tone="secondary"
          pendingText={t("form.adding")}
          className="mt-2"
        >
          {t("variant.restore", { n: number })}
        </SubmitButton>
      </fieldset>
    );
  }

  return (
    <fieldset aria-labelledby={legendId} className="rounded-lg border border-line p-3">
      <legend id={legendId} className="px-1 font-semibold">
        {t("variant.legend", { n: number })}
      </legend>
      <input type="hidden" name={name("id")} value={row.id} />
      <input type="hidden" name={name("seenStock")} value={row.seenStock} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          name={name("labelId")}
          label={t("variant.labelId")}
          hint={t("variant.labelIdHint")}
          defaultValue={row.labelId}
          error={error("labelId")}
          required
          maxLength={LISTING_LIMITS.labelMax}
          className="sm:col-span-2"
        />
        <Field
          name={name("price")}
          label={t("variant.price")}
          hint={t("variant.priceHint")}
          inputMode="numeric"
          defaultValue={row.price}
          error={error("price")}
          required
          maxLength={20}
        />
        <Field
          name={name("stock")}
          label={t("variant.stock")}
          hint={row.id ? t("variant.stockSeenHint", { count: Number(row.seenStock) }) : undefined}
          inputMode="numeric"
          defaultValue={row.stock}
          error={error("stock")}
          required
          maxLength={6}
        />
        <MetalSelect
          name={name("metal")}
          label={t("variant.metal")}
          value={row.metal}
          error={error("metal")}
          emptyLabel={t("variant.sameMetal")}
        />
        <Field
          name={name("finish")}
          label={optional(t("variant.finish"), t("form.optional"))}
          hint={t("variant.finishHint")}
          defaultValue={row.finish}
          error={error("finish")}
          maxLength={LISTING_LIMITS.detailMax}
        />
        <Field
          name={name("size")}
          label={optional(t("variant.size"), t("form.optional"))}
          hint={t("variant.sizeHint")}
          defaultValue={row.size}
          error={error("size")}
          maxLength={LISTING_LIMITS.detailMax}
        />
        <Field
          name={name("labelEn")}
          label={optional(t("variant.labelEn"), t("form.optional"))}
          defaultValue={row.labelEn}
          error={error("labelEn")}
          maxLength={LISTING_LIMITS.labelMax}
          lang="en"
        />
      </div>
      <label className="mt-3 flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          name={name("active")}
          value="on"
          defaultChecked={row.active}
          className="h-5 w-5 accent-copper-700"
        />
        {t("variant.active")}
      </label>
      {ordered ? <p className="text-sm text-muted">{t("variant.orderedHint")}</p> : null}
      {removable ? (
        <SubmitButton
          name="intent"
          value={`remove-variant-${index}`}
          tone="secondary"
          pendingText={t("form.adding")}
          className="mt-2"
        >
          {ordered ? t("variant.deactivate", { n: number }) : t("variant.remove", { n: number })}
        </SubmitButton>
      ) : null}
    </fieldset>
  );
}

function MetalSelect({
  name,
  label,
  value,
  error,
  emptyLabel,
}: {
  name: string;
  label: string;
  value: string;
  error?: string;
  /** What no choice means; without it a metal must be chosen. */
  emptyLabel?: string;
}) {
  const { t } = useTranslation("listings");
  return (
    <SelectField
      name={name}
      label={label}
      defaultValue={value}
      error={error}
      required={!emptyLabel}
    >
      <option value="">{emptyLabel ?? t("form.chooseMetal")}</option>
      {METALS.map((metal) => (
        <option key={metal} value={metal}>
          {t(`metals.${metal}`, { ns: "catalog" })}
        </option>
      ))}
    </SelectField>
  );
}

function described(id: string, hint: unknown, error: unknown): string | undefined {
  return (
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined
  );
}

function FieldFrame({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
};

function TextAreaField({ name, label, hint, error, ...textarea }: TextAreaFieldProps) {
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, hint, error)}
        className={`${inputClass} py-2`}
        {...textarea}
      />
    </FieldFrame>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "name"> & {
  name: string;
  label: ReactNode;
  error?: string;
  children: ReactNode;
};

function SelectField({ name, label, error, children, ...select }: SelectFieldProps) {
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} error={error}>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, undefined, error)}
        className={inputClass}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

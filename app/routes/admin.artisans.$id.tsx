import { idParamOrNotFound } from "~/admin/admin-call.server";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requireAdmin } from "~/accounts/permissions.server";
import { Badge, cardClass, checkboxClass, textLinkClass } from "~/admin/admin-ui";
import { artisanForAdmin, updateArtisan } from "~/admin/artisans.server";
import { artisanForm, EARLIEST_CRAFTING_YEAR, formInput } from "~/admin/forms";
import { adminMeta, adminPageHeaders } from "~/admin/page";
import { adminTexts } from "~/admin/texts.server";
import { Field, FieldError, FormMessage, inputClass, SubmitButton } from "~/components/ui/field";
import { Metal } from "~/generated/prisma/enums";
import { wibDateKey } from "~/lib/dates";
import { refusal, type FormRefusal } from "~/lib/forms";
import { readForm } from "~/lib/form-body.server";

const DONE = ["saved", "unchanged"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const id = idParamOrNotFound(params.id);
  const { t } = await adminTexts(request);
  const artisan = await artisanForAdmin(id);
  if (!artisan) throw notFound();
  const done = new URL(request.url).searchParams.get("done");
  return {
    title: t("artisan.metaTitle", { name: artisan.name }),
    artisan,
    done: DONE.find((d) => d === done) ?? null,
    thisYear: Number(wibDateKey(new Date()).slice(0, 4)),
  };
}

export const headers = adminPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => adminMeta(data?.title);

type ArtisanAnswer = FormRefusal & { specialties: string[] };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const id = idParamOrNotFound(params.id);
  const { errorsOf } = await adminTexts(request);
  const form = await readForm(request);
  const parsed = artisanForm().safeParse(formInput(form, ["specialties"]));
  if (!parsed.success) {
    return data<ArtisanAnswer>(
      {
        ...refusal(form, errorsOf(parsed.error)),
        specialties: form.getAll("specialties").filter((value) => typeof value === "string"),
      },
      { status: 400 },
    );
  }
  const result = await updateArtisan({ actor, request, context }, id, parsed.data);
  if (!result.ok) throw notFound();
  return redirect(
    `/admin/artisans/${id}?done=${result.changed.length > 0 ? "saved" : "unchanged"}`,
  );
}

const METALS = Object.values(Metal);

export default function AdminArtisan() {
  const { artisan, done, thisYear } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const values = refused?.values;
  const errors = refused?.errors ?? {};
  // After a refusal the form shows what was typed; otherwise what is saved.
  const value = (field: keyof typeof artisan, saved: string | number | null) =>
    values ? (values[field] ?? "") : (saved ?? "");
  const specialties: readonly string[] = refused?.specialties ?? artisan.specialties;
  const active = values ? values.active === "on" : artisan.active;

  return (
    <div className="max-w-3xl">
      <Link to="/admin/artisans" className={`${textLinkClass} gap-1 text-sm`}>
        <span aria-hidden>←</span> {t("artisan.back")}
      </Link>
      <h1 className="font-serif text-3xl break-words">{artisan.name}</h1>
      <p className="mt-1 text-muted">
        {artisan.village} · {t("artisans.products", { count: artisan.productCount })}
      </p>
      <p className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span>
          {t("artisan.account")}:{" "}
          <Badge tone={artisan.account === "active" ? "good" : "neutral"}>
            {t(`artisanAccount.${artisan.account}`)}
          </Badge>
        </span>
        {artisan.user ? (
          <Link to={`/admin/users/${artisan.user.id}`} className={textLinkClass}>
            {t("artisan.accountLink", { name: artisan.user.name })}
          </Link>
        ) : null}
        {artisan.active ? (
          <Link to={`/artisans/${artisan.slug}`} className={textLinkClass}>
            {t("artisan.publicPage")}
          </Link>
        ) : null}
      </p>

      {done ? (
        <div className="mt-4">
          <FormMessage tone="success">
            {done === "saved" ? t("done.artisanSaved") : t("common.nothingChanged")}
          </FormMessage>
        </div>
      ) : null}

      <Form method="post" noValidate className="mt-4 grid gap-4">
        <section aria-labelledby="artisan-profile" className={`${cardClass} grid gap-4`}>
          <h2 id="artisan-profile" className="font-serif text-xl">
            {t("artisan.profileTitle")}
          </h2>
          <Field
            name="name"
            label={t("artisan.name")}
            defaultValue={value("name", artisan.name)}
            error={errors.name}
            required
            maxLength={120}
          />
          <Field
            name="village"
            label={t("artisan.village")}
            defaultValue={value("village", artisan.village)}
            error={errors.village}
            required
            maxLength={120}
          />
          <TextArea
            name="storyId"
            label={t("artisan.storyId")}
            defaultValue={value("storyId", artisan.storyId)}
            error={errors.storyId}
            required
          />
          <TextArea
            name="storyEn"
            label={`${t("artisan.storyEn")} (${t("common.optional")})`}
            hint={t("artisan.storyEnHint")}
            defaultValue={value("storyEn", artisan.storyEn)}
            error={errors.storyEn}
          />
          <fieldset aria-describedby={errors.specialties ? "artisan-metals-error" : undefined}>
            <legend className="font-medium">{t("artisan.specialties")}</legend>
            <div className="flex flex-wrap gap-x-5">
              {METALS.map((metal) => (
                <label key={metal} className="flex min-h-11 items-center gap-2">
                  <input
                    type="checkbox"
                    name="specialties"
                    value={metal}
                    defaultChecked={specialties.includes(metal)}
                    className={checkboxClass}
                  />
                  {t(`metals.${metal}`, { ns: "catalog" })}
                </label>
              ))}
            </div>
            {errors.specialties ? (
              <FieldError id="artisan-metals-error">{errors.specialties}</FieldError>
            ) : null}
          </fieldset>
          <Field
            name="craftingSince"
            label={`${t("artisan.craftingSince")} (${t("common.optional")})`}
            hint={t("artisan.craftingSinceHint", { from: EARLIEST_CRAFTING_YEAR, to: thisYear })}
            inputMode="numeric"
            defaultValue={value("craftingSince", artisan.craftingSince)}
            error={errors.craftingSince}
            maxLength={4}
            className="max-w-60"
          />
          <label className="flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              name="active"
              defaultChecked={active}
              className={checkboxClass}
            />
            {t("artisan.active")}
          </label>
        </section>

        <section aria-labelledby="artisan-bank" className={`${cardClass} grid gap-4`}>
          <h2 id="artisan-bank" className="font-serif text-xl">
            {t("artisan.bankTitle")}
          </h2>
          <p className="-mt-2 text-sm text-muted">{t("artisan.bankIntro")}</p>
          <Field
            name="bankName"
            label={t("artisan.bankName")}
            defaultValue={value("bankName", artisan.bankName)}
            error={errors.bankName}
            maxLength={100}
            autoComplete="off"
          />
          <Field
            name="bankAccountNumber"
            label={t("artisan.bankAccountNumber")}
            hint={t("artisan.bankAccountNumberHint")}
            inputMode="numeric"
            defaultValue={value("bankAccountNumber", artisan.bankAccountNumber)}
            error={errors.bankAccountNumber}
            maxLength={40}
            autoComplete="off"
          />
          <Field
            name="bankAccountName"
            label={t("artisan.bankAccountName")}
            defaultValue={value("bankAccountName", artisan.bankAccountName)}
            error={errors.bankAccountName}
            maxLength={120}
            autoComplete="off"
          />
        </section>

        <SubmitButton pendingText={t("common.saving")} className="justify-self-start">
          {t("artisan.save")}
        </SubmitButton>
      </Form>
    </div>
  );
}

function TextArea({
  name,
  label,
  hint,
  error,
  defaultValue,
  required,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue: string | number;
  required?: boolean;
}) {
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={6}
        maxLength={5000}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        className={`${inputClass} py-2`}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}

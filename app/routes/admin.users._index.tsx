import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { requireAdmin } from "~/accounts/permissions.server";
import { USER_STATES, type UserState } from "~/admin/account-state";
import {
  Badge,
  cardClass,
  checkboxClass,
  FilterActions,
  FilterField,
  Pagination,
  selectClass,
} from "~/admin/admin-ui";
import { formInput, inviteForm } from "~/admin/forms";
import { InvitationLink, type SentInvitation } from "~/admin/invitation-link";
import { parseUserListQuery, userListHref } from "~/admin/list-query";
import { adminMeta, adminPageHeaders } from "~/admin/page";
import { RoleSpecificFields } from "~/admin/role-fields";
import { adminTexts } from "~/admin/texts.server";
import {
  inviteUser,
  listUsers,
  presentInvitation,
  restAreaChoices,
  unlinkedArtisans,
  type InviteProblem,
} from "~/admin/users.server";
import { Field, FieldError, FormMessage, SubmitButton } from "~/components/ui/field";
import { Role } from "~/generated/prisma/enums";
import { formatDateTime } from "~/lib/dates";
import { refusal, type FormRefusal } from "~/lib/forms";
import { formatPhone } from "~/lib/phone";
import { readForm } from "~/lib/form-body.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { locale, t } = await adminTexts(request);
  const query = parseUserListQuery(new URL(request.url).searchParams);
  const [list, artisans, restAreas] = await Promise.all([
    listUsers(query),
    unlinkedArtisans(),
    restAreaChoices(),
  ]);
  return {
    title: t("users.metaTitle"),
    query: { ...query, page: list.page },
    total: list.total,
    pageCount: list.pageCount,
    users: list.users.map(({ createdAt, phone, ...user }) => ({
      ...user,
      phone: phone ? formatPhone(phone) : null,
      joined: formatDateTime(createdAt, locale),
    })),
    artisans,
    restAreas,
  };
}

export const headers = adminPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => adminMeta(data?.title);

type InviteAnswer =
  { ok: true; invitation: SentInvitation } | (FormRefusal & { restAreaIds: string[] });

const problemTexts: Record<InviteProblem, string> = {
  "email-taken": "errors.emailTaken",
  "phone-taken": "errors.phoneTaken",
  "artisan-taken": "errors.artisanTaken",
  "rest-area-unknown": "errors.restAreaUnknown",
};

/** Invites an artisan or a rest-area operator; answers with the invitation link, once. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const { locale, text, errorsOf } = await adminTexts(request);
  const form = await readForm(request);
  const refuse = (errors: FormRefusal["errors"]) =>
    data<InviteAnswer>(
      {
        ...refusal(form, errors),
        restAreaIds: form.getAll("restAreaIds").filter((id) => typeof id === "string"),
      },
      { status: 400 },
    );
  const parsed = inviteForm.safeParse(formInput(form, ["restAreaIds"]));
  if (!parsed.success) return refuse(errorsOf(parsed.error));
  const result = await inviteUser({ actor, request, context }, parsed.data);
  if (!result.ok) {
    return refuse(
      Object.fromEntries(
        Object.entries(result.problems).map(([field, problem]) => [
          field,
          text(problemTexts[problem]),
        ]),
      ),
    );
  }
  return data<InviteAnswer>({
    ok: true,
    invitation: presentInvitation(result.invitation, locale),
  });
}

const ROLES = Object.values(Role);

function stateTone(state: UserState) {
  return state === "active" ? "good" : state === "invited" ? "warn" : "off";
}

export default function AdminUsers() {
  const { query, total, pageCount, users } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  return (
    <div>
      <h1 className="font-serif text-3xl">{t("users.title")}</h1>
      {answer?.ok ? (
        <div className="mt-4">
          <InvitationLink invitation={answer.invitation} />
        </div>
      ) : null}

      <div className="mt-4 gap-8 lg:grid lg:grid-cols-[1fr_26rem]">
        <section aria-labelledby="users-list-heading">
          <h2 id="users-list-heading" className="sr-only">
            {t("users.listLabel")}
          </h2>
          <Form method="get" className={`${cardClass} grid gap-3 sm:grid-cols-2`}>
            <FilterField id="users-q" label={t("users.searchLabel")} className="sm:col-span-2">
              <input
                id="users-q"
                type="search"
                name="q"
                defaultValue={query.q}
                maxLength={100}
                className={selectClass}
              />
            </FilterField>
            <FilterField id="users-role" label={t("users.role")}>
              <select
                id="users-role"
                name="role"
                defaultValue={query.role ?? ""}
                className={selectClass}
              >
                <option value="">{t("users.anyRole")}</option>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`roles.${role}`)}
                  </option>
                ))}
              </select>
            </FilterField>
            <FilterField id="users-state" label={t("users.state")}>
              <select
                id="users-state"
                name="state"
                defaultValue={query.state ?? ""}
                className={selectClass}
              >
                <option value="">{t("users.anyState")}</option>
                {USER_STATES.map((state) => (
                  <option key={state} value={state}>
                    {t(`states.${state}`)}
                  </option>
                ))}
              </select>
            </FilterField>
            <FilterActions
              filtered={Boolean(query.q || query.role || query.state)}
              clearTo="/admin/users"
              className="flex flex-wrap items-center gap-3 sm:col-span-2"
            />
          </Form>

          <p className="mt-4 text-sm text-muted" role="status">
            {t("users.results", { count: total })}
          </p>
          {users.length > 0 ? (
            <ul aria-labelledby="users-list-heading" className="mt-2 grid gap-2">
              {users.map((user) => (
                <li key={user.id} className="rounded-lg border border-line bg-white p-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <Link
                      to={`/admin/users/${user.id}`}
                      className="inline-flex min-h-11 items-center font-semibold underline-offset-4 hover:underline"
                    >
                      {user.name}
                    </Link>
                    <span className="flex flex-wrap gap-1">
                      <Badge>{t(`roles.${user.role}`)}</Badge>
                      <Badge tone={stateTone(user.state)}>{t(`states.${user.state}`)}</Badge>
                    </span>
                  </div>
                  <p className="text-sm break-words text-muted">
                    {[user.email, user.phone].filter(Boolean).join(" · ")}
                  </p>
                  <p className="text-sm text-muted">
                    {user.artisanName
                      ? `${t("users.artisanProfile", { name: user.artisanName })} · `
                      : null}
                    {user.role === "OPERATOR"
                      ? `${t("users.restAreas", { count: user.restAreaCount })} · `
                      : null}
                    {t("users.joined", { date: user.joined })}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 rounded-lg border border-line bg-white p-4">{t("users.none")}</p>
          )}
          <Pagination
            page={query.page}
            pageCount={pageCount}
            hrefFor={(page) => userListHref(query, { page })}
          />
        </section>

        <InviteSection />
      </div>
    </div>
  );
}

function InviteSection() {
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  // A fresh, empty form after each invitation sent; the typed values after a refusal.
  const key = answer?.ok ? answer.invitation.url : "invite";
  return (
    <section aria-labelledby="invite-heading" className={`${cardClass} mt-8 lg:mt-0 lg:self-start`}>
      <h2 id="invite-heading" className="font-serif text-xl">
        {t("invite.title")}
      </h2>
      <p className="mt-1 text-sm text-muted">{t("invite.intro")}</p>
      <InviteForm key={key} refused={answer && !answer.ok ? answer : null} />
    </section>
  );
}

function InviteForm({ refused }: { refused: (FormRefusal & { restAreaIds: string[] }) | null }) {
  const { artisans, restAreas } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const values = refused?.values ?? {};
  const errors = refused?.errors ?? {};
  const [role, setRole] = useState<"ARTISAN" | "OPERATOR">(
    values.role === "OPERATOR" ? "OPERATOR" : "ARTISAN",
  );
  return (
    <Form method="post" noValidate className="mt-4 grid gap-4">
      {errors.form ? <FormMessage>{errors.form}</FormMessage> : null}
      <Field
        name="name"
        label={t("invite.name")}
        defaultValue={values.name}
        error={errors.name}
        required
        maxLength={120}
        autoComplete="off"
      />
      <p className="-mb-2 text-sm text-muted">{t("invite.contactHint")}</p>
      <Field
        name="email"
        type="email"
        label={t("invite.email")}
        defaultValue={values.email}
        error={errors.email}
        maxLength={254}
        autoComplete="off"
      />
      <Field
        name="phone"
        type="tel"
        inputMode="tel"
        label={t("invite.phone")}
        hint={t("invite.phoneHint")}
        defaultValue={values.phone}
        error={errors.phone}
        maxLength={32}
        autoComplete="off"
      />
      <fieldset aria-describedby={errors.locale ? "invite-locale-error" : undefined}>
        <legend className="font-medium">{t("invite.language")}</legend>
        <div className="flex flex-wrap gap-x-5">
          {(["id", "en"] as const).map((locale) => (
            <label key={locale} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="locale"
                value={locale}
                defaultChecked={(values.locale ?? "id") === locale}
                className={checkboxClass}
              />
              {t(locale === "id" ? "invite.languageId" : "invite.languageEn")}
            </label>
          ))}
        </div>
        {errors.locale ? <FieldError id="invite-locale-error">{errors.locale}</FieldError> : null}
      </fieldset>
      <fieldset aria-describedby={errors.role ? "invite-role-error" : undefined}>
        <legend className="font-medium">{t("invite.role")}</legend>
        <div className="flex flex-wrap gap-x-5">
          {(["ARTISAN", "OPERATOR"] as const).map((choice) => (
            <label key={choice} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="role"
                value={choice}
                checked={role === choice}
                onChange={() => setRole(choice)}
                className={checkboxClass}
              />
              {t(`roles.${choice}`)}
            </label>
          ))}
        </div>
        {errors.role ? <FieldError id="invite-role-error">{errors.role}</FieldError> : null}
      </fieldset>

      <RoleSpecificFields
        role={role}
        idPrefix="invite"
        artisans={artisans}
        restAreas={restAreas}
        values={{ artisanId: values.artisanId, restAreaIds: refused?.restAreaIds ?? [] }}
        errors={{ artisanId: errors.artisanId, restAreaIds: errors.restAreaIds }}
      />

      <SubmitButton pendingText={t("invite.submitting")} className="justify-self-start">
        {t("invite.submit")}
      </SubmitButton>
    </Form>
  );
}

import { idParamOrNotFound } from "~/admin/admin-call.server";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notFound, requireAdmin } from "~/accounts/permissions.server";
import type { AdminCall } from "~/admin/admin-call.server";
import { Badge, cardClass, RestAreaPicker, selectClass, textLinkClass } from "~/admin/admin-ui";
import { formInput, operatorRestAreasForm, roleChangeForm } from "~/admin/forms";
import { InvitationLink, type SentInvitation } from "~/admin/invitation-link";
import { adminMeta, adminPageHeaders } from "~/admin/page";
import { RoleSpecificFields } from "~/admin/role-fields";
import { adminTexts } from "~/admin/texts.server";
import {
  changeUserRole,
  deactivateUser,
  presentInvitation,
  reactivateUser,
  resendInvitation,
  restAreaChoices,
  setOperatorRestAreas,
  unlinkedArtisans,
  userDetail,
  type RoleChange,
  type UserChange,
  type UserProblem,
} from "~/admin/users.server";
import { FormMessage, SubmitButton } from "~/components/ui/field";
import { Role } from "~/generated/prisma/enums";
import { formatDateTime } from "~/lib/dates";
import { refusal, type FormErrors, type FormRefusal } from "~/lib/forms";
import { formatPhone } from "~/lib/phone";
import { readForm } from "~/lib/form-body.server";

/** What a successful change says, after the redirect back to the page. */
const DONE = ["deactivated", "reactivated", "roleChanged", "restAreasSaved"] as const;
type Done = (typeof DONE)[number];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const id = idParamOrNotFound(params.id);
  const { locale, t } = await adminTexts(request);
  const [user, artisans, restAreas] = await Promise.all([
    userDetail(id),
    unlinkedArtisans(),
    restAreaChoices(),
  ]);
  if (!user) throw notFound();
  const when = (date: Date | null) => (date ? formatDateTime(date, locale) : null);
  const done = new URL(request.url).searchParams.get("done");
  return {
    title: t("user.metaTitle", { name: user.name }),
    isSelf: user.id === admin.userId,
    done: DONE.find((d) => d === done) ?? null,
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      phone: user.phone ? formatPhone(user.phone) : null,
      role: user.role,
      locale: user.locale,
      state: user.state,
      emailVerified: user.emailVerifiedAt !== null,
      phoneVerified: user.phoneVerifiedAt !== null,
      created: formatDateTime(user.createdAt, locale),
      lastSignIn: when(user.lastSignInAt),
      openSessions: user.openSessions,
      deactivated: when(user.deactivatedAt),
      invitationExpires: when(user.invitationExpiresAt),
      invitationExpired:
        user.invitationExpiresAt !== null && user.invitationExpiresAt <= new Date(),
      artisan: user.artisan,
      restAreas: user.restAreas,
    },
    artisans,
    restAreas,
  };
}

export const headers = adminPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => adminMeta(data?.title);

type Intent = "deactivate" | "reactivate" | "change-role" | "set-rest-areas" | "resend-invitation";

type UserAnswer =
  | { ok: true; intent: "resend-invitation"; invitation: SentInvitation }
  | (FormRefusal & { intent: Intent | null; restAreaIds: string[] });

const problemTexts: Record<Exclude<UserProblem, "not-found">, string> = {
  self: "errors.self",
  "already-deactivated": "errors.alreadyDeactivated",
  "not-deactivated": "errors.notDeactivated",
  "same-role": "errors.sameRole",
  "artisan-taken": "errors.artisanTaken",
  "rest-area-unknown": "errors.restAreaUnknown",
  "not-operator": "errors.notOperator",
  "has-password": "errors.hasPassword",
  deactivated: "errors.deactivated",
  "not-invitable": "errors.notInvitable",
};

/** The field a problem belongs next to; the others concern the whole form. */
const problemFields: Partial<Record<UserProblem, string>> = {
  "artisan-taken": "artisanId",
  "rest-area-unknown": "restAreaIds",
};

function intentOf(value: FormDataEntryValue | null): Intent | null {
  const intents: Intent[] = [
    "deactivate",
    "reactivate",
    "change-role",
    "set-rest-areas",
    "resend-invitation",
  ];
  return intents.find((intent) => intent === value) ?? null;
}

/**
 * intent=deactivate, reactivate, change-role (role, artisanId or restAreaIds), set-rest-areas
 * (restAreaIds) and resend-invitation, which answers with the new link once.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const id = idParamOrNotFound(params.id);
  const { locale, text, errorsOf } = await adminTexts(request);
  const form = await readForm(request);
  const intent = intentOf(form.get("intent"));
  const call: AdminCall = { actor, request, context };
  const refuse = (errors: FormErrors) =>
    data<UserAnswer>(
      {
        ...refusal(form, errors),
        intent,
        restAreaIds: form.getAll("restAreaIds").filter((value) => typeof value === "string"),
      },
      { status: 400 },
    );
  const answer = (result: UserChange, done: Done) => {
    if (result.ok) return redirect(`/admin/users/${id}?done=${done}`);
    if (result.problem === "not-found") throw notFound();
    const field = problemFields[result.problem] ?? "form";
    return refuse({ [field]: text(problemTexts[result.problem]) });
  };

  switch (intent) {
    case "deactivate":
      return answer(await deactivateUser(call, id), "deactivated");
    case "reactivate":
      return answer(await reactivateUser(call, id), "reactivated");
    case "change-role": {
      const parsed = roleChangeForm.safeParse(formInput(form, ["restAreaIds"]));
      if (!parsed.success) return refuse(errorsOf(parsed.error));
      const { role, artisanId, restAreaIds } = parsed.data;
      const change: RoleChange =
        role === "ARTISAN"
          ? { role, artisanId: artisanId ?? "" }
          : role === "OPERATOR"
            ? { role, restAreaIds }
            : { role };
      return answer(await changeUserRole(call, id, change), "roleChanged");
    }
    case "set-rest-areas": {
      const parsed = operatorRestAreasForm.safeParse(formInput(form, ["restAreaIds"]));
      if (!parsed.success) return refuse(errorsOf(parsed.error));
      return answer(
        await setOperatorRestAreas(call, id, parsed.data.restAreaIds),
        "restAreasSaved",
      );
    }
    case "resend-invitation": {
      const result = await resendInvitation(call, id);
      if (!result.ok) return answer(result, "roleChanged");
      return data<UserAnswer>({
        ok: true,
        intent: "resend-invitation",
        invitation: presentInvitation(result.invitation, locale),
      });
    }
    default:
      return refuse({ form: text("errors.badRequest") });
  }
}

export default function AdminUser() {
  const { user, isSelf, done } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const refused = answer && !answer.ok ? answer : null;
  // A message about one of the forms shows at that form; one without a form shows on top.
  const topMessage = refused && (refused.intent === null || isSelf) ? refused.errors.form : null;
  return (
    <div className="max-w-3xl">
      <Link to="/admin/users" className={`${textLinkClass} gap-1 text-sm`}>
        <span aria-hidden>←</span> {t("user.back")}
      </Link>
      <h1 className="font-serif text-3xl break-words">{user.name}</h1>
      <p className="mt-1 flex flex-wrap gap-1">
        <Badge>{t(`roles.${user.role}`)}</Badge>
        <Badge tone={user.state === "active" ? "good" : user.state === "invited" ? "warn" : "off"}>
          {t(`states.${user.state}`)}
        </Badge>
      </p>

      <div className="mt-4 grid gap-3 empty:hidden">
        {done ? <FormMessage tone="success">{t(`done.${done}`)}</FormMessage> : null}
        {topMessage ? <FormMessage>{topMessage}</FormMessage> : null}
        {answer?.ok ? <InvitationLink invitation={answer.invitation} /> : null}
      </div>

      <section aria-labelledby="user-details" className={`${cardClass} mt-4`}>
        <h2 id="user-details" className="font-serif text-xl">
          {t("user.detailsTitle")}
        </h2>
        <dl className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_1fr]">
          <dt className="text-muted">{t("user.email")}</dt>
          <dd className="break-words">
            {user.email ? (
              <>
                {user.email}{" "}
                <span className="text-sm text-muted">
                  ({user.emailVerified ? t("user.verified") : t("user.notVerified")})
                </span>
              </>
            ) : (
              t("common.none")
            )}
          </dd>
          <dt className="text-muted">{t("user.phone")}</dt>
          <dd>
            {user.phone ? (
              <>
                {user.phone}{" "}
                <span className="text-sm text-muted">
                  ({user.phoneVerified ? t("user.verified") : t("user.notVerified")})
                </span>
              </>
            ) : (
              t("common.none")
            )}
          </dd>
          <dt className="text-muted">{t("user.language")}</dt>
          <dd>{t(user.locale === "en" ? "invite.languageEn" : "invite.languageId")}</dd>
          <dt className="text-muted">{t("user.created")}</dt>
          <dd>{user.created}</dd>
          <dt className="text-muted">{t("user.lastSignIn")}</dt>
          <dd>{user.lastSignIn ?? t("user.never")}</dd>
          <dt className="text-muted">{t("user.openSessions")}</dt>
          <dd className="tabular-nums">{user.openSessions}</dd>
          {user.deactivated ? (
            <>
              <dt className="text-muted">{t("user.deactivatedAt")}</dt>
              <dd>{user.deactivated}</dd>
            </>
          ) : null}
          {user.state === "invited" ? (
            <>
              <dt className="text-muted">{t("user.invitation")}</dt>
              <dd>
                {user.invitationExpires === null
                  ? t("user.invitationNone")
                  : user.invitationExpired
                    ? t("user.invitationExpired")
                    : t("user.invitationPending", { date: user.invitationExpires })}
              </dd>
            </>
          ) : null}
          {user.role === "ARTISAN" ? (
            <>
              <dt className="text-muted">{t("user.artisanProfile")}</dt>
              <dd>
                {user.artisan ? (
                  <Link
                    to={`/admin/artisans/${user.artisan.id}`}
                    className="underline underline-offset-4 hover:text-copper-700"
                  >
                    {user.artisan.name} · {user.artisan.village}
                  </Link>
                ) : (
                  t("common.none")
                )}
              </dd>
            </>
          ) : null}
          {user.role === "OPERATOR" ? (
            <>
              <dt className="text-muted">{t("user.restAreas")}</dt>
              <dd>
                {user.restAreas.length > 0 ? (
                  <ul>
                    {user.restAreas.map((restArea) => (
                      <li key={restArea.id}>
                        <Link
                          to={`/admin/rest-areas/${restArea.id}`}
                          className="underline underline-offset-4 hover:text-copper-700"
                        >
                          {restArea.name}
                        </Link>
                        <span className="text-sm text-muted">
                          {" "}
                          · {t(`region.${restArea.region}`, { ns: "common" })}
                          {restArea.active ? "" : ` · ${t("common.inactive")}`}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  t("user.noRestAreas")
                )}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {isSelf ? (
        <p className="mt-4 rounded-lg bg-linen p-3 text-sm">{t("user.selfNote")}</p>
      ) : (
        <>
          <AccessSection />
          {user.state === "invited" ? <ResendSection /> : null}
          {user.role === "OPERATOR" ? <OperatorRestAreasSection /> : null}
          {/* Drawn afresh once the role has changed: the choices are the other roles. */}
          <RoleSection key={user.role} />
        </>
      )}
    </div>
  );
}

/** The refusal of the form with this intent, if the last answer was one. */
function useRefusal(intent: Intent) {
  const answer = useActionData<typeof action>();
  return answer && !answer.ok && answer.intent === intent ? answer : null;
}

function AccessSection() {
  const { user } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const deactivated = user.state === "deactivated";
  const intent = deactivated ? "reactivate" : "deactivate";
  const refused = useRefusal(intent);
  return (
    <section aria-labelledby="user-access" className={`${cardClass} mt-4`}>
      <h2 id="user-access" className="font-serif text-xl">
        {t("user.accountTitle")}
      </h2>
      <p className="mt-1 text-sm">
        {deactivated ? t("user.reactivateIntro") : t("user.deactivateIntro")}
      </p>
      {refused?.errors.form ? (
        <div className="mt-3">
          <FormMessage>{refused.errors.form}</FormMessage>
        </div>
      ) : null}
      <Form method="post" className="mt-3">
        {deactivated ? (
          <SubmitButton
            name="intent"
            value="reactivate"
            tone="secondary"
            pendingText={t("user.reactivating")}
          >
            {t("user.reactivate")}
          </SubmitButton>
        ) : (
          <SubmitButton
            name="intent"
            value="deactivate"
            tone="danger"
            pendingText={t("user.deactivating")}
          >
            {t("user.deactivate")}
          </SubmitButton>
        )}
      </Form>
    </section>
  );
}

function ResendSection() {
  const { t } = useTranslation("admin");
  const refused = useRefusal("resend-invitation");
  return (
    <section aria-labelledby="user-invitation" className={`${cardClass} mt-4`}>
      <h2 id="user-invitation" className="font-serif text-xl">
        {t("user.resendTitle")}
      </h2>
      <p className="mt-1 text-sm">{t("user.resendIntro")}</p>
      {refused?.errors.form ? (
        <div className="mt-3">
          <FormMessage>{refused.errors.form}</FormMessage>
        </div>
      ) : null}
      <Form method="post" className="mt-3">
        <SubmitButton
          name="intent"
          value="resend-invitation"
          tone="secondary"
          pendingText={t("user.resending")}
        >
          {t("user.resend")}
        </SubmitButton>
      </Form>
    </section>
  );
}

function OperatorRestAreasSection() {
  const { user, restAreas } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const refused = useRefusal("set-rest-areas");
  const checked = refused?.restAreaIds ?? user.restAreas.map((restArea) => restArea.id);
  return (
    <section aria-labelledby="user-rest-areas" className={`${cardClass} mt-4`}>
      <h2 id="user-rest-areas" className="font-serif text-xl">
        {t("user.restAreasTitle")}
      </h2>
      {refused?.errors.form ? (
        <div className="mt-3">
          <FormMessage>{refused.errors.form}</FormMessage>
        </div>
      ) : null}
      {/* Redrawn with the saved choice after each save. */}
      <Form method="post" className="mt-3 grid gap-4" key={checked.join(",")}>
        <RestAreaPicker
          idPrefix="operator"
          groups={restAreas}
          checked={checked}
          legend={t("invite.restAreas")}
          hint={t("invite.restAreasHint")}
          error={refused?.errors.restAreaIds}
        />
        <SubmitButton
          name="intent"
          value="set-rest-areas"
          pendingText={t("common.saving")}
          className="justify-self-start"
        >
          {t("user.saveRestAreas")}
        </SubmitButton>
      </Form>
    </section>
  );
}

function RoleSection() {
  const { user, artisans, restAreas } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const refused = useRefusal("change-role");
  const values = refused?.values ?? {};
  const errors = refused?.errors ?? {};
  const choices = Object.values(Role).filter((role) => role !== user.role);
  const [role, setRole] = useState<Role | null>(
    choices.find((choice) => choice === values.role) ?? null,
  );
  return (
    <section aria-labelledby="user-role" className={`${cardClass} mt-4`}>
      <h2 id="user-role" className="font-serif text-xl">
        {t("user.roleTitle")}
      </h2>
      <p className="mt-1 text-sm text-muted">{t("user.roleIntro")}</p>
      {errors.form ? (
        <div className="mt-3">
          <FormMessage>{errors.form}</FormMessage>
        </div>
      ) : null}
      <Form method="post" noValidate className="mt-3 grid gap-4">
        <div>
          <label htmlFor="user-new-role" className="mb-1 block font-medium">
            {t("user.newRole")}
          </label>
          <select
            id="user-new-role"
            name="role"
            value={role ?? ""}
            onChange={(event) =>
              setRole(choices.find((choice) => choice === event.target.value) ?? null)
            }
            aria-invalid={errors.role ? true : undefined}
            aria-describedby={errors.role ? "user-new-role-error" : undefined}
            className={selectClass}
          >
            <option value="">{t("user.chooseRole")}</option>
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {t(`roles.${choice}`)}
              </option>
            ))}
          </select>
          {errors.role ? (
            <p id="user-new-role-error" className="mt-1 text-sm font-medium text-red-700">
              {errors.role}
            </p>
          ) : null}
        </div>
        <RoleSpecificFields
          role={role}
          idPrefix="role"
          artisans={artisans}
          restAreas={restAreas}
          values={{ artisanId: values.artisanId, restAreaIds: refused?.restAreaIds ?? [] }}
          errors={{ artisanId: errors.artisanId, restAreaIds: errors.restAreaIds }}
        />
        <SubmitButton
          name="intent"
          value="change-role"
          pendingText={t("user.changingRole")}
          className="justify-self-start"
        >
          {t("user.changeRole")}
        </SubmitButton>
      </Form>
    </section>
  );
}

import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireArtisan } from "~/accounts/permissions.server";
import { FormMessage, SubmitButton } from "~/components/ui/field";
import { getLocale } from "~/i18n/i18next.server";
import { formatDate } from "~/lib/dates";
import {
  listingSubmission,
  listingTexts,
  refusedSave,
  type ListingAnswer,
} from "~/studio/listing-answer.server";
import { ListingForm } from "~/studio/listing-fields";
import {
  duplicateListing,
  listingCategories,
  listingForEdit,
  publishListing,
  readListingForm,
  setListingStatus,
  updateListing,
  type PublishRefusal,
} from "~/studio/listings.server";
import { ownProduct } from "~/studio/own-product.server";

/** Notices after a redirect, carried in `?done=`. */
const DONE = ["saved", "published", "archived", "drafted", "duplicated"] as const;
type Done = (typeof DONE)[number];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const owner = await requireArtisan(request);
  const locale = await getLocale(request);
  const listing = await listingForEdit(owner, params.slug, locale);
  const [t, categories] = await Promise.all([listingTexts(request), listingCategories(locale)]);
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  return {
    title: t("edit.metaTitle", { title: listing.title }),
    listing: {
      slug: listing.slug,
      status: listing.status,
      title: listing.title,
      photoCount: listing.photoCount,
      orderedVariantIds: listing.orderedVariantIds,
      publishedOn: listing.publishedAt ? formatDate(listing.publishedAt, locale) : null,
    },
    draft: listing.draft,
    categories,
    done: DONE.find((notice) => notice === done) ?? null,
    deactivated: Math.max(0, Number.parseInt(url.searchParams.get("deactivated") ?? "", 10) || 0),
    loadedAt: Date.now(),
  };
}

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

type EditAnswer =
  ({ kind: "form" } & ListingAnswer) | ({ kind: "publish" } & Omit<PublishRefusal, "ok">);

const STATUS_INTENTS = ["publish", "archive", "draft", "duplicate"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const owner = await requireArtisan(request);
  // Before reading anything else: another artisan's product is a 404, whatever was posted.
  const { slug } = await ownProduct(owner, params.slug);
  const back = (done: Done, extra = "") =>
    redirect(`/studio/listings/${slug}?done=${done}${extra}`);

  const form = await readListingForm(request);
  const intent = STATUS_INTENTS.find((value) => value === form?.get("intent"));
  if (intent === "publish") {
    const result = await publishListing(owner, slug);
    if (!result.ok) {
      return data<EditAnswer>(
        {
          kind: "publish",
          missingPhoto: result.missingPhoto,
          missingVariant: result.missingVariant,
        },
        { status: 400 },
      );
    }
    return back("published");
  }
  if (intent === "archive" || intent === "draft") {
    await setListingStatus(owner, slug, intent === "archive" ? "ARCHIVED" : "DRAFT");
    return back(intent === "archive" ? "archived" : "drafted");
  }
  if (intent === "duplicate") {
    const copy = await duplicateListing(owner, slug);
    return redirect(`/studio/listings/${copy.slug}?done=duplicated`);
  }

  const locale = await getLocale(request);
  const submission = await listingSubmission(
    request,
    form,
    async () => (await listingForEdit(owner, slug, locale)).draft,
  );
  if (submission.kind === "answer") {
    return data<EditAnswer>({ kind: "form", ...submission.answer }, { status: submission.status });
  }
  const result = await updateListing(owner, slug, submission.input);
  if (!result.ok) {
    const refused = refusedSave(submission.t, submission.draft, result);
    return data<EditAnswer>({ kind: "form", ...refused.answer }, { status: refused.status });
  }
  return back("saved", result.deactivated > 0 ? `&deactivated=${result.deactivated}` : "");
}

export default function EditListing() {
  const { listing, draft, categories, done, deactivated, loadedAt } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("listings");
  const formAnswer = answer?.kind === "form" ? answer : null;
  return (
    <div>
      <Link
        to="/studio/listings"
        className="inline-flex min-h-11 items-center gap-1 text-sm underline underline-offset-4"
      >
        <span aria-hidden>←</span> {t("edit.back")}
      </Link>
      <h1 className="font-serif text-3xl leading-tight break-words">{listing.title}</h1>

      {done ? (
        <div className="mt-3 grid gap-2">
          <FormMessage tone="success">
            {t(`edit.${done}`)}
            {done === "saved" && deactivated > 0 ? (
              <> {t("edit.deactivated", { count: deactivated })}</>
            ) : null}
          </FormMessage>
        </div>
      ) : null}

      <StatusPanel publishRefusal={answer?.kind === "publish" ? answer : null} />

      <ListingForm
        key={`${loadedAt}-${formAnswer?.key ?? ""}`}
        draft={formAnswer?.draft ?? draft}
        errors={formAnswer?.errors ?? {}}
        categories={categories}
        orderedVariantIds={listing.orderedVariantIds}
        submitLabel={t("edit.save")}
      />
    </div>
  );
}

const linkClass =
  "inline-flex min-h-11 items-center rounded-full border border-ink bg-white px-4 font-medium hover:border-copper-700 hover:text-copper-700";

function StatusPanel({
  publishRefusal,
}: {
  publishRefusal: { missingPhoto: boolean; missingVariant: boolean } | null;
}) {
  const { listing } = useLoaderData<typeof loader>();
  const { t } = useTranslation("listings");
  const base = `/studio/listings/${listing.slug}`;
  return (
    <section
      aria-labelledby="listing-state"
      className="mt-4 grid gap-3 rounded-xl border border-line bg-linen p-4"
    >
      <div>
        <h2 id="listing-state" className="font-serif text-xl">
          {t("state.title")}:{" "}
          <span className={listing.status === "PUBLISHED" ? "text-copper-700" : undefined}>
            {t(`status.${listing.status}`)}
          </span>
        </h2>
        <p className="mt-1 text-sm">{t(`state.${listing.status}`)}</p>
        {listing.publishedOn ? (
          <p className="text-sm text-muted">
            {t("state.publishedSince", { date: listing.publishedOn })}
          </p>
        ) : null}
      </div>

      {publishRefusal ? (
        <FormMessage>
          <p className="font-semibold">{t("state.publishRefused")}</p>
          <ul className="mt-1 list-disc pl-5">
            {publishRefusal.missingPhoto ? (
              <li>
                {t("state.missingPhoto")}{" "}
                <Link to={`${base}/photos`} className="font-semibold underline underline-offset-4">
                  {t("state.addPhotos")}
                </Link>
              </li>
            ) : null}
            {publishRefusal.missingVariant ? <li>{t("state.missingVariant")}</li> : null}
          </ul>
        </FormMessage>
      ) : null}

      <p className="flex flex-wrap gap-2">
        <Link to={`${base}/photos`} className={linkClass}>
          {t("state.photos", { count: listing.photoCount })}
        </Link>
        <Link to={`${base}/preview`} className={linkClass}>
          {t("state.preview")}
        </Link>
        {listing.status === "PUBLISHED" ? (
          <Link to={`/products/${listing.slug}`} className={linkClass}>
            {t("state.viewInShop")}
          </Link>
        ) : null}
      </p>

      <Form method="post" className="flex flex-wrap gap-2">
        {listing.status !== "PUBLISHED" ? (
          <SubmitButton name="intent" value="publish" pendingText={t("state.publishing")}>
            {t("state.publish")}
          </SubmitButton>
        ) : null}
        {listing.status !== "DRAFT" ? (
          <SubmitButton
            name="intent"
            value="draft"
            tone="secondary"
            pendingText={t("state.toDrafting")}
          >
            {t("state.toDraft")}
          </SubmitButton>
        ) : null}
        {listing.status !== "ARCHIVED" ? (
          <SubmitButton
            name="intent"
            value="archive"
            tone="secondary"
            pendingText={t("state.archiving")}
          >
            {t("state.archive")}
          </SubmitButton>
        ) : null}
      </Form>

      <Form method="post" className="grid gap-1">
        <SubmitButton
          name="intent"
          value="duplicate"
          tone="secondary"
          pendingText={t("state.duplicating")}
          className="justify-self-start"
        >
          {t("state.duplicate")}
        </SubmitButton>
        <p className="text-sm text-muted">{t("state.duplicateHint")}</p>
      </Form>
    </section>
  );
}

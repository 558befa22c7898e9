import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireArtisan } from "~/accounts/permissions.server";
import { getLocale } from "~/i18n/i18next.server";
import {
  listingSubmission,
  listingTexts,
  refusedSave,
  type ListingAnswer,
} from "~/studio/listing-answer.server";
import { ListingForm } from "~/studio/listing-fields";
import { emptyDraft } from "~/studio/listing-form";
import { createListing, listingCategories, readListingForm } from "~/studio/listings.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireArtisan(request);
  const locale = await getLocale(request);
  const [t, categories] = await Promise.all([listingTexts(request), listingCategories(locale)]);
  return { title: t("new.metaTitle"), categories, draft: emptyDraft(), loadedAt: Date.now() };
}

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

export async function action({ request }: ActionFunctionArgs) {
  const owner = await requireArtisan(request);
  const form = await readListingForm(request);
  const submission = await listingSubmission(request, form, async () => emptyDraft());
  if (submission.kind === "answer") {
    return data<ListingAnswer>(submission.answer, { status: submission.status });
  }
  const result = await createListing(owner, submission.input);
  if (!result.ok) {
    const refused = refusedSave(submission.t, submission.draft, result);
    return data<ListingAnswer>(refused.answer, { status: refused.status });
  }
  // The next step is the photos: a listing cannot go on sale without one.
  return redirect(`/studio/listings/${result.slug}/photos?created=1`);
}

export default function NewListing() {
  const { categories, draft, loadedAt } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("listings");
  return (
    <div>
      <Link
        to="/studio/listings"
        className="inline-flex min-h-11 items-center gap-1 text-sm underline underline-offset-4"
      >
        <span aria-hidden>←</span> {t("new.back")}
      </Link>
      <h1 className="font-serif text-3xl leading-tight">{t("new.title")}</h1>
      <p className="mt-1 text-muted">{t("new.intro")}</p>
      <ListingForm
        key={`${loadedAt}-${answer?.key ?? ""}`}
        draft={answer?.draft ?? draft}
        errors={answer?.errors ?? {}}
        categories={categories}
        orderedVariantIds={[]}
        submitLabel={t("new.save")}
      />
    </div>
  );
}

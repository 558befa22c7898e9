import type { TFunction } from "i18next";
import { getLocale, i18next } from "~/i18n/i18next.server";
import type { FormErrors } from "~/lib/forms";
import {
  applyRowIntent,
  clipDraft,
  parseListing,
  readDraft,
  readIntent,
  type ListingDraft,
  type ListingInput,
  type ListingProblems,
} from "./listing-form";
import type { ListingRefusal } from "./listings.server";

/**
 * What the listing form's actions answer when they do not redirect: the form drawn again from
 * `draft` (as typed, variant rows included) with `errors` next to the fields. `key` is new with
 * every answer, so the page redraws the form from the answer instead of keeping stale inputs.
 */
export type ListingAnswer = { key: string; draft: ListingDraft; errors: FormErrors };

export type ListingSubmission =
  | { kind: "answer"; answer: ListingAnswer; status: number }
  | { kind: "save"; input: ListingInput; draft: ListingDraft; t: TFunction<"listings"> };

export async function listingTexts(request: Request): Promise<TFunction<"listings">> {
  return i18next.getFixedT(await getLocale(request), "listings");
}

function translated(t: TFunction<"listings">, problems: ListingProblems): FormErrors {
  // The keys come from the schema and the data module, all in this namespace.
  const translate = t as unknown as (key: string) => string;
  return Object.fromEntries(
    Object.entries(problems).map(([field, key]) => [field, translate(key)]),
  );
}

function answer(draft: ListingDraft, errors: FormErrors): ListingAnswer {
  return { key: crypto.randomUUID(), draft: clipDraft(draft), errors };
}

/**
 * The listing form as posted (`form` from `readListingForm`): an answer to send back right away
 * (too large, a variant row added or removed, input refused) or checked input to save. `current`
 * is the form to show when the body was too large to read.
 */
export async function listingSubmission(
  request: Request,
  form: FormData | null,
  current: () => Promise<ListingDraft>,
): Promise<ListingSubmission> {
  const t = await listingTexts(request);
  if (!form) {
    return {
      kind: "answer",
      answer: answer(await current(), { form: t("errors.tooLarge") }),
      status: 413,
    };
  }
  const draft = readDraft(form);
  const intent = readIntent(form);
  if (intent.kind !== "save") {
    return { kind: "answer", answer: answer(applyRowIntent(draft, intent), {}), status: 200 };
  }
  const parsed = parseListing(draft);
  if (!parsed.success) {
    return {
      kind: "answer",
      answer: answer(draft, { form: t("errors.form"), ...translated(t, parsed.problems) }),
      status: 400,
    };
  }
  return { kind: "save", input: parsed.data, draft, t };
}

/**
 * A save refused by the data module. A stock that changed under the artisan's eyes is shown with
 * its number now, and the row's "seen" stock moves to it, so saving again applies their number.
 */
export function refusedSave(
  t: TFunction<"listings">,
  draft: ListingDraft,
  refusal: ListingRefusal,
): { answer: ListingAnswer; status: number } {
  const errors: FormErrors = { form: t("errors.form"), ...translated(t, refusal.problems) };
  const variants = draft.variants.map((row, index) => {
    const now = row.id ? refusal.stockNow[row.id] : undefined;
    if (now === undefined) return row;
    errors[`variants.${index}.stock`] = t("errors.stockChanged", { count: now });
    return { ...row, seenStock: String(now) };
  });
  const stockChanged = Object.keys(refusal.stockNow).length > 0;
  return { answer: answer({ ...draft, variants }, errors), status: stockChanged ? 409 : 400 };
}

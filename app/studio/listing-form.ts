import { z } from "zod";
import { Metal } from "~/generated/prisma/enums";
import { parseRupiah } from "~/lib/money";

/**
 * The listing form of the studio, as typed and as checked. Pure: the page draws the form from a
 * `ListingDraft` (so typed values, variant rows included, survive a refusal or an "add a variant"
 * round trip without JavaScript) and the server turns a draft into a `ListingInput` with zod.
 * Schema messages are keys of the "listings" namespace.
 */

export const LISTING_LIMITS = {
  titleMin: 3,
  titleMax: 120,
  descriptionMax: 5000,
  /** Materials and care: a few sentences each. */
  noteMax: 1000,
  leadTimeMax: 120,
  weightMax: 20_000,
  priceMax: 100_000_000,
  stockMax: 9999,
  /** Variant rows in one form: sizes and finishes of one piece, never a whole catalogue. */
  variantsMax: 30,
  labelMax: 80,
  /** Finish and size, e.g. "Oksidasi hitam", "Diameter 18 mm". */
  detailMax: 60,
} as const;

export const LISTING_TEXT_FIELDS = [
  "titleId",
  "titleEn",
  "descriptionId",
  "descriptionEn",
  "materialsId",
  "materialsEn",
  "careId",
  "careEn",
  "categoryId",
  "metal",
  "leadTimeDays",
  "weightGrams",
] as const;
export type ListingTextField = (typeof LISTING_TEXT_FIELDS)[number];

const VARIANT_TEXT_FIELDS = [
  "id",
  "labelId",
  "labelEn",
  "metal",
  "finish",
  "size",
  "price",
  "stock",
  "seenStock",
] as const;
type VariantTextField = (typeof VARIANT_TEXT_FIELDS)[number];

/**
 * One variant row as typed. `id` is empty for a row not saved yet; `seenStock` is the stock the
 * artisan saw when the page was drawn, so saving applies the difference to what buyers left.
 */
export type VariantRow = Record<VariantTextField, string> & { active: boolean; remove: boolean };

export type ListingDraft = { fields: Record<ListingTextField, string>; variants: VariantRow[] };

/** The name of a variant row's field in the form: `variants.2.price`. */
export function variantFieldName(index: number, field: VariantTextField | "active" | "remove") {
  return `variants.${index}.${field}`;
}

export function emptyVariantRow(metal: string): VariantRow {
  return {
    id: "",
    labelId: "",
    labelEn: "",
    metal,
    finish: "",
    size: "",
    price: "",
    stock: "0",
    seenStock: "0",
    active: true,
    remove: false,
  };
}

export function emptyDraft(): ListingDraft {
  const fields = Object.fromEntries(LISTING_TEXT_FIELDS.map((name) => [name, ""])) as Record<
    ListingTextField,
    string
  >;
  fields.leadTimeDays = "0";
  return { fields, variants: [emptyVariantRow("")] };
}

/** The form as typed. Rows are read by index up to the count the form says it holds. */
export function readDraft(form: FormData): ListingDraft {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const fields = Object.fromEntries(
    LISTING_TEXT_FIELDS.map((name) => [name, text(name)]),
  ) as Record<ListingTextField, string>;
  const count = Math.min(
    Number.parseInt(text("variantCount"), 10) || 0,
    LISTING_LIMITS.variantsMax,
  );
  const variants: VariantRow[] = [];
  for (let index = 0; index < count; index++) {
    const row = Object.fromEntries(
      VARIANT_TEXT_FIELDS.map((field) => [field, text(variantFieldName(index, field))]),
    ) as Record<VariantTextField, string>;
    variants.push({
      ...row,
      active: form.getAll(variantFieldName(index, "active")).includes("on"),
      remove: text(variantFieldName(index, "remove")) === "1",
    });
  }
  return { fields, variants };
}

/**
 * The draft as sent back to the browser: every value cut to what its field holds, so a pasted
 * 12 MB description is refused with a message, not echoed back.
 */
export function clipDraft(draft: ListingDraft): ListingDraft {
  const clip = (value: string) => value.slice(0, LISTING_LIMITS.descriptionMax);
  return {
    fields: Object.fromEntries(
      Object.entries(draft.fields).map(([name, value]) => [name, clip(value)]),
    ) as Record<ListingTextField, string>,
    variants: draft.variants.map((row) => ({
      ...row,
      ...Object.fromEntries(VARIANT_TEXT_FIELDS.map((field) => [field, row[field].slice(0, 200)])),
    })),
  };
}

/** What a press on the listing form asks for: save, or change the variant rows and draw again. */
export type ListingIntent =
  | { kind: "save" }
  | { kind: "add-variant" }
  | { kind: "remove-variant"; index: number }
  | { kind: "restore-variant"; index: number };

export function readIntent(form: FormData): ListingIntent {
  const intent = form.get("intent");
  if (intent === "add-variant") return { kind: "add-variant" };
  const row =
    typeof intent === "string" ? /^(remove|restore)-variant-(\d{1,2})$/.exec(intent) : null;
  if (row) {
    const kind = row[1] === "remove" ? "remove-variant" : "restore-variant";
    return { kind, index: Number(row[2]) };
  }
  return { kind: "save" };
}

/**
 * The draft after an "add a variant", "remove" or "undo" press. A row never saved just goes; a
 * saved one is marked and goes (or is taken off sale) only when the form is saved.
 */
export function applyRowIntent(draft: ListingDraft, intent: ListingIntent): ListingDraft {
  const variants = [...draft.variants];
  if (intent.kind === "add-variant" && variants.length < LISTING_LIMITS.variantsMax) {
    const last = variants[variants.length - 1];
    variants.push(emptyVariantRow(last?.metal ?? ""));
  }
  if (intent.kind === "remove-variant" || intent.kind === "restore-variant") {
    const row = variants[intent.index];
    if (row && intent.kind === "remove-variant" && row.id === "") variants.splice(intent.index, 1);
    else if (row) variants[intent.index] = { ...row, remove: intent.kind === "remove-variant" };
  }
  return { ...draft, variants };
}

// ── checking ──────────────────────────────────────────────────────────────────────────────────

const requiredText = (min: number, max: number, required: string, short: string, long: string) =>
  z.string().trim().min(1, required).min(min, short).max(max, long);

const optionalText = (max: number, long: string) =>
  z
    .string()
    .trim()
    .max(max, long)
    .transform((value) => (value === "" ? null : value));

/** A whole number as typed: thousands dots and spaces allowed ("1.200"), nothing else. */
function wholeNumber(value: string): number | null {
  const digits = value.trim().replace(/[.\s]/g, "");
  return /^\d{1,9}$/.test(digits) ? Number(digits) : null;
}

const leadTimeDays = z.string().transform((value, ctx) => {
  if (value.trim() === "") return 0;
  const days = wholeNumber(value);
  if (days === null || days > LISTING_LIMITS.leadTimeMax) {
    ctx.addIssue({ code: "custom", message: "errors.leadTimeInvalid" });
    return z.NEVER;
  }
  return days;
});

const weightGrams = z.string().transform((value, ctx) => {
  if (value.trim() === "") return null;
  const grams = wholeNumber(value);
  if (grams === null || grams < 1 || grams > LISTING_LIMITS.weightMax) {
    ctx.addIssue({ code: "custom", message: "errors.weightInvalid" });
    return z.NEVER;
  }
  return grams;
});

const metal = (message: string) => z.nativeEnum(Metal, { message });

/** A variant's metal; left empty, the product's main metal. */
const variantMetal = z.string().transform((value, ctx): Metal | null => {
  if (value === "") return null;
  const known = Object.values(Metal).find((metal) => metal === value);
  if (!known) {
    ctx.addIssue({ code: "custom", message: "errors.variantMetalRequired" });
    return z.NEVER;
  }
  return known;
});

const price = z.string().transform((value, ctx) => {
  const typed = value.trim();
  if (typed === "") {
    ctx.addIssue({ code: "custom", message: "errors.priceRequired" });
    return z.NEVER;
  }
  const rupiah = parseRupiah(typed);
  // "-50.000" or "0" read as a price the artisan meant, but not one the shop can sell at.
  if (typed.startsWith("-") || rupiah === 0) {
    ctx.addIssue({ code: "custom", message: "errors.pricePositive" });
    return z.NEVER;
  }
  if (rupiah === null) {
    ctx.addIssue({ code: "custom", message: "errors.priceInvalid" });
    return z.NEVER;
  }
  if (rupiah > LISTING_LIMITS.priceMax) {
    ctx.addIssue({ code: "custom", message: "errors.priceTooHigh" });
    return z.NEVER;
  }
  return rupiah;
});

const stock = z.string().transform((value, ctx) => {
  const typed = value.trim();
  if (typed === "") {
    ctx.addIssue({ code: "custom", message: "errors.stockRequired" });
    return z.NEVER;
  }
  if (/^-\s*\d+$/.test(typed)) {
    ctx.addIssue({ code: "custom", message: "errors.stockNegative" });
    return z.NEVER;
  }
  if (!/^\d{1,6}$/.test(typed)) {
    ctx.addIssue({ code: "custom", message: "errors.stockInvalid" });
    return z.NEVER;
  }
  const pieces = Number(typed);
  if (pieces > LISTING_LIMITS.stockMax) {
    ctx.addIssue({ code: "custom", message: "errors.stockTooHigh" });
    return z.NEVER;
  }
  return pieces;
});

/** What the page last showed; a tampered value only ever makes the save refuse, never oversell. */
const seenStock = z
  .string()
  .transform((value) => (/^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : 0));

const variantSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{0,64}$/, "errors.variantUnknown")
    .transform((value) => (value === "" ? null : value)),
  labelId: requiredText(
    1,
    LISTING_LIMITS.labelMax,
    "errors.labelRequired",
    "errors.labelRequired",
    "errors.labelTooLong",
  ),
  labelEn: optionalText(LISTING_LIMITS.labelMax, "errors.labelTooLong"),
  /** Empty: the product's main metal. */
  metal: variantMetal,
  finish: optionalText(LISTING_LIMITS.detailMax, "errors.detailTooLong"),
  size: optionalText(LISTING_LIMITS.detailMax, "errors.detailTooLong"),
  price,
  stock,
  seenStock,
  active: z.boolean(),
});

export type VariantInput = Omit<z.infer<typeof variantSchema>, "metal"> & { metal: Metal };

const listingSchema = z.object({
  titleId: requiredText(
    LISTING_LIMITS.titleMin,
    LISTING_LIMITS.titleMax,
    "errors.titleIdRequired",
    "errors.titleTooShort",
    "errors.titleTooLong",
  ),
  titleEn: optionalText(LISTING_LIMITS.titleMax, "errors.titleTooLong").refine(
    (value) => value === null || value.length >= LISTING_LIMITS.titleMin,
    "errors.titleTooShort",
  ),
  descriptionId: requiredText(
    1,
    LISTING_LIMITS.descriptionMax,
    "errors.descriptionIdRequired",
    "errors.descriptionIdRequired",
    "errors.descriptionTooLong",
  ),
  descriptionEn: optionalText(LISTING_LIMITS.descriptionMax, "errors.descriptionTooLong"),
  materialsId: optionalText(LISTING_LIMITS.noteMax, "errors.noteTooLong"),
  materialsEn: optionalText(LISTING_LIMITS.noteMax, "errors.noteTooLong"),
  careId: optionalText(LISTING_LIMITS.noteMax, "errors.noteTooLong"),
  careEn: optionalText(LISTING_LIMITS.noteMax, "errors.noteTooLong"),
  categoryId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "errors.categoryRequired"),
  metal: metal("errors.metalRequired"),
  leadTimeDays,
  weightGrams,
});

export type ListingInput = z.infer<typeof listingSchema> & {
  madeToOrder: boolean;
  /** Rows to save, in the order shown. */
  variants: VariantInput[];
  /** Saved variants the artisan asked to remove. */
  removeVariantIds: string[];
};

/** Field name → key of the "listings" namespace; `variants` is about the rows as a whole. */
export type ListingProblems = Record<string, string>;

export type ParsedListing =
  { success: true; data: ListingInput } | { success: false; problems: ListingProblems };

/** The draft checked: every problem, next to its field (`titleId`, `variants.1.price`…). */
export function parseListing(draft: ListingDraft): ParsedListing {
  const problems: ListingProblems = {};
  const note = (path: (string | number)[], message: string) => {
    problems[path.join(".")] ??= message;
  };

  const listing = listingSchema.safeParse(draft.fields);
  if (!listing.success) for (const issue of listing.error.issues) note(issue.path, issue.message);

  const variants: VariantInput[] = [];
  const removeVariantIds: string[] = [];
  draft.variants.forEach((row, index) => {
    if (row.remove) {
      if (row.id) removeVariantIds.push(row.id);
      return;
    }
    const variant = variantSchema.safeParse(row);
    if (!variant.success) {
      for (const issue of variant.error.issues) {
        note(["variants", index, ...issue.path], issue.message);
      }
    } else if (listing.success) {
      variants.push({ ...variant.data, metal: variant.data.metal ?? listing.data.metal });
    }
  });
  if (draft.variants.every((row) => row.remove)) note(["variants"], "errors.variantsRequired");
  const ids = variants.flatMap((variant) => (variant.id ? [variant.id] : []));
  if (new Set(ids).size !== ids.length) note(["variants"], "errors.variantUnknown");

  if (!listing.success || Object.keys(problems).length > 0) return { success: false, problems };
  return {
    success: true,
    data: {
      ...listing.data,
      madeToOrder: listing.data.leadTimeDays > 0,
      variants,
      removeVariantIds,
    },
  };
}

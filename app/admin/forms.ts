import { z } from "zod";
import { normalizeEmail } from "~/accounts/identifier";
import { Metal, Role } from "~/generated/prisma/enums";
import { wibDateKey } from "~/lib/dates";
import { normalizePhone } from "~/lib/phone";
import { parseTimeOfDay } from "./time-of-day";

/**
 * The admin forms' schemas. Their messages are keys of the "admin" namespace, turned into
 * sentences by `fieldErrors`.
 */

/** A form's fields, with the fields that repeat (checkbox groups) as lists. */
export function formInput(form: FormData, lists: readonly string[] = []): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, value] of form) {
    if (typeof value === "string" && !lists.includes(name)) input[name] = value;
  }
  for (const name of lists) {
    input[name] = form.getAll(name).filter((value) => typeof value === "string");
  }
  return input;
}

export const recordId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/);

const requiredText = (max: number, required: string, tooLong: string) =>
  z.string({ required_error: required }).trim().min(1, required).max(max, tooLong);

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((value) => (value ? value : null));

const personName = requiredText(120, "errors.nameRequired", "errors.nameTooLong");

const optionalEmail = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return null;
    const email = normalizeEmail(value);
    if (!email) ctx.addIssue({ code: "custom", message: "errors.emailInvalid" });
    return email;
  });

const optionalPhone = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return null;
    const phone = normalizePhone(value);
    if (!phone) ctx.addIssue({ code: "custom", message: "errors.phoneInvalid" });
    return phone;
  });

const restAreaIds = z.array(recordId).max(200).default([]);

/** A whole number typed into a field, within bounds. */
const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string({ required_error: message })
    .trim()
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .refine((value) => value >= min && value <= max, message);

const timeOfDay = (message: string) =>
  z.string({ required_error: message }).transform((value, ctx) => {
    const minutes = parseTimeOfDay(value);
    if (minutes === null) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return minutes;
  });

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

export const inviteForm = z
  .object({
    name: personName,
    email: optionalEmail,
    phone: optionalPhone,
    locale: z.enum(["id", "en"], { message: "errors.localeRequired" }),
    role: z.enum(["ARTISAN", "OPERATOR"], { message: "errors.inviteRoleRequired" }),
    artisanId: z.string().optional(),
    restAreaIds,
  })
  .superRefine((form, ctx) => {
    if (form.email === null && form.phone === null) {
      for (const path of ["email", "phone"]) {
        ctx.addIssue({ code: "custom", path: [path], message: "errors.contactRequired" });
      }
    }
    requireRoleChoice(form, ctx);
  });

export type InviteForm = z.infer<typeof inviteForm>;

export const roleChangeForm = z
  .object({
    role: z.nativeEnum(Role, { message: "errors.roleRequired" }),
    artisanId: z.string().optional(),
    restAreaIds,
  })
  .superRefine(requireRoleChoice);

/** An artisan account needs its profile, an operator account at least one rest area. */
function requireRoleChoice(
  form: { role: Role; artisanId?: string; restAreaIds: string[] },
  ctx: z.RefinementCtx,
) {
  if (form.role === "ARTISAN" && !recordId.safeParse(form.artisanId).success) {
    ctx.addIssue({ code: "custom", path: ["artisanId"], message: "errors.artisanRequired" });
  }
  if (form.role === "OPERATOR" && form.restAreaIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["restAreaIds"], message: "errors.restAreasRequired" });
  }
}

export const operatorRestAreasForm = z.object({
  restAreaIds: restAreaIds.refine((ids) => ids.length > 0, "errors.restAreasRequired"),
});

export const EARLIEST_CRAFTING_YEAR = 1940;

/** The artisan profile form; "this year" is the WIB year of `now`. */
export function artisanForm(now: Date = new Date()) {
  const thisYear = Number(wibDateKey(now).slice(0, 4));
  return z
    .object({
      name: personName,
      village: requiredText(120, "errors.villageRequired", "errors.villageTooLong"),
      storyId: requiredText(5000, "errors.storyIdRequired", "errors.storyTooLong"),
      storyEn: optionalText(5000, "errors.storyTooLong"),
      specialties: z
        .array(z.nativeEnum(Metal, { message: "errors.specialtiesRequired" }))
        .min(1, "errors.specialtiesRequired")
        .transform((metals) => Object.values(Metal).filter((metal) => metals.includes(metal))),
      craftingSince: z
        .string()
        .optional()
        .transform((value, ctx) => {
          const text = value?.trim() ?? "";
          if (text === "") return null;
          const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
          if (!(year >= EARLIEST_CRAFTING_YEAR && year <= thisYear)) {
            ctx.addIssue({ code: "custom", message: "errors.craftingSince" });
            return z.NEVER;
          }
          return year;
        }),
      active: checkbox,
      bankName: optionalText(100, "errors.bankNameTooLong"),
      // People copy account numbers with spaces, dots or dashes: only the digits count.
      bankAccountNumber: z
        .string()
        .optional()
        .transform((value, ctx) => {
          const text = value?.trim() ?? "";
          if (text === "") return null;
          const digits = text.replace(/[\s.-]/g, "");
          if (!/^\d{5,20}$/.test(digits)) {
            ctx.addIssue({ code: "custom", message: "errors.bankAccountNumber" });
            return z.NEVER;
          }
          return digits;
        }),
      bankAccountName: optionalText(120, "errors.bankAccountNameTooLong"),
    })
    .superRefine((form, ctx) => {
      // A payout goes nowhere with only part of the details: all three, or none.
      const bank = [form.bankName, form.bankAccountNumber, form.bankAccountName];
      if (bank.some((value) => value !== null)) {
        const fields = ["bankName", "bankAccountNumber", "bankAccountName"] as const;
        fields.forEach((field, index) => {
          if (bank[index] === null) {
            ctx.addIssue({ code: "custom", path: [field], message: "errors.bankIncomplete" });
          }
        });
      }
    });
}

export type ArtisanForm = z.output<ReturnType<typeof artisanForm>>;

export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const restAreaForm = z
  .object({
    opensAt: timeOfDay("errors.timeInvalid"),
    closesAt: timeOfDay("errors.timeInvalid"),
    openWeekdays: z
      .array(z.string())
      .transform((days) => ISO_WEEKDAYS.filter((day) => days.includes(String(day))))
      .refine((days) => days.length > 0, "errors.weekdaysRequired"),
    holdDays: wholeNumber(1, 14, "errors.holdDays"),
    transitDays: wholeNumber(0, 7, "errors.transitDays"),
    active: checkbox,
  })
  .superRefine((form, ctx) => {
    if (form.closesAt <= form.opensAt) {
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "errors.closesBeforeOpens" });
    }
  });

export type RestAreaForm = z.output<typeof restAreaForm>;

export const MAX_WINDOW_CAPACITY = 500;

export const pickupWindowForm = z
  .object({
    start: timeOfDay("errors.timeInvalid"),
    end: timeOfDay("errors.timeInvalid"),
    capacity: wholeNumber(1, MAX_WINDOW_CAPACITY, "errors.capacity"),
  })
  .superRefine((form, ctx) => {
    if (form.end <= form.start) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "errors.windowEndBeforeStart" });
    }
  });

export type PickupWindowForm = z.output<typeof pickupWindowForm>;

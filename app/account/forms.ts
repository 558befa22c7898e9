import { z } from "zod";
import { normalizeEmail } from "~/accounts/identifier";
import { supportedLocales } from "~/i18n/config";
import { normalizePhone } from "~/lib/phone";

/**
 * The account pages' forms. Messages are keys of the "account" namespace; `fieldErrors` turns
 * them into sentences in the visitor's language.
 */

/** A form field as posted: absent fields read as empty. */
const text = z
  .string({ invalid_type_error: "errors.badRequest" })
  .optional()
  .transform((value) => (value ?? "").trim());

/** An optional contact: empty is null, anything else must normalise. */
function optionalContact(normalize: (input: string) => string | null, message: string) {
  return text.transform((value, ctx) => {
    if (value === "") return null;
    const normalized = normalize(value);
    if (!normalized) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      return z.NEVER;
    }
    return normalized;
  });
}

export const profileForm = z
  .object({
    name: text.pipe(z.string().min(2, "errors.nameRequired").max(80, "errors.nameRequired")),
    email: optionalContact(normalizeEmail, "errors.emailInvalid"),
    phone: optionalContact(normalizePhone, "errors.phoneInvalid"),
    locale: z.enum(supportedLocales, { message: "errors.localeInvalid" }),
    /** Asked for only when a contact changes; checked by the action, not here. */
    password: z
      .string({ invalid_type_error: "errors.badRequest" })
      .max(1024, "errors.passwordTooLong")
      .optional()
      .transform((value) => value ?? ""),
  })
  .superRefine((profile, ctx) => {
    if (!profile.email && !profile.phone) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["email"],
        message: "errors.contactRequired",
      });
    }
  });

/** Passwords are taken as typed: spaces may be part of a pass phrase. */
const password = z
  .string({ required_error: "errors.passwordRequired", invalid_type_error: "errors.badRequest" })
  .min(1, "errors.passwordRequired")
  // Longer than any allowed password; keeps hashing cheap for whatever is posted.
  .max(1024, "errors.passwordTooLong");

export const passwordForm = z.object({ currentPassword: password, newPassword: password });

export const deleteForm = z.object({ password });

import type { Resources, TFunction } from "i18next";
import type { ZodError } from "zod";

/**
 * The shape every form action answers with when it refuses input: the values as typed (so the
 * form shows them again, passwords excepted) and one sentence per field, in the visitor's
 * language. `form` is the message about the form as a whole.
 */
export type FormErrors = Partial<Record<string, string>> & { form?: string };
export type FormRefusal = { ok: false; values: Record<string, string>; errors: FormErrors };

/** Never sent back to the browser. */
const SECRET_FIELDS = new Set(["password", "currentPassword", "newPassword"]);

/** The text fields of a form as typed, without secrets or files. */
export function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value === "string" && !SECRET_FIELDS.has(name)) values[name] = value.slice(0, 5000);
  }
  return values;
}

/**
 * Zod issues as one message per field. Schemas give i18n keys as their messages; `translate`
 * turns each key into a sentence.
 */
export function fieldErrors<Namespace extends keyof Resources>(
  error: ZodError,
  t: TFunction<Namespace>,
): FormErrors {
  // The keys come from the schema, whose messages are this namespace's keys.
  const translate = t as unknown as (key: string) => string;
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= translate(issue.message);
  }
  return errors;
}

export function refusal(form: FormData, errors: FormErrors): FormRefusal {
  return { ok: false, values: typedValues(form), errors };
}

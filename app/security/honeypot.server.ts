import { Honeypot, SpamError } from "remix-utils/honeypot/server";

/**
 * A hidden field on public forms (sign-up, sign-in, password reset) that people never see and
 * bots fill in. No time stamp, so any app process can check any form.
 */
const honeypot = new Honeypot({ validFromFieldName: null });
const FIELD = "name__confirm";

/** True when the form was filled in by a bot, or did not come from our page at all. */
export function isSpam(formData: FormData): boolean {
  // The library skips its check when the field is missing; a form from our page always has it.
  if (!formData.has(FIELD)) return true;
  try {
    honeypot.check(formData);
    return false;
  } catch (error) {
    if (error instanceof SpamError) return true;
    throw error;
  }
}

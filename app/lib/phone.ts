import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * A WhatsApp number typed in any common Indonesian form (0812…, 62812…, +62 812-…, (0812) …)
 * as E.164 (+62812…), or null when it is not a valid mobile number.
 */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === "" || trimmed.length > 32 || /[^\d\s+().-]/.test(trimmed)) return null;
  // "62812…" without the plus is how many people copy a number out of WhatsApp.
  const withPlus = /^62\d{8,}$/.test(trimmed.replace(/[\s().-]/g, ""))
    ? `+${trimmed.replace(/[\s().-]/g, "")}`
    : trimmed;
  const phone = parsePhoneNumberFromString(withPlus, "ID");
  if (!phone || !phone.isValid()) return null;
  const type = phone.getType();
  if (phone.country === "ID" && type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE") return null;
  return phone.number;
}

/** +6281234567890 → "+62 812-3456-7890", for showing a stored number. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

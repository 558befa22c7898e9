import { normalizePhone } from "~/lib/phone";

/** What a person types to say who they are: an e-mail address or a WhatsApp number. */
export type Identifier = { kind: "email"; email: string } | { kind: "phone"; phone: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}

/** "Siti@Example.com " → an e-mail; "0812-3456-7890" → a WhatsApp number; otherwise null. */
export function parseIdentifier(input: string): Identifier | null {
  if (input.includes("@")) {
    const email = normalizeEmail(input);
    return email ? { kind: "email", email } : null;
  }
  const phone = normalizePhone(input);
  return phone ? { kind: "phone", phone } : null;
}

import type { FormRefusal } from "~/lib/forms";

/** The forms of the account page, each posted with its `intent`. */
export type AccountIntent = "profile" | "resend" | "password" | "sign-out-everywhere";

/** A refused form of the account page: which form it was, the values as typed, the reasons. */
export type AccountRefusal = FormRefusal & { intent: AccountIntent | null };

/** Notices shown after a form succeeded (carried in ?saved= across the redirect). */
export const savedNotices = [
  "profile",
  "profile-verify",
  "password",
  "sent-email",
  "sent-phone",
  "contact-cancelled",
] as const;
export type SavedNotice = (typeof savedNotices)[number];

export function readSavedNotice(url: URL): SavedNotice | null {
  const value = url.searchParams.get("saved");
  return savedNotices.find((notice) => notice === value) ?? null;
}

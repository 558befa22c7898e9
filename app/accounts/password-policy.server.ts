import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/**
 * NIST SP 800-63B: at least 8 characters, no composition rules, and refuse passwords that are
 * common, breached or built from the person's own details. zxcvbn-ts (with its list of the most
 * common and breached passwords) estimates how guessable a password is.
 */
export const PASSWORD_MIN_LENGTH = 8;
/** Long enough for any pass phrase, short enough that hashing cannot be abused. */
export const PASSWORD_MAX_LENGTH = 128;

zxcvbnOptions.setOptions({
  dictionary: {
    ...dictionary,
    // Words anyone would try first against this shop's accounts.
    shop: ["karyasungging", "sungging", "karya", "oganilir", "palembang", "tanjungbatu", "perak"],
  },
  graphs: adjacencyGraphs,
});

export type PasswordProblem = "too-short" | "too-long" | "too-common";

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  personal: (string | null | undefined)[] = [],
): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "too-short";
  if (length > PASSWORD_MAX_LENGTH) return "too-long";
  const inputs = personal
    .filter((value): value is string => Boolean(value))
    .flatMap((value) => [value, ...value.split(/[@\s.+_-]+/)])
    .filter((value) => value.length >= 3);
  // Score 0–4: 0 and 1 fall to an online or fast offline guessing attack.
  return zxcvbn(password, inputs).score < 2 ? "too-common" : null;
}

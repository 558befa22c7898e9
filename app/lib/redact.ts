/**
 * What the process log must not carry: pickup codes, the tokens in links sent to people (password
 * reset, confirmation, invitation), order keys and sessions in addresses, and any value kept under
 * a secret's name. Masked, not removed, so a line still shows that there was one and its last
 * characters, to tell two apart.
 */

const HIDDEN = "••••";

/** Paths whose next segment is a one-time token. */
const TOKEN_PATH = /(\/(?:reset-password|verify|invitation)\/)([A-Za-z0-9_-]+)/g;

/** Query parameters whose value opens something (an order, a session, a reset). */
const SECRET_QUERY =
  /([?&](?:key|token|code|secret|session|session_id|signature|sig|password|access_token)=)([^&#\s"'<>]+)/gi;

/** A six-digit pickup code standing on its own: not part of a longer number or an order number. */
const PICKUP_CODE = /(?<![\w\-.,/])\d{6}(?![\w\-.,/])/g;

function keepTail(value: string, tail: number): string {
  return `${HIDDEN}${value.length > tail * 2 ? value.slice(-tail) : ""}`;
}

/** The text with pickup codes (••••89), link tokens and secret query values masked. */
export function maskSecretsInText(text: string): string {
  return text
    .replace(TOKEN_PATH, (_, path: string, token: string) => `${path}${keepTail(token, 4)}`)
    .replace(SECRET_QUERY, (_, name: string, value: string) => `${name}${keepTail(value, 4)}`)
    .replace(PICKUP_CODE, (code) => keepTail(code, 2));
}

const SECRET_NAMES = new Set(["code", "key", "otp", "pin", "pwd", "passwd", "session"]);
const SECRET_ENDINGS = [
  "password",
  "passwordhash",
  "token",
  "tokenhash",
  "secret",
  "secretkey",
  "privatekey",
  "apikey",
  "accesskey",
  "authorization",
  "cookie",
  "signature",
  "sessionid",
  "pickupcode",
];

/** Whether a field of this name holds a secret: `password`, `accessToken`, `Set-Cookie`… */
export function isSecretName(name: string): boolean {
  const plain = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  return SECRET_NAMES.has(plain) || SECRET_ENDINGS.some((ending) => plain.endsWith(ending));
}

/**
 * A copy of a log line's context with every value under a secret's name replaced by "[redacted]"
 * and every text masked as `maskSecretsInText` does, however deep it sits.
 */
export function redactContext(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskSecretsInText(value);
  if (value === null || typeof value !== "object" || depth > 8) return value;
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => redactContext(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [
      name,
      isSecretName(name) && item !== null && item !== undefined
        ? "[redacted]"
        : redactContext(item, depth + 1),
    ]),
  );
}

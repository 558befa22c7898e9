/**
 * A path on this site to send someone back to after a form, or "/" for anything that could lead
 * elsewhere (an absolute URL, a protocol-relative //host, a backslash trick).
 */
export function safeRedirectPath(target: string | null | undefined, fallback = "/"): string {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.includes("\\")) {
    return fallback;
  }
  return target;
}

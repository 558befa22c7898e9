/**
 * How every action reads a submitted form. A body that is not a form, or a broken one (a cut
 * multipart upload, a wrong boundary), is answered 400 or 415 through the route's error page
 * instead of escaping as an exception. Text fields lose NUL and the other control characters
 * here, once for every form: PostgreSQL refuses NUL in text, and no field of the shop wants the
 * others (tabs and line breaks are kept for the longer texts).
 */
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A text field as the shop stores it. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_EXCEPT_WHITESPACE, "");
}

export function badForm(status: 400 | 415): Response {
  return new Response(status === 415 ? "Unsupported form encoding" : "Malformed form", {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function readForm(request: Request): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) {
    // A post with no body at all (a bare button) is an empty form.
    if (type === "" && request.body === null) return new FormData();
    throw badForm(415);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw badForm(400);
  }
  return cleanForm(form);
}

/** The same form with every text field cleaned; files pass through untouched. */
export function cleanForm(form: FormData): FormData {
  const clean = new FormData();
  for (const [name, value] of form) {
    clean.append(
      withoutControlCharacters(name),
      typeof value === "string" ? withoutControlCharacters(value) : value,
    );
  }
  return clean;
}

import type { Metal } from "~/generated/prisma/enums";

/** The metals an artisan works, as the visitor's language lists them: "perak dan tembaga". */
export function metalsInWords(
  metals: readonly Metal[],
  locale: string,
  nameOf: (metal: Metal) => string,
): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(metals.map(nameOf));
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireArtisan } from "~/accounts/permissions.server";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { monthStatement, statementCsv, statementMonthOrNotFound } from "~/studio/statements.server";

/**
 * The month's statement as a CSV file for a spreadsheet (`/studio/statements/2026-11.csv`): the
 * signed-in artisan's own lines only, amounts as plain whole rupiah, headed in their language.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const owner = await requireArtisan(request);
  const key = statementMonthOrNotFound(params.month, new Date());
  const locale = await getLocale(request);
  const [t, statement] = await Promise.all([
    i18next.getFixedT(locale, "statements"),
    monthStatement(owner, key),
  ]);
  // Only "laporan-penjualan-2026-11.csv"-style characters: nothing to quote or escape.
  const filename = `${t("month.csvFile")}-${key}.csv`;
  return new Response(statementCsv(statement, locale), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

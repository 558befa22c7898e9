import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportAccountData } from "~/account/data-export.server";
import { requireAccount } from "~/accounts/permissions.server";

/** "Download my data": everything the shop holds about the signed-in person, as a JSON file. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const owner = await requireAccount(request);
  const { filename, json } = await exportAccountData(owner, request, context);
  return new Response(json, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

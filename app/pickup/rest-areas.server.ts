import { prisma } from "~/db.server";
import type { Locale } from "~/i18n/config";
import type { Region } from "~/generated/prisma/enums";

export type RestAreaSummary = {
  slug: string;
  name: string;
  kmLabel: string;
  direction: string;
  segment: string;
};

const regionOrder: Region[] = ["PALEMBANG", "LAMPUNG", "BENGKULU"];

/** Active rest areas per region, in the order a traveller meets them along the road. */
export async function restAreasByRegion(
  locale: Locale,
): Promise<{ region: Region; restAreas: RestAreaSummary[] }[]> {
  const rows = await prisma.restArea.findMany({
    where: { active: true },
    orderBy: [{ segment: "asc" }, { km: "asc" }, { side: "asc" }],
    select: {
      slug: true,
      name: true,
      kmLabel: true,
      region: true,
      segment: true,
      directionId: true,
      directionEn: true,
    },
  });
  return regionOrder.map((region) => ({
    region,
    restAreas: rows
      .filter((row) => row.region === region)
      .map((row) => ({
        slug: row.slug,
        name: row.name,
        kmLabel: row.kmLabel,
        segment: row.segment,
        direction: locale === "en" ? row.directionEn : row.directionId,
      })),
  }));
}

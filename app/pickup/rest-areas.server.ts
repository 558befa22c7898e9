import { z } from "zod";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Region, RoadSide } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n/config";
import type { PickupCalendar } from "./pickup-days";

/** How a rest area appears in an address: lowercase letters, digits and hyphens. */
export const restAreaSlug = z
  .string()
  .max(100)
  .regex(/^[a-z0-9-]+$/);

export type RestAreaSummary = {
  slug: string;
  name: string;
  kmLabel: string;
  direction: string;
  segment: string;
};

/** What a buyer needs to plan a pickup: where, which side, which days and hours. */
export type RestAreaPickupSummary = RestAreaSummary &
  PickupCalendar & {
    region: Region;
    side: RoadSide | null;
    opensAtMinute: number;
    closesAtMinute: number;
  };

export type DirectoryRestArea = RestAreaPickupSummary & {
  place: string;
  regency: string;
  facilities: string[];
};

/** One region's rest areas, grouped by the city their traffic is heading to. */
export type DirectoryRegion = {
  region: Region;
  directions: { towardsCity: string; restAreas: DirectoryRestArea[] }[];
};

export type RestAreaDetail = DirectoryRestArea & {
  holdDays: number;
  notes: string | null;
  coordinates: { latitude: number; longitude: number; approximate: boolean } | null;
  pickupWindows: { startMinute: number; endMinute: number }[];
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

const pickupSummarySelect = {
  slug: true,
  name: true,
  kmLabel: true,
  region: true,
  segment: true,
  km: true,
  side: true,
  towardsCity: true,
  directionId: true,
  directionEn: true,
  openWeekdays: true,
  transitDays: true,
  opensAtMinute: true,
  closesAtMinute: true,
} satisfies Prisma.RestAreaSelect;

const directorySelect = {
  ...pickupSummarySelect,
  place: true,
  regency: true,
  facilitiesId: true,
  facilitiesEn: true,
} satisfies Prisma.RestAreaSelect;

type PickupSummaryRow = Prisma.RestAreaGetPayload<{ select: typeof pickupSummarySelect }>;
type DirectoryRow = Prisma.RestAreaGetPayload<{ select: typeof directorySelect }>;

function toPickupSummary(row: PickupSummaryRow, locale: Locale): RestAreaPickupSummary {
  return {
    slug: row.slug,
    name: row.name,
    kmLabel: row.kmLabel,
    direction: locale === "en" ? row.directionEn : row.directionId,
    segment: row.segment,
    region: row.region,
    side: row.side,
    openWeekdays: row.openWeekdays,
    transitDays: row.transitDays,
    opensAtMinute: row.opensAtMinute,
    closesAtMinute: row.closesAtMinute,
  };
}

function toDirectoryRestArea(row: DirectoryRow, locale: Locale): DirectoryRestArea {
  return {
    ...toPickupSummary(row, locale),
    place: row.place,
    regency: row.regency,
    facilities: locale === "en" ? row.facilitiesEn : row.facilitiesId,
  };
}

// Side A is where the KM posts rise, so its traffic meets the rest areas in rising KM order and
// side B's in falling order. KM posts only compare within one segment's numbering.
function inTravelOrder(a: PickupSummaryRow, b: PickupSummaryRow): number {
  if (a.segment !== b.segment) return a.segment.localeCompare(b.segment, "id");
  if (a.km !== null && b.km !== null && a.km !== b.km) {
    return a.side === "B" ? b.km - a.km : a.km - b.km;
  }
  return a.name.localeCompare(b.name, "id");
}

/**
 * Every active rest area for the pickup-point directory: by region, then by the city its side of
 * the road leads to, because a buyer can only stop on the side of their own direction of travel.
 */
export async function restAreaDirectory(locale: Locale): Promise<DirectoryRegion[]> {
  const rows = await prisma.restArea.findMany({
    where: { active: true },
    select: directorySelect,
  });
  return regionOrder.map((region) => {
    const inRegion = rows.filter((row) => row.region === region);
    const countTowards = (city: string) =>
      inRegion.filter((row) => row.towardsCity === city).length;
    // Directions with the most rest areas first, then by name, so the order never shuffles.
    const cities = [...new Set(inRegion.map((row) => row.towardsCity))].sort(
      (a, b) => countTowards(b) - countTowards(a) || a.localeCompare(b, "id"),
    );
    return {
      region,
      directions: cities.map((towardsCity) => ({
        towardsCity,
        restAreas: inRegion
          .filter((row) => row.towardsCity === towardsCity)
          .sort(inTravelOrder)
          .map((row) => toDirectoryRestArea(row, locale)),
      })),
    };
  });
}

/** An active rest area's pickup summary, or null when it is unknown or closed for pickups. */
export async function activeRestAreaSummary(
  slug: string,
  locale: Locale,
): Promise<RestAreaPickupSummary | null> {
  const row = await prisma.restArea.findFirst({
    where: { slug, active: true },
    select: pickupSummarySelect,
  });
  return row ? toPickupSummary(row, locale) : null;
}

/** An active rest area with everything its page shows, or null when unknown or inactive. */
export async function restAreaBySlug(slug: string, locale: Locale): Promise<RestAreaDetail | null> {
  const row = await prisma.restArea.findFirst({
    where: { slug, active: true },
    select: {
      ...directorySelect,
      holdDays: true,
      notesId: true,
      notesEn: true,
      latitude: true,
      longitude: true,
      coordinatesApproximate: true,
      pickupWindows: {
        where: { active: true },
        orderBy: { startMinute: "asc" },
        select: { startMinute: true, endMinute: true },
      },
    },
  });
  if (!row) return null;
  return {
    ...toDirectoryRestArea(row, locale),
    holdDays: row.holdDays,
    // An admin may not have translated a note yet: the Indonesian one is better than none.
    notes: (locale === "en" ? (row.notesEn ?? row.notesId) : row.notesId) ?? null,
    coordinates:
      row.latitude !== null && row.longitude !== null
        ? {
            latitude: row.latitude.toNumber(),
            longitude: row.longitude.toNumber(),
            approximate: row.coordinatesApproximate,
          }
        : null,
    pickupWindows: row.pickupWindows,
  };
}

import { prisma } from "~/db.server";
import type { Locale } from "~/i18n/config";
import { keptFor } from "~/lib/kept.server";

export type CooperativeIdentity = {
  name: string;
  shortName: string;
  about: string;
  phone: string;
  email: string;
  address: string;
};

// Every page's footer shows it and it changes perhaps once a year.
const cooperativeRow = keptFor(60_000, () =>
  prisma.cooperative.findFirst({ orderBy: { createdAt: "asc" } }),
);

/** The cooperative that runs the shop, for the footer and the about text. */
export async function getCooperativeIdentity(locale: Locale): Promise<CooperativeIdentity | null> {
  const co = await cooperativeRow();
  if (!co) return null;
  return {
    name: co.name,
    shortName: co.shortName,
    about: locale === "en" ? co.aboutEn : co.aboutId,
    phone: co.phone,
    email: co.email,
    address: `${co.village}, ${co.district}, ${co.regency}, ${co.province}`,
  };
}

import { createCookie } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import {
  getMyRestArea,
  myRestAreaCookieHeader,
  readMyRestAreaSlug,
} from "~/pickup/my-rest-area.server";
import { restAreaBySlug, restAreaDirectory } from "~/pickup/rest-areas.server";
import { seedIfEmpty } from "../../prisma/seed/seed";

const KM_56_B = "km-56-b-indralaya-prabumulih";
const KM_87_A = "km-87-a-bakauheni-terbanggi-besar";
const PALINDRA = "km-20-palembang-indralaya";

beforeAll(async () => {
  await seedIfEmpty(prisma);
}, 180_000);

function requestWithCookie(setCookie: string): Request {
  const [pair] = setCookie.split(";");
  return new Request("http://localhost/", { headers: { Cookie: pair ?? "" } });
}

describe("the pickup-point directory", () => {
  it("groups every active rest area by region, then by the city its side leads to", async () => {
    const directory = await restAreaDirectory("en");
    expect(directory.map((r) => r.region)).toEqual(["PALEMBANG", "LAMPUNG", "BENGKULU"]);
    for (const { directions } of directory) {
      expect(directions.length).toBeGreaterThan(0);
      for (const { towardsCity, restAreas } of directions) {
        expect(restAreas.length).toBeGreaterThan(0);
        const rows = await prisma.restArea.findMany({
          where: { slug: { in: restAreas.map((a) => a.slug) } },
        });
        expect(rows.every((row) => row.towardsCity === towardsCity)).toBe(true);
      }
    }
    const listed = directory.flatMap((r) => r.directions.flatMap((d) => d.restAreas));
    expect(listed).toHaveLength(await prisma.restArea.count({ where: { active: true } }));
  });

  it("lists KM 87 A under Lampung, for traffic towards Palembang, and KM 87 B the other way", async () => {
    const lampung = (await restAreaDirectory("en")).find((r) => r.region === "LAMPUNG");
    const northbound = lampung?.directions.find((d) => d.towardsCity === "Palembang");
    const km87a = northbound?.restAreas.find((a) => a.slug === KM_87_A);
    expect(km87a).toMatchObject({
      name: "Rest Area KM 87 A",
      kmLabel: "KM 87 A",
      side: "A",
      direction: "towards Palembang (northbound)",
      segment: "Bakauheni–Terbanggi Besar",
      place: "Fajar Baru, Jati Agung",
      regency: "Lampung Selatan",
      openWeekdays: [1, 2, 3, 4, 5, 6, 7],
      transitDays: 2,
      opensAtMinute: 8 * 60,
      closesAtMinute: 20 * 60,
    });
    expect(km87a?.facilities).toContain("Fuel station");
    const southbound = lampung?.directions.find((d) => d.towardsCity === "Bandar Lampung");
    expect(southbound?.restAreas.map((a) => a.kmLabel)).toContain("KM 87 B");
  });

  it("orders each direction as a traveller meets the rest areas", async () => {
    const lampung = (await restAreaDirectory("id")).find((r) => r.region === "LAMPUNG");
    const onBakauheniRoad = (towardsCity: string) =>
      lampung?.directions
        .find((d) => d.towardsCity === towardsCity)
        ?.restAreas.filter((a) => a.segment === "Bakauheni–Terbanggi Besar")
        .map((a) => a.kmLabel);
    // Northbound from Bakauheni the KM posts rise; southbound they fall.
    expect(onBakauheniRoad("Palembang")).toEqual(["KM 20 A", "KM 33 A", "KM 87 A", "KM 116 A"]);
    expect(onBakauheniRoad("Bandar Lampung")).toEqual([
      "KM 116 B",
      "KM 87 B",
      "KM 33 B",
      "KM 20 B",
    ]);
  });

  it("speaks the visitor's language", async () => {
    const lampung = (await restAreaDirectory("id")).find((r) => r.region === "LAMPUNG");
    const km87a = lampung?.directions.flatMap((d) => d.restAreas).find((a) => a.slug === KM_87_A);
    expect(km87a?.direction).toBe("arah Palembang (ke utara)");
    expect(km87a?.facilities).toContain("SPBU");
  });

  it("hides the seasonal Palindra rest area while it is inactive", async () => {
    const slugs = (await restAreaDirectory("id")).flatMap((r) =>
      r.directions.flatMap((d) => d.restAreas.map((a) => a.slug)),
    );
    expect(slugs).not.toContain(PALINDRA);
    expect(await restAreaBySlug(PALINDRA, "id")).toBeNull();
  });
});

describe("a rest area's page", () => {
  it("has its pickup windows in order, hold days and notes in the visitor's language", async () => {
    const km56b = await restAreaBySlug(KM_56_B, "en");
    expect(km56b).toMatchObject({
      name: "Rest Area KM 56 B",
      region: "PALEMBANG",
      side: "B",
      direction: "towards Palembang (from Prabumulih)",
      holdDays: 3,
      coordinates: null,
    });
    expect(km56b?.pickupWindows).toEqual([
      { startMinute: 480, endMinute: 660 },
      { startMinute: 660, endMinute: 840 },
      { startMinute: 840, endMinute: 1020 },
      { startMinute: 1020, endMinute: 1200 },
    ]);
    expect(km56b?.notes).toContain("nearest the artisans' workshops");
    expect((await restAreaBySlug(KM_56_B, "id"))?.notes).toContain("terdekat dari bengkel");
  });

  it("leaves out closed windows and shows coordinates once an admin enters them", async () => {
    const slug = "km-33-a-bakauheni-terbanggi-besar";
    const area = await prisma.restArea.update({
      where: { slug },
      data: { latitude: "-5.681234", longitude: "105.612345", coordinatesApproximate: true },
    });
    await prisma.pickupWindow.updateMany({
      where: { restAreaId: area.id, startMinute: 8 * 60 },
      data: { active: false },
    });
    const km33a = await restAreaBySlug(slug, "id");
    expect(km33a?.coordinates).toEqual({
      latitude: -5.681234,
      longitude: 105.612345,
      approximate: true,
    });
    expect(km33a?.pickupWindows.map((w) => w.startMinute)).toEqual([660, 840, 1020]);
  });

  it("is not found for an unknown slug", async () => {
    expect(await restAreaBySlug("km-999-z-nowhere", "id")).toBeNull();
  });
});

describe("the visitor's own rest area", () => {
  it("is read back from the cookie the choice sets", async () => {
    const request = requestWithCookie(await myRestAreaCookieHeader(KM_56_B));
    expect(await readMyRestAreaSlug(request)).toBe(KM_56_B);
    expect(await getMyRestArea(request, "id")).toMatchObject({
      slug: KM_56_B,
      name: "Rest Area KM 56 B",
      kmLabel: "KM 56 B",
      direction: "arah Palembang (dari Prabumulih)",
      segment: "Indralaya–Prabumulih",
      openWeekdays: [1, 2, 3, 4, 5, 6, 7],
      transitDays: 1,
      opensAtMinute: 480,
      closesAtMinute: 1200,
    });
  });

  it("is a year-long, http-only, same-site cookie", async () => {
    const header = await myRestAreaCookieHeader(KM_56_B);
    expect(header).toMatch(/Max-Age=31536000/);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Path=\//);
  });

  it("is none when the cookie is missing, malformed, or names a rest area that takes no pickups", async () => {
    expect(await getMyRestArea(new Request("http://localhost/"), "id")).toBeNull();
    const forged = createCookie("ks_rest_area");
    const malformed = requestWithCookie(await forged.serialize("<script>alert(1)</script>"));
    expect(await readMyRestAreaSlug(malformed)).toBeNull();
    expect(await getMyRestArea(malformed, "id")).toBeNull();
    const closed = requestWithCookie(await myRestAreaCookieHeader(PALINDRA));
    expect(await readMyRestAreaSlug(closed)).toBe(PALINDRA);
    expect(await getMyRestArea(closed, "id")).toBeNull();
  });

  it("refuses to write a value that is not a slug", async () => {
    await expect(myRestAreaCookieHeader("../../etc")).rejects.toThrow();
  });
});

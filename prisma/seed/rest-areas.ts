// Real rest areas of the Trans-Sumatra toll road near the cooperative's buyers (see
// shared/REST_AREAS.md, from news reports 2019–2026). Demo data: an admin corrects it.
// "Jalur A" is the side where the KM numbers rise. On the Lampung road KM rises from Bakauheni
// towards Kayu Agung, so A carries traffic north towards Palembang, B south towards Lampung.
// Coordinates were not published: they are left empty.
import type { Region, RoadSide } from "~/generated/prisma/enums";

export type SeedRestArea = {
  slug: string;
  name: string;
  region: Region;
  segment: string;
  km: number | null;
  kmLabel: string;
  side: RoadSide | null;
  towardsCity: string;
  directionId: string;
  directionEn: string;
  restAreaType: string | null;
  place: string;
  regency: string;
  facilitiesId: string[];
  facilitiesEn: string[];
  transitDays: number;
  active: boolean;
  notesId: string | null;
  notesEn: string | null;
};

const typeA = {
  id: ["SPBU", "Masjid", "Food court", "Toilet", "Kios UMKM"],
  en: ["Fuel station", "Mosque", "Food court", "Toilets", "Local craft kiosks"],
};
const basic = {
  id: ["Masjid", "Toilet", "Warung makan"],
  en: ["Mosque", "Toilets", "Food stalls"],
};

const north = {
  towardsCity: "Palembang",
  directionId: "arah Palembang (ke utara)",
  directionEn: "towards Palembang (northbound)",
};
const south = {
  towardsCity: "Bandar Lampung",
  directionId: "arah Lampung (ke selatan)",
  directionEn: "towards Lampung (southbound)",
};

function terpeka(km: number, side: RoadSide, regency: string, region: Region): SeedRestArea {
  return {
    slug: `km-${km}-${side.toLowerCase()}-terpeka`,
    name: `Rest Area KM ${km} ${side}`,
    region,
    segment: "Terbanggi Besar–Pematang Panggang–Kayu Agung",
    km,
    kmLabel: `KM ${km} ${side}`,
    side,
    ...(side === "A" ? north : south),
    restAreaType: null,
    place: "Ruas Terpeka, antara Terbanggi Besar dan Kayu Agung",
    regency,
    facilitiesId: basic.id,
    facilitiesEn: basic.en,
    transitDays: region === "PALEMBANG" ? 1 : 2,
    active: true,
    notesId: null,
    notesEn: null,
  };
}

function bakter(
  km: number,
  side: RoadSide,
  place: string,
  regency: string,
  type: string | null,
  facilities: { id: string[]; en: string[] },
): SeedRestArea {
  return {
    slug: `km-${km}-${side.toLowerCase()}-bakauheni-terbanggi-besar`,
    name: `Rest Area KM ${km} ${side}`,
    region: "LAMPUNG",
    segment: "Bakauheni–Terbanggi Besar",
    km,
    kmLabel: `KM ${km} ${side}`,
    side,
    ...(side === "A" ? north : south),
    restAreaType: type,
    place,
    regency,
    facilitiesId: facilities.id,
    facilitiesEn: facilities.en,
    transitDays: 2,
    active: true,
    notesId: null,
    notesEn: null,
  };
}

export const restAreas: SeedRestArea[] = [
  ...(["A", "B"] as const).map((side): SeedRestArea => ({
    slug: `km-56-${side.toLowerCase()}-indralaya-prabumulih`,
    name: `Rest Area KM 56 ${side}`,
    region: "PALEMBANG",
    segment: "Indralaya–Prabumulih",
    km: 56,
    kmLabel: `KM 56 ${side}`,
    side,
    ...(side === "A"
      ? {
          towardsCity: "Prabumulih",
          directionId: "arah Prabumulih (dari Palembang)",
          directionEn: "towards Prabumulih (from Palembang)",
        }
      : {
          towardsCity: "Palembang",
          directionId: "arah Palembang (dari Prabumulih)",
          directionEn: "towards Palembang (from Prabumulih)",
        }),
    restAreaType: "A",
    place: "Tebedak 2, Payaraman",
    regency: "Ogan Ilir",
    facilitiesId: [...typeA.id, "Lapak UMKM terluas"],
    facilitiesEn: [...typeA.en, "The largest space for local craft stalls"],
    transitDays: 1,
    active: true,
    notesId: "Rest area terdekat dari bengkel perajin di Tanjung Batu. Satu sumber menyebut KM 65.",
    notesEn:
      "The rest area nearest the artisans' workshops in Tanjung Batu. One source gives KM 65.",
  })),
  {
    slug: "km-20-palembang-indralaya",
    name: "Rest Area KM 20 Palindra",
    region: "PALEMBANG",
    segment: "Palembang–Indralaya (Palindra)",
    km: 20,
    kmLabel: "KM 20",
    side: null,
    towardsCity: "Indralaya",
    directionId: "Palembang–Indralaya (musiman)",
    directionEn: "Palembang–Indralaya (seasonal)",
    restAreaType: "C",
    place: "Indralaya",
    regency: "Ogan Ilir",
    facilitiesId: basic.id,
    facilitiesEn: basic.en,
    transitDays: 1,
    active: false,
    notesId: "Rest area sementara (tipe C), dibuka pada musim libur. Aktifkan saat beroperasi.",
    notesEn:
      "Temporary rest area (type C), open in holiday seasons. Activate it while it operates.",
  },
  {
    slug: "sta-71-palembang-betung",
    name: "Rest Area STA 71 Sembawa",
    region: "PALEMBANG",
    segment: "Palembang–Betung",
    km: 71,
    kmLabel: "STA 71",
    side: null,
    towardsCity: "Betung",
    directionId: "Palembang–Betung (sisi jalur belum dipastikan)",
    directionEn: "Palembang–Betung (carriageway side not yet confirmed)",
    restAreaType: "A",
    place: "Sembawa",
    regency: "Banyuasin",
    facilitiesId: ["SPBU", "Masjid", "Kios UMKM"],
    facilitiesEn: ["Fuel station", "Mosque", "Local craft kiosks"],
    transitDays: 1,
    active: true,
    notesId:
      "Rest area permanen yang dibuka sekitar akhir 2025; tanyakan sisi jalurnya lewat WhatsApp.",
    notesEn:
      "Permanent rest area opened around the end of 2025; ask us on WhatsApp which side it is on.",
  },
  ...(["A", "B"] as const).map((side): SeedRestArea => ({
    ...terpeka(215, side, "Tulang Bawang Barat", "LAMPUNG"),
    restAreaType: "A",
    facilitiesId: [...typeA.id, "Banyak tenan UMKM"],
    facilitiesEn: [...typeA.en, "Many local business tenants"],
  })),
  terpeka(163, "A", "Lampung Tengah", "LAMPUNG"),
  terpeka(172, "B", "Lampung Tengah", "LAMPUNG"),
  terpeka(208, "A", "Tulang Bawang Barat", "LAMPUNG"),
  terpeka(234, "A", "Tulang Bawang", "LAMPUNG"),
  terpeka(269, "B", "Mesuji", "LAMPUNG"),
  terpeka(277, "A", "Mesuji", "LAMPUNG"),
  terpeka(306, "B", "Ogan Komering Ilir", "PALEMBANG"),
  terpeka(311, "A", "Ogan Komering Ilir", "PALEMBANG"),
  ...(["A", "B"] as const).map((side) =>
    bakter(87, side, "Fajar Baru, Jati Agung", "Lampung Selatan", "A", {
      id: [...typeA.id, "Food court 3 lantai"],
      en: [...typeA.en, "Three-storey food court"],
    }),
  ),
  ...(["A", "B"] as const).map((side) =>
    bakter(20, side, "Kuripan, Penengahan", "Lampung Selatan", "A", typeA),
  ),
  ...(["A", "B"] as const).map((side) =>
    bakter(33, side, "Agom, Kalianda", "Lampung Selatan", "B", basic),
  ),
  ...(["A", "B"] as const).map((side) =>
    bakter(116, side, "Bumiharjo, Bumi Ratu Nuban", "Lampung Tengah", null, basic),
  ),
  ...(
    [
      ["bengkulu", "Bengkulu", "arah Kota Bengkulu", "towards Bengkulu city"],
      ["taba-penanjung", "Taba Penanjung", "arah Taba Penanjung", "towards Taba Penanjung"],
    ] as const
  ).map(([slug, city, directionId, directionEn]): SeedRestArea => ({
    slug: `bengkulu-taba-penanjung-arah-${slug}`,
    name: `Rest Area Tol Bengkulu ${directionId}`,
    region: "BENGKULU",
    segment: "Bengkulu–Taba Penanjung",
    km: null,
    kmLabel: `Bengkulu–Taba Penanjung, ${directionId}`,
    side: null,
    towardsCity: city,
    directionId,
    directionEn,
    restAreaType: null,
    place: "Bengkulu Tengah",
    regency: "Bengkulu Tengah",
    facilitiesId: ["Tenan", "Toilet", "Masjid"],
    facilitiesEn: ["Tenants", "Toilets", "Mosque"],
    transitDays: 2,
    active: true,
    notesId: "Satu rest area di tiap arah; nomor KM belum dipublikasikan.",
    notesEn: "One rest area in each direction; the KM post has not been published.",
  })),
];

/** Texts of the artisans pages, in Indonesian (the default) and English; the i18n namespace "artisans". */
const id = {
  metaTitle: "Perajin kami — Karya Sungging",
  metaDescription:
    "Kenali perajin perak, tembaga dan aluminium dari Tanjung Batu dan Tanjung Atap, Ogan Ilir: kisah mereka dan karya yang bisa Anda pesan, lalu ambil di rest area Tol Trans-Sumatera.",
  heading: "Perajin kami",
  intro:
    "Setiap karya di toko ini ditempa, diukir atau disepuh dengan tangan oleh anggota KUB Karya Usang Sungging. Kenali orang-orang di balik bengkelnya dan karya yang mereka jual.",
  none: "Belum ada perajin yang bisa ditampilkan.",
  metals: {
    SILVER: "perak",
    COPPER: "tembaga",
    ALUMINIUM: "aluminium",
  },
  worksIn: "Perajin {{metals}}",
  since: "Berkarya sejak {{year}}",
  pieces_zero: "Belum ada karya dijual",
  pieces_one: "{{count}} karya dijual",
  pieces_other: "{{count}} karya dijual",
  profile: {
    metaTitle: "{{name}}, perajin {{metals}} — Karya Sungging",
    metaDescription:
      "{{name}} adalah perajin {{metals}} dari {{village}}, {{regency}}. Baca kisahnya dan pesan karyanya untuk diambil di rest area Tol Trans-Sumatera.",
    allArtisans: "Semua perajin",
    storyHeading: "Kisah {{name}}",
    storyNotTranslated: "Kisah ini belum tersedia dalam bahasa Inggris.",
    productsHeading: "Karya {{name}}",
    noProducts: "Saat ini belum ada karya yang dijual. Lihat karya perajin lain di katalog kami.",
    browseCatalogue: "Lihat semua produk",
  },
};

export type Messages = typeof id;

const en: Messages = {
  metaTitle: "Our artisans — Karya Sungging",
  metaDescription:
    "Meet the silver, copper and aluminium smiths of Tanjung Batu and Tanjung Atap, Ogan Ilir: their stories and the pieces you can order and collect at a Trans-Sumatra toll-road rest area.",
  heading: "Our artisans",
  intro:
    "Every piece in this shop is hammered, chased or plated by hand by a member of the KUB Karya Usang Sungging cooperative. Meet the people behind the workshops and the pieces they sell.",
  none: "There are no artisans to show yet.",
  metals: {
    SILVER: "silver",
    COPPER: "copper",
    ALUMINIUM: "aluminium",
  },
  worksIn: "Works in {{metals}}",
  since: "Crafting since {{year}}",
  pieces_zero: "No pieces for sale yet",
  pieces_one: "{{count}} piece for sale",
  pieces_other: "{{count}} pieces for sale",
  profile: {
    metaTitle: "{{name}}, {{metals}} artisan — Karya Sungging",
    metaDescription:
      "{{name}} works {{metals}} in {{village}}, {{regency}}. Read the artisan's story and order handmade pieces to collect at a Trans-Sumatra toll-road rest area.",
    allArtisans: "All artisans",
    storyHeading: "{{name}}'s story",
    storyNotTranslated: "This story is not yet available in English.",
    productsHeading: "Pieces by {{name}}",
    noProducts: "Nothing is for sale right now. Browse the other artisans' work in our catalogue.",
    browseCatalogue: "See all products",
  },
};

export default { id, en };

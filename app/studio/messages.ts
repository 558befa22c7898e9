/** Texts of the studio pages, in Indonesian (the default) and English; the i18n namespace "studio". */
const id = {
  title: "Studio saya",
  nav: {
    label: "Menu studio",
    home: "Beranda",
    listings: "Produk",
    orders: "Pesanan",
    statements: "Laporan",
  },
  home: {
    metaTitle: "Studio saya · Karya Sungging",
    greeting: "Halo, {{name}}",
    village: "Perajin dari {{village}}",
    publicProfile: "Lihat profil publik saya",
    profileHidden:
      "Profil Anda sedang tidak ditampilkan di toko. Hubungi admin koperasi bila ini keliru.",
  },
  prepare: {
    title: "Pesanan yang perlu disiapkan",
    intro:
      "Kemas barang-barang ini sebelum hari kirim, supaya koperasi bisa membawanya ke rest area tepat waktu.",
    empty:
      "Belum ada pesanan yang perlu disiapkan. Begitu pembeli memesan karya Anda, barangnya muncul di sini, dikelompokkan menurut hari kirim dan rest area.",
    toPack_one: "{{count}} barang belum dikemas",
    toPack_other: "{{count}} barang belum dikemas",
    all: "Semua pesanan yang perlu disiapkan",
  },
  sales: {
    title: "Penjualan bulan ini",
    month: "Penjualan {{month}}",
    gross: "Total penjualan",
    piecesSold_one: "{{count}} barang terjual",
    piecesSold_other: "{{count}} barang terjual",
    orders_one: "{{count}} pesanan",
    orders_other: "{{count}} pesanan",
    none: "Belum ada pesanan Anda yang diambil pembeli bulan ini.",
    note: "Dihitung dari pesanan yang sudah diambil pembeli bulan ini (WIB), sebelum potongan koperasi.",
  },
  listings: {
    title: "Produk saya",
    summary: "Jumlah produk menurut status",
    status: {
      PUBLISHED: "Tayang",
      DRAFT: "Draf",
      ARCHIVED: "Diarsipkan",
    },
    lowStock_one: "{{count}} varian stoknya tinggal {{limit}} atau kurang.",
    lowStock_other: "{{count}} varian stoknya tinggal {{limit}} atau kurang.",
    empty:
      "Anda belum punya produk di toko. Admin koperasi dapat membantu memasang produk pertama Anda.",
    variants: "Varian dan stok {{title}}",
    stock: "Stok {{count}}",
    lowStockBadge: "Stok menipis",
    soldOutBadge: "Habis",
    notForSale: "Tidak dijual",
    viewInShop: "Lihat di toko",
  },
};

export type Messages = typeof id;

const en: Messages = {
  title: "My studio",
  nav: {
    label: "Studio menu",
    home: "Home",
    listings: "Products",
    orders: "Orders",
    statements: "Statements",
  },
  home: {
    metaTitle: "My studio · Karya Sungging",
    greeting: "Hello, {{name}}",
    village: "Artisan from {{village}}",
    publicProfile: "See my public profile",
    profileHidden:
      "Your profile is not shown in the shop at the moment. Contact the cooperative's admin if this is a mistake.",
  },
  prepare: {
    title: "Orders to prepare",
    intro:
      "Pack these pieces before their dispatch day, so the cooperative can take them to the rest area in time.",
    empty:
      "No orders to prepare yet. As soon as a buyer orders one of your pieces it appears here, grouped by dispatch day and rest area.",
    toPack_one: "{{count}} piece to pack",
    toPack_other: "{{count}} pieces to pack",
    all: "All orders to prepare",
  },
  sales: {
    title: "This month's sales",
    month: "Sales in {{month}}",
    gross: "Total sales",
    piecesSold_one: "{{count}} piece sold",
    piecesSold_other: "{{count}} pieces sold",
    orders_one: "{{count}} order",
    orders_other: "{{count}} orders",
    none: "None of your orders has been collected by a buyer this month yet.",
    note: "Counted from orders buyers collected this month (WIB), before the cooperative's fee.",
  },
  listings: {
    title: "My products",
    summary: "Products by status",
    status: {
      PUBLISHED: "Published",
      DRAFT: "Draft",
      ARCHIVED: "Archived",
    },
    lowStock_one: "{{count}} variant is down to {{limit}} pieces or fewer.",
    lowStock_other: "{{count}} variants are down to {{limit}} pieces or fewer.",
    empty:
      "You have no products in the shop yet. The cooperative's admin can help you list your first piece.",
    variants: "Variants and stock of {{title}}",
    stock: "Stock {{count}}",
    lowStockBadge: "Low stock",
    soldOutBadge: "Sold out",
    notForSale: "Not for sale",
    viewInShop: "See in the shop",
  },
};

export default { id, en };

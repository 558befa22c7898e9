/** Indonesian, the default language. English (en.ts) must have the same keys. */
const id = {
  meta: {
    title: "Karya Sungging — kerajinan perak & tembaga Ogan Ilir",
    description:
      "Perhiasan perak, tembaga dan peralatan aluminium buatan tangan perajin Tanjung Batu, Ogan Ilir. Pesan daring, ambil di rest area Tol Trans-Sumatera.",
  },
  nav: {
    skipToContent: "Langsung ke isi",
    home: "Beranda",
    products: "Produk",
    artisans: "Perajin",
    pickupPoints: "Titik ambil",
    cart: "Keranjang",
    cartCount_one: "Keranjang {{count}} barang",
    cartCount_other: "Keranjang {{count}} barang",
    search: "Cari",
    searchPlaceholder: "Cari gelang, tepak, nampan…",
    searchLabel: "Cari produk",
    language: "Bahasa",
    switchTo: "English",
    switchToLabel: "Switch to English",
    menu: "Menu",
    signIn: "Masuk",
    workspace: {
      BUYER: "Akun saya",
      ARTISAN: "Studio perajin",
      OPERATOR: "Konsol rest area",
      ADMIN: "Admin koperasi",
    },
  },
  home: {
    accountDeleted:
      "Akun Anda dan data pribadinya sudah dihapus. Terima kasih pernah berbelanja di Karya Sungging.",
    heroTitle: "Perak dan tembaga dari tangan perajin Ogan Ilir",
    heroText:
      "Tiga puluh perajin dari Tanjung Atap dan Tanjung Batu Timur menempa, mengukir dan menyepuh setiap karya. Pesan dari Palembang, Bengkulu atau Lampung, lalu ambil di rest area jalan tol yang Anda lewati.",
    heroCta: "Lihat produk",
    heroImageAlt: "Tepak sirih tembaga berukir motif bunga",
    featured: "Karya pilihan",
    viewAll: "Lihat semua produk",
    byMetal: "Pilih logam",
    metalSilver: "Perak",
    metalCopper: "Tembaga",
    metalAluminium: "Aluminium",
    metalSilverText: "Cincin, gelang, kalung dan anting motif Sumatera Selatan.",
    metalCopperText: "Tepak sirih, nampan, mangkuk dan hiasan dinding.",
    metalAluminiumText: "Rantang, dandang dan kukusan dari Tanjung Atap.",
    howTitle: "Cara belanja",
    howOrder: "Pesan daring dan bayar dengan kartu, atau bayar saat mengambil.",
    howPickup: "Pilih rest area di arah perjalanan Anda, hari dan jam ambil.",
    howCollect: "Tunjukkan kode ambil kepada petugas rest area, paket pun di tangan.",
    regionsTitle: "Ambil di rest area tol",
    noFeatured: "Belum ada karya pilihan. Lihat semua produk kami.",
  },
  region: {
    PALEMBANG: "Palembang & Ogan Ilir",
    LAMPUNG: "Lampung",
    BENGKULU: "Bengkulu",
  },
  product: {
    madeToOrder: "Dibuat sesuai pesanan",
    soldOut: "Stok habis",
    from: "mulai",
    by: "oleh {{name}}",
  },
  footer: {
    about:
      "Kelompok Usaha Bersama perajin logam perak, tembaga dan aluminium dari Tanjung Batu, Ogan Ilir, Sumatera Selatan. Berdiri 2023.",
    contact: "Kontak",
    whatsapp: "WhatsApp",
    email: "E-mail",
    address: "Alamat",
    pickupNote: "Semua pesanan diambil di rest area Jalan Tol Trans-Sumatera.",
    rights: "© {{year}} {{name}}",
  },
  errors: {
    notFoundTitle: "Halaman tidak ditemukan",
    notFoundText: "Halaman yang Anda cari tidak ada atau sudah dipindahkan.",
    forbiddenTitle: "Akses ditolak",
    forbiddenText: "Anda tidak punya izin untuk membuka halaman ini.",
    badRequestTitle: "Permintaan itu tidak bisa dibaca",
    badRequestText:
      "Yang dikirim tidak bisa dibaca (formulir dikirim dengan cara lain, atau alamat atau unggahan yang rusak). Tidak ada yang disimpan. Kembali, lalu kirim lagi dari halamannya.",
    genericTitle: "Maaf, ada yang tidak beres",
    genericText:
      "Terjadi kesalahan di pihak kami. Coba lagi sebentar lagi; kalau masih terjadi, hubungi kami lewat WhatsApp.",
    backHome: "Kembali ke beranda",
    reference: "Kode kejadian: {{id}}",
  },
};

export default id;
export type Messages = typeof id;

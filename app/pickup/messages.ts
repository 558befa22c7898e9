/** Texts of the pickup pages, in Indonesian (the default) and English; the i18n namespace "pickup". */
const id = {
  title: "Titik ambil",
  directory: {
    metaTitle: "Titik ambil di rest area Tol Trans-Sumatera · Karya Sungging",
    metaDescription:
      "Ambil pesanan Karya Sungging di rest area Tol Trans-Sumatera di Palembang & Ogan Ilir, Lampung dan Bengkulu. Lihat KM, sisi jalur, jam buka dan hari ambil paling cepat.",
    intro:
      "Pesanan Anda menunggu di rest area Jalan Tol Trans-Sumatera. Pilih rest area yang Anda lewati, lalu ambil paketnya di loket petugas.",
    regionsNav: "Wilayah",
    sidesTitle: "Jalur A atau Jalur B?",
    sidesText:
      "Setiap rest area hanya ada di satu sisi jalan tol. Jalur A dan Jalur B melayani arah yang berlawanan, dan Anda tidak bisa menyeberang ke sisi seberang. Pilihlah rest area di sisi arah perjalanan Anda.",
    towards: "Arah {{city}}",
    earliestNote:
      "Hari paling cepat diambil berlaku untuk barang siap kirim yang dipesan sekarang.",
    noRestAreas: "Belum ada rest area yang melayani pengambilan di wilayah ini.",
    yours: "Rest area Anda:",
  },
  restArea: {
    yours: "Rest area Anda",
    sideAndDirection: "Jalur {{side}} · {{direction}}",
    segment: "Ruas {{segment}}",
    place: "{{place}}, {{regency}}",
    hoursLabel: "Jam buka",
    hours: "{{days}}, {{opens}}–{{closes}} WIB",
    everyDay: "Setiap hari",
    facilitiesLabel: "Fasilitas",
    earliestLabel: "Paling cepat diambil",
    noPickupDays: "Saat ini tidak ada hari ambil.",
  },
  detail: {
    metaTitle: "{{name}}, {{direction}} · Karya Sungging",
    metaDescription:
      "Ambil pesanan Karya Sungging di {{name}} (ruas {{segment}}, {{direction}}): jam ambil, lama paket menunggu dan hari ambil paling cepat.",
    back: "Semua titik ambil",
    choose: "Pilih sebagai rest area saya",
    chosen:
      "Ini rest area Anda. Di halaman produk kami tunjukkan kapan pesanan bisa diambil di sini.",
    nextDaysTitle: "Hari ambil paling cepat",
    nextDaysNote:
      "Untuk barang siap kirim. Pesanan yang masuk sebelum pukul {{cutoff}} WIB kami kerjakan hari itu juga; barang yang dibuat sesuai pesanan butuh beberapa hari lagi.",
    windowsTitle: "Jam ambil",
    windowsNote: "Saat memesan, Anda memilih hari dan salah satu jam ambil ini.",
    window: "{{start}}–{{end}} WIB",
    noWindows: "Jam ambil belum ditetapkan. Tanyakan kepada kami lewat WhatsApp.",
    holdDays_one:
      "Paket menunggu {{count}} hari di loket. Setelah itu paket dikembalikan ke koperasi.",
    holdDays_other:
      "Paket menunggu {{count}} hari di loket. Setelah itu paket dikembalikan ke koperasi.",
    locationTitle: "Lokasi",
    openInMaps: "Buka di Google Maps",
    approximate: "Titik di peta hanya perkiraan.",
    facilitiesTitle: "Fasilitas",
    notesTitle: "Catatan",
  },
};

export type Messages = typeof id;

const en: Messages = {
  title: "Pickup points",
  directory: {
    metaTitle: "Pickup points at Trans-Sumatra toll-road rest areas · Karya Sungging",
    metaDescription:
      "Collect your Karya Sungging order at a Trans-Sumatra toll-road rest area in Palembang & Ogan Ilir, Lampung or Bengkulu. See the KM post, carriageway side, opening hours and the earliest pickup days.",
    intro:
      "Your order waits for you at a rest area on the Trans-Sumatra toll road. Choose one you drive past and collect the parcel at the operator's counter.",
    regionsNav: "Regions",
    sidesTitle: "Side A or side B?",
    sidesText:
      "Each rest area sits on one side of the toll road. Side A and side B serve opposite directions, and you cannot cross over to the other side. Choose a rest area on the side of your direction of travel.",
    towards: "Towards {{city}}",
    earliestNote: "The earliest pickup days are for ready stock ordered now.",
    noRestAreas: "No rest area in this region takes pickups yet.",
    yours: "Your rest area:",
  },
  restArea: {
    yours: "Your rest area",
    sideAndDirection: "Side {{side}} · {{direction}}",
    segment: "{{segment}} section",
    place: "{{place}}, {{regency}}",
    hoursLabel: "Opening hours",
    hours: "{{days}}, {{opens}}–{{closes}} WIB",
    everyDay: "Every day",
    facilitiesLabel: "Facilities",
    earliestLabel: "Earliest pickup",
    noPickupDays: "No pickup days at the moment.",
  },
  detail: {
    metaTitle: "{{name}}, {{direction}} · Karya Sungging",
    metaDescription:
      "Collect your Karya Sungging order at {{name}} ({{segment}} section, {{direction}}): pickup times, how long parcels wait and the earliest pickup days.",
    back: "All pickup points",
    choose: "Make this my rest area",
    chosen: "This is your rest area. Product pages show when an order could be collected here.",
    nextDaysTitle: "Earliest pickup days",
    nextDaysNote:
      "For ready stock. Orders placed before {{cutoff}} WIB are started the same day; pieces made to order take a few days more.",
    windowsTitle: "Pickup times",
    windowsNote: "When you order, you choose a day and one of these pickup times.",
    window: "{{start}}–{{end}} WIB",
    noWindows: "Pickup times have not been set yet. Ask us on WhatsApp.",
    holdDays_one:
      "Parcels wait {{count}} day at the counter. After that they go back to the cooperative.",
    holdDays_other:
      "Parcels wait {{count}} days at the counter. After that they go back to the cooperative.",
    locationTitle: "Location",
    openInMaps: "Open in Google Maps",
    approximate: "The map pin is approximate.",
    facilitiesTitle: "Facilities",
    notesTitle: "Notes",
  },
};

export default { id, en };

/** Texts of the operator pages, in Indonesian (the default) and English; the i18n namespace "operator". */
const id = {
  title: "Loket rest area",
  home: {
    metaTitle: "Loket rest area · Karya Sungging",
    greeting: "Halo, {{name}}",
    now: "{{date}}, pukul {{time}}",
    noRestAreasTitle: "Anda belum ditugaskan ke rest area",
    noRestAreasText:
      "Akun Anda belum terhubung dengan rest area mana pun, jadi belum ada paket yang bisa Anda terima atau serahkan. Hubungi admin koperasi agar rest area Anda ditambahkan.",
    contactAdmin: "Hubungi admin lewat WhatsApp",
  },
  restArea: {
    openNow: "Buka sekarang",
    closedNow: "Tutup sekarang",
    hoursLabel: "Jam loket",
    holdDays_one: "Paket menunggu {{count}} hari di loket.",
    holdDays_other: "Paket menunggu {{count}} hari di loket.",
    inactive:
      "Rest area ini sedang tidak menerima pesanan baru. Paket yang sudah ada tetap diserahkan seperti biasa.",
  },
  windows: {
    title: "Jam ambil hari ini",
    window: "{{start}}–{{end}} WIB",
    booked: "{{booked}} dari {{capacity}} paket dipesan",
    current: "Sedang berlangsung",
    closedToday: "Hari ini loket tidak melayani penyerahan.",
    none: "Belum ada jam ambil. Minta admin koperasi menetapkannya.",
  },
  parcels: {
    title: "Paket hari ini",
    readyToday: "Menunggu diserahkan hari ini",
    arriving: "Dalam perjalanan ke sini",
    pastHold: "Lewat masa tunggu",
    readyOtherDays: "Menunggu, hari ambil lain",
    pastHoldNote:
      "Paket yang lewat masa tunggu dicatat tidak diambil, lalu dikembalikan ke koperasi.",
    none: "Belum ada paket untuk rest area ini. Paket yang dikirim koperasi akan muncul di sini begitu berangkat.",
  },
};

export type Messages = typeof id;

const en: Messages = {
  title: "Rest-area counter",
  home: {
    metaTitle: "Rest-area counter · Karya Sungging",
    greeting: "Hello, {{name}}",
    now: "{{date}}, {{time}}",
    noRestAreasTitle: "You have not been assigned a rest area",
    noRestAreasText:
      "Your account is not linked to any rest area yet, so there are no parcels for you to check in or hand over. Contact the cooperative's admin to have your rest area added.",
    contactAdmin: "Contact the admin on WhatsApp",
  },
  restArea: {
    openNow: "Open now",
    closedNow: "Closed now",
    hoursLabel: "Counter hours",
    holdDays_one: "Parcels wait {{count}} day at the counter.",
    holdDays_other: "Parcels wait {{count}} days at the counter.",
    inactive:
      "This rest area takes no new orders at the moment. Parcels already here are handed over as usual.",
  },
  windows: {
    title: "Today's pickup times",
    window: "{{start}}–{{end}} WIB",
    booked: "{{booked}} of {{capacity}} parcels booked",
    current: "Now",
    closedToday: "The counter hands over no parcels today.",
    none: "No pickup times yet. Ask the cooperative's admin to set them.",
  },
  parcels: {
    title: "Today's parcels",
    readyToday: "Waiting for handover today",
    arriving: "On the way here",
    pastHold: "Past the hold period",
    readyOtherDays: "Waiting, other pickup days",
    pastHoldNote:
      "Parcels past the hold period are marked uncollected and go back to the cooperative.",
    none: "No parcels for this rest area yet. Parcels the cooperative sends appear here as soon as they leave.",
  },
};

export default { id, en };

/** Texts of the checkout page, in Indonesian (the default) and English; the i18n namespace "checkout". */
const id = {
  metaTitle: "Pesan dan ambil · Karya Sungging",
  title: "Pesan dan ambil",
  intro:
    "Pilih rest area tempat Anda mengambil pesanan, hari dan jamnya, lalu data kontak dan cara bayar.",
  emptyCart: "Keranjang Anda kosong, jadi belum ada yang bisa dipesan.",
  browse: "Lihat karya kami",
  backToCart: "Ubah keranjang",
  cartProblems:
    "Beberapa barang di keranjang tidak bisa dipesan seperti sekarang. Perbaiki dulu keranjang Anda.",
  place: {
    heading: "1. Ambil di mana?",
    help: "Rest area hanya ada di satu sisi jalan tol. Pilih yang ada di arah perjalanan Anda.",
    towards: "Arah {{city}}",
    option: "{{name}} · {{side}}",
    show: "Tampilkan hari ambil",
    choose: "Pilih rest area",
    change: "Ganti rest area",
    noRestArea: "Rest area ini tidak melayani pengambilan saat ini. Pilih yang lain.",
  },
  when: {
    heading: "2. Kapan diambil?",
    earliestReady: "Paling cepat {{day}}: perjalanan ke rest area ini {{transit}} hari.",
    earliestMade:
      "Paling cepat {{day}}: {{title}} dibuat dulu selama {{lead}} hari, lalu perjalanan ke rest area ini {{transit}} hari.",
    legend: "Hari dan jam ambil",
    placeholder: "Pilih hari dan jam…",
    closed: "Loket tutup hari ini",
    full: "Semua jam ambil sudah penuh",
    left_one: "sisa {{count}} tempat",
    left_other: "sisa {{count}} tempat",
    noDays: "Tidak ada hari ambil dalam dua minggu ke depan. Pilih rest area lain.",
  },
  contact: {
    heading: "3. Data kontak",
    why: "Kami memakai nomor WhatsApp untuk mengirim kode ambil dan kabar pesanan, dan nama Anda agar petugas bisa menyerahkan paket kepada orang yang benar.",
    name: "Nama",
    phone: "Nomor WhatsApp",
    phoneHint: "Contoh: 0812 3456 7890 atau +62 812-3456-7890",
    email: "E-mail (tidak wajib)",
    emailHint: "Jika diisi, kabar pesanan juga dikirim ke e-mail.",
  },
  payment: {
    heading: "4. Cara bayar",
    atPickup: "Bayar saat mengambil",
    atPickupHint: "Tunai atau QRIS di loket rest area saat paket diserahkan.",
    card: "Kartu debit atau kredit",
    cardHint:
      "Lewat Stripe. Selesaikan pembayaran dalam {{minutes}} menit, jika tidak pesanan dilepas.",
  },
  summary: {
    heading: "Ringkasan",
    quantity: "{{count}} ×",
    total: "Total",
    terms:
      "Anda bisa membatalkan pesanan tanpa biaya selama paket belum dikirim ke rest area; pembayaran kartu dikembalikan penuh. Paket menunggu di loket sesuai masa tunggu rest area, setelah itu dikembalikan ke koperasi.",
    submit: "Pesan sekarang",
    submitting: "Memesan…",
  },
  errors: {
    name: "Tulis nama Anda (2–100 huruf).",
    phone: "Nomor WhatsApp ini tidak valid. Tulis seperti 0812 3456 7890 atau +62 812-3456-7890.",
    email: "Alamat e-mail ini tidak valid, misalnya nama@contoh.com.",
    slot: "Pilih hari dan jam ambil.",
    paymentMethod: "Pilih cara bayar.",
    restArea: "Pilih rest area tempat Anda mengambil pesanan.",
    stale: "Halaman ini sudah lama terbuka. Muat ulang lalu pesan lagi.",
    emptyCart: "Keranjang Anda kosong. Mungkin pesanan ini sudah dibuat?",
    unavailable:
      "Barang ini tidak dijual lagi dan sudah kami keluarkan dari keranjang: {{titles}}.",
    shortStock: "Stok berubah saat Anda memesan. Keranjang sudah kami sesuaikan:",
    shortLine_one: "{{title}}: tinggal {{count}}",
    shortLine_other: "{{title}}: tinggal {{count}}",
    soldOut: "{{title}}: habis",
    restAreaUnavailable: "Rest area ini tidak melayani pengambilan saat ini. Pilih yang lain.",
    dayUnavailable: "Hari itu tidak bisa dipilih lagi. Pilih hari ambil lain.",
    windowFull: "Jam ambil itu baru saja penuh. Pilih jam atau hari lain.",
    cardUnavailable: "Pembayaran kartu tidak tersedia saat ini. Pilih bayar saat mengambil.",
  },
};

export type Messages = typeof id;

const en: Messages = {
  metaTitle: "Order and collect · Karya Sungging",
  title: "Order and collect",
  intro:
    "Choose the rest area where you collect your order, the day and time, then your contact details and how to pay.",
  emptyCart: "Your cart is empty, so there is nothing to order yet.",
  browse: "See our work",
  backToCart: "Change the cart",
  cartProblems:
    "Some pieces in your cart cannot be ordered as they are. Please fix your cart first.",
  place: {
    heading: "1. Where do you collect?",
    help: "Each rest area sits on one side of the toll road. Choose one on the side of your direction of travel.",
    towards: "Towards {{city}}",
    option: "{{name}} · {{side}}",
    show: "Show pickup days",
    choose: "Choose a rest area",
    change: "Choose another rest area",
    noRestArea: "This rest area takes no pickups at the moment. Please choose another.",
  },
  when: {
    heading: "2. When do you collect?",
    earliestReady: "Earliest {{day}}: the parcel takes {{transit}} day(s) to reach this rest area.",
    earliestMade:
      "Earliest {{day}}: {{title}} is made in {{lead}} days, then takes {{transit}} day(s) to reach this rest area.",
    legend: "Pickup day and time",
    placeholder: "Choose a day and time…",
    closed: "The counter is closed on this day",
    full: "Every pickup time is fully booked",
    left_one: "{{count}} place left",
    left_other: "{{count}} places left",
    noDays: "No pickup days in the next two weeks. Please choose another rest area.",
  },
  contact: {
    heading: "3. Your contact details",
    why: "We use your WhatsApp number to send the pickup code and news about the order, and your name so the operator hands the parcel to the right person.",
    name: "Name",
    phone: "WhatsApp number",
    phoneHint: "For example 0812 3456 7890 or +62 812-3456-7890",
    email: "E-mail (optional)",
    emailHint: "If given, order news also goes to this address.",
  },
  payment: {
    heading: "4. How to pay",
    atPickup: "Pay at pickup",
    atPickupHint: "Cash or QRIS at the rest-area counter when the parcel is handed over.",
    card: "Debit or credit card",
    cardHint:
      "Through Stripe. Complete the payment within {{minutes}} minutes or the order is released.",
  },
  summary: {
    heading: "Summary",
    quantity: "{{count}} ×",
    total: "Total",
    terms:
      "You can cancel free of charge until the parcel is dispatched to the rest area; card payments are refunded in full. Parcels wait at the counter for the rest area's hold days, then go back to the cooperative.",
    submit: "Place order",
    submitting: "Placing the order…",
  },
  errors: {
    name: "Please write your name (2–100 letters).",
    phone: "This WhatsApp number is not valid. Write it like 0812 3456 7890 or +62 812-3456-7890.",
    email: "This e-mail address is not valid, for example name@example.com.",
    slot: "Please choose a pickup day and time.",
    paymentMethod: "Please choose how to pay.",
    restArea: "Please choose the rest area where you collect your order.",
    stale: "This page has been open a long time. Reload it and order again.",
    emptyCart: "Your cart is empty. Perhaps this order was already placed?",
    unavailable: "No longer for sale, so we took it out of your cart: {{titles}}.",
    shortStock: "The stock changed while you were ordering. We have updated your cart:",
    shortLine_one: "{{title}}: {{count}} left",
    shortLine_other: "{{title}}: {{count}} left",
    soldOut: "{{title}}: sold out",
    restAreaUnavailable: "This rest area takes no pickups at the moment. Please choose another.",
    dayUnavailable: "That day can no longer be chosen. Please choose another pickup day.",
    windowFull: "That pickup time has just filled up. Please choose another time or day.",
    cardUnavailable: "Card payment is not available right now. Please choose pay at pickup.",
  },
};

export default { id, en };

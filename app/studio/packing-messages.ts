/** Texts of the studio's orders to prepare and packing slips, in Indonesian (the default) and English; the i18n namespace "packing". */
const id = {
  title: "Pesanan untuk disiapkan",
  list: {
    metaTitle: "Pesanan untuk disiapkan · Studio · Karya Sungging",
    intro:
      "Kemas barang Anda untuk setiap pesanan, tempel slipnya, lalu tandai sudah dikemas. Koperasi membawa paketnya ke rest area; kirim paling lambat pada hari yang tertulis.",
    empty:
      "Tidak ada barang yang perlu dikemas sekarang. Pesanan baru muncul di sini begitu pembeli membayar atau memilih bayar saat diambil.",
    groupsLabel: "Pesanan menurut hari kirim dan rest area",
    orders_one: "{{count}} pesanan",
    orders_other: "{{count}} pesanan",
    toPack_one: "{{count}} barang belum dikemas",
    toPack_other: "{{count}} barang belum dikemas",
    open: "Buka pesanan",
  },
  when: {
    dispatchBy: "Kirim paling lambat {{day}}",
    late: "Terlambat",
    today: "Hari ini",
    pickup: "Diambil pembeli {{day}}",
  },
  order: {
    metaTitle: "Pesanan {{number}} · Studio · Karya Sungging",
    heading: "Pesanan {{number}}",
    back: "Semua pesanan untuk disiapkan",
    details: "Rincian pesanan",
    status: "Status",
    buyer: "Pembeli",
    payment: "Pembayaran",
    restArea: "Rest area",
    pickupDay: "Hari ambil",
    dispatchDay: "Kirim paling lambat",
    itemsHeading: "Barang Anda di pesanan ini",
    sharedWithOthers:
      "Pesanan ini juga berisi karya perajin lain. Kemas barang Anda sendiri dan tempel slipnya; koperasi menyatukan paketnya.",
    inConsignment:
      "Pesanan ini sudah masuk daftar kirim koperasi. Untuk mengubah tanda kemas, hubungi admin koperasi.",
    notPreparing:
      "Pesanan ini tidak sedang disiapkan ({{status}}), jadi barangnya tidak perlu dikemas.",
    notPaidYet:
      "Pembeli belum membayar. Jangan kemas dulu; pesanan muncul di daftar setelah dibayar.",
    allPacked: "Semua barang Anda di pesanan ini sudah dikemas.",
  },
  payment: {
    paid: "Sudah dibayar",
    atPickup: "Dibayar saat diambil",
    unpaid: "Belum dibayar",
  },
  item: {
    quantity_one: "{{count}} buah",
    quantity_other: "{{count}} buah",
    sku: "SKU {{sku}}",
    packed: "Sudah dikemas",
    packedAt: "Dikemas {{when}}",
    toPack: "Belum dikemas",
    madeToOrder: "Dibuat sesuai pesanan",
  },
  actions: {
    pack: "Sudah dikemas",
    packAll: "Semua barang saya sudah dikemas",
    packing: "Menyimpan…",
    unpack: "Batalkan tanda kemas",
    unpackAll: "Batalkan semua tanda kemas",
    unpacking: "Membatalkan…",
    slip: "Slip kemas",
  },
  done: {
    packed: "Pesanan {{number}}: barang ditandai sudah dikemas.",
    unpacked: "Pesanan {{number}}: tanda kemas dibatalkan.",
  },
  problems: {
    badRequest: "Permintaan ini tidak dapat diproses. Muat ulang halaman lalu coba lagi.",
    notPaid: "Pesanan ini belum dibayar. Jangan kemas dulu; tunggu sampai muncul di daftar.",
    cancelled: "Pesanan ini sudah dibatalkan. Jangan kirim barangnya; tidak ada yang diubah.",
    expired:
      "Pesanan ini kedaluwarsa karena tidak dibayar. Jangan kirim barangnya; tidak ada yang diubah.",
    dispatched: "Pesanan ini sudah dikirim koperasi, jadi tanda kemasnya tidak bisa diubah lagi.",
    inConsignment:
      "Pesanan ini sudah masuk daftar kirim koperasi. Hubungi admin koperasi untuk mengubahnya.",
  },
  recent: {
    heading: "Baru dikemas",
    intro:
      "Pesanan yang semua barang Anda sudah dikemas dalam {{days}} hari terakhir dan belum dikirim. Salah tandai? Batalkan di sini.",
    empty: "Belum ada pesanan yang dikemas dalam {{days}} hari terakhir.",
    packedAt: "Terakhir dikemas {{when}}",
  },
  slip: {
    metaTitle: "Slip kemas {{number}} · Karya Sungging",
    label: "Slip kemas",
    number: "Nomor pesanan",
    for: "Untuk",
    from: "Dari perajin",
    restArea: "Rest area",
    pickupDay: "Diambil",
    dispatchDay: "Kirim paling lambat",
    items: "Isi paket",
    quantity: "Jumlah",
    item: "Barang",
    sku: "SKU",
    pieces_one: "{{count}} barang",
    pieces_other: "{{count}} barang",
    partOfOrder:
      "Sebagian dari pesanan ini: satukan dengan paket perajin lain bernomor pesanan yang sama.",
    voided: "JANGAN DIKIRIM: pesanan ini sudah tidak berlaku ({{status}}).",
    print: "Cetak",
    printHint: "Cetak dari menu peramban (Bagikan › Cetak, atau Ctrl+P). Ukuran A6 atau A4.",
    back: "Kembali ke pesanan",
    cooperative: "Karya Sungging · Koperasi perajin logam Tanjung Batu",
  },
};

export type Messages = typeof id;

const en: Messages = {
  title: "Orders to prepare",
  list: {
    metaTitle: "Orders to prepare · Studio · Karya Sungging",
    intro:
      "Pack your pieces for each order, tape on the slip, then mark them packed. The cooperative takes the parcels to the rest area; send them by the day shown.",
    empty:
      "Nothing to pack right now. New orders appear here as soon as the buyer pays or chooses to pay at pickup.",
    groupsLabel: "Orders by dispatch day and rest area",
    orders_one: "{{count}} order",
    orders_other: "{{count}} orders",
    toPack_one: "{{count}} piece to pack",
    toPack_other: "{{count}} pieces to pack",
    open: "Open order",
  },
  when: {
    dispatchBy: "Send by {{day}}",
    late: "Late",
    today: "Today",
    pickup: "Collected by the buyer {{day}}",
  },
  order: {
    metaTitle: "Order {{number}} · Studio · Karya Sungging",
    heading: "Order {{number}}",
    back: "All orders to prepare",
    details: "Order details",
    status: "Status",
    buyer: "Buyer",
    payment: "Payment",
    restArea: "Rest area",
    pickupDay: "Pickup day",
    dispatchDay: "Send by",
    itemsHeading: "Your pieces in this order",
    sharedWithOthers:
      "This order also holds other artisans' pieces. Pack your own and tape on the slip; the cooperative puts the parcel together.",
    inConsignment:
      "This order is already on the cooperative's dispatch list. To change its packing, contact the cooperative's admin.",
    notPreparing: "This order is not being prepared ({{status}}), so there is nothing to pack.",
    notPaidYet:
      "The buyer has not paid yet. Do not pack yet; the order appears in the list once it is paid.",
    allPacked: "All your pieces in this order are packed.",
  },
  payment: {
    paid: "Paid",
    atPickup: "Paid at pickup",
    unpaid: "Not paid yet",
  },
  item: {
    quantity_one: "{{count}} piece",
    quantity_other: "{{count}} pieces",
    sku: "SKU {{sku}}",
    packed: "Packed",
    packedAt: "Packed {{when}}",
    toPack: "To pack",
    madeToOrder: "Made to order",
  },
  actions: {
    pack: "Packed",
    packAll: "All my pieces are packed",
    packing: "Saving…",
    unpack: "Undo packed",
    unpackAll: "Undo packed for all",
    unpacking: "Undoing…",
    slip: "Packing slip",
  },
  done: {
    packed: "Order {{number}}: marked packed.",
    unpacked: "Order {{number}}: packing undone.",
  },
  problems: {
    badRequest: "This request could not be processed. Reload the page and try again.",
    notPaid: "This order has not been paid. Do not pack it yet; wait until it appears in the list.",
    cancelled: "This order was cancelled. Do not send the pieces; nothing was changed.",
    expired: "This order expired unpaid. Do not send the pieces; nothing was changed.",
    dispatched: "The cooperative has already sent this order, so its packing cannot change now.",
    inConsignment:
      "This order is already on the cooperative's dispatch list. Contact the cooperative's admin to change it.",
  },
  recent: {
    heading: "Recently packed",
    intro:
      "Orders whose pieces you all packed in the last {{days}} days and that have not left yet. Marked one by mistake? Undo it here.",
    empty: "No orders packed in the last {{days}} days.",
    packedAt: "Last packed {{when}}",
  },
  slip: {
    metaTitle: "Packing slip {{number}} · Karya Sungging",
    label: "Packing slip",
    number: "Order number",
    for: "For",
    from: "From artisan",
    restArea: "Rest area",
    pickupDay: "Collected",
    dispatchDay: "Send by",
    items: "In this parcel",
    quantity: "Qty",
    item: "Piece",
    sku: "SKU",
    pieces_one: "{{count}} piece",
    pieces_other: "{{count}} pieces",
    partOfOrder:
      "Part of this order: put it together with the other artisans' parcels of the same order number.",
    voided: "DO NOT SEND: this order is no longer valid ({{status}}).",
    print: "Print",
    printHint: "Print from the browser's menu (Share › Print, or Ctrl+P). A6 or A4.",
    back: "Back to the order",
    cooperative: "Karya Sungging · Tanjung Batu metalcraft cooperative",
  },
};

export default { id, en };

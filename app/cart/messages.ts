/** Texts of the cart pages, in Indonesian (the default) and English; the i18n namespace "cart". */
const id = {
  title: "Keranjang",
  metaTitle: "Keranjang belanja — Karya Sungging",
  empty: {
    title: "Keranjang Anda masih kosong",
    text: "Pilih perhiasan perak, tepak tembaga atau peralatan aluminium buatan perajin Ogan Ilir.",
    browse: "Lihat produk",
  },
  line: {
    unitPrice: "Harga satuan",
    quantity: "Jumlah",
    update: "Perbarui",
    updating: "Memperbarui…",
    remove: "Hapus",
    removing: "Menghapus…",
    lineTotal: "Total",
  },
  warning: {
    unavailable: "Produk ini sedang tidak dijual, jadi tidak ikut dihitung. Silakan hapus.",
    soldOut: "Stok habis, jadi tidak ikut dihitung. Silakan hapus.",
    exceedsStock: "Stok tinggal {{count}}. Kurangi jumlahnya sebelum memesan.",
  },
  summary: {
    heading: "Ringkasan",
    subtotal: "Subtotal",
    pieces_one: "{{count}} barang",
    pieces_other: "{{count}} barang",
    pricesNote: "Harga mengikuti harga terbaru dari perajin.",
    checkout: "Lanjut pesan",
    checkoutNext: "Berikutnya Anda memilih rest area, hari ambil dan cara bayar.",
  },
  add: {
    quantity: "Jumlah",
    submit: "Tambah ke keranjang",
    submitting: "Menambahkan…",
    added: "Ditambahkan ke keranjang",
    viewCart: "Lihat keranjang",
    soldOut: "Stok habis",
  },
  errors: {
    invalidQuantity: "Jumlah harus bilangan bulat dari 1 sampai 99.",
    variantNotFound: "Pilihan produk ini tidak ditemukan atau sudah tidak dijual.",
    productUnavailable: "{{title}} sedang tidak dijual.",
    soldOut: "Stok {{title}} sudah habis.",
    insufficientStock: "Stok {{title}} tinggal {{count}}.",
    insufficientStockInCart:
      "Stok {{title}} tinggal {{count}}, dan {{inCart}} sudah ada di keranjang Anda.",
    quantityLimit:
      "Paling banyak {{limit}} per barang, dan {{inCart}} sudah ada di keranjang Anda.",
    lineNotFound: "Barang ini sudah tidak ada di keranjang Anda. Muat ulang halaman ini.",
    badRequest: "Permintaan ini tidak bisa diproses. Muat ulang halaman lalu coba lagi.",
  },
};

export type Messages = typeof id;

const en: Messages = {
  title: "Cart",
  metaTitle: "Shopping cart — Karya Sungging",
  empty: {
    title: "Your cart is empty",
    text: "Choose silver jewellery, copper betel boxes or aluminium cookware made by the artisans of Ogan Ilir.",
    browse: "Browse products",
  },
  line: {
    unitPrice: "Unit price",
    quantity: "Quantity",
    update: "Update",
    updating: "Updating…",
    remove: "Remove",
    removing: "Removing…",
    lineTotal: "Total",
  },
  warning: {
    unavailable: "This product is no longer for sale, so it is not counted. Please remove it.",
    soldOut: "Sold out, so it is not counted. Please remove it.",
    exceedsStock: "Only {{count}} left. Lower the quantity before you order.",
  },
  summary: {
    heading: "Summary",
    subtotal: "Subtotal",
    pieces_one: "{{count}} item",
    pieces_other: "{{count}} items",
    pricesNote: "Prices follow the artisans' latest prices.",
    checkout: "Continue to order",
    checkoutNext: "Next you choose the rest area, the pickup day and how to pay.",
  },
  add: {
    quantity: "Quantity",
    submit: "Add to cart",
    submitting: "Adding…",
    added: "Added to cart",
    viewCart: "View cart",
    soldOut: "Sold out",
  },
  errors: {
    invalidQuantity: "The quantity must be a whole number from 1 to 99.",
    variantNotFound: "This option was not found or is no longer for sale.",
    productUnavailable: "{{title}} is not for sale at the moment.",
    soldOut: "{{title}} is sold out.",
    insufficientStock: "Only {{count}} of {{title}} left.",
    insufficientStockInCart:
      "Only {{count}} of {{title}} left, and {{inCart}} are already in your cart.",
    quantityLimit: "At most {{limit}} of one item, and {{inCart}} are already in your cart.",
    lineNotFound: "This item is no longer in your cart. Please reload the page.",
    badRequest: "This request could not be processed. Reload the page and try again.",
  },
};

export default { id, en };

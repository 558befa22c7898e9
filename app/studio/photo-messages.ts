/**
 * Texts of the studio's photo page (upload, order, cover, alt text), in Indonesian (the default)
 * and English; the i18n namespace "photos". The limits the texts quote live here too, so the
 * server and the drop zone in the browser keep the same ones.
 */
import uploadMessages from "~/images/upload-messages";

/** Photos one product can have: enough to show every side, the motif up close and the stamp. */
export const MAX_PHOTOS_PER_PRODUCT = 12;
/** Photos sent in one go without JavaScript: 8 phone photos are up to 120 MB on a slow line. */
export const MAX_FILES_PER_UPLOAD = 8;
/** Longest alt text: a sentence or two, which is what a screen reader should read out. */
export const ALT_MAX_LENGTH = 200;
/** The name of the upload form's file field, read by the server and drawn by the page. */
export const PHOTO_FIELD = "photos";

const id = {
  metaTitle: "Foto {{title}} · Studio",
  title: "Foto produk",
  backToProduct: "Kembali ke produk",
  intro:
    "Foto pertama adalah foto sampul: foto itulah yang dilihat pembeli di daftar produk. Atur urutannya dengan tombol Naik dan Turun.",
  count: "{{count}} dari {{max}} foto",
  publishedNeedsPhoto:
    "Produk ini sedang tayang, jadi harus selalu punya paling sedikit satu foto.",
  empty: "Belum ada foto. Produk perlu paling sedikit satu foto sebelum bisa tayang di toko.",
  listLabel: "Foto produk, urut dari foto sampul",
  cover: "Foto sampul",
  photoNumber: "Foto {{position}}",
  alt: {
    legend: "Keterangan foto {{position}}",
    id: "Keterangan (Bahasa Indonesia)",
    en: "Keterangan dalam bahasa Inggris (boleh kosong)",
    hint: "Tulis apa yang terlihat, misalnya “Mangkuk tembaga ukir, tampak samping”. Keterangan ini dibacakan untuk pembeli tunanetra.",
    save: "Simpan keterangan",
    saving: "Menyimpan…",
  },
  move: {
    up: "Naik",
    down: "Turun",
    upLabel: "Naikkan foto {{position}}",
    downLabel: "Turunkan foto {{position}}",
    cover: "Jadikan sampul",
    coverLabel: "Jadikan foto {{position}} foto sampul",
  },
  remove: {
    button: "Hapus",
    buttonLabel: "Hapus foto {{position}}",
    heading: "Hapus foto {{position}}?",
    text: "Foto ini dihapus dari toko dan tidak bisa dikembalikan.",
    confirm: "Ya, hapus foto",
    deleting: "Menghapus…",
    cancel: "Batal",
  },
  add: {
    title: "Tambah foto",
    full: "Produk ini sudah punya {{max}} foto, jumlah paling banyak. Hapus foto lain dulu untuk menambah foto baru.",
    files: "Pilih foto",
    filesHint: "Boleh beberapa foto sekaligus, paling banyak {{count}} sekali unggah.",
    altId: "Keterangan foto (Bahasa Indonesia)",
    altIdHint:
      "Satu keterangan untuk semua foto yang dipilih; foto berikutnya diberi nomor (“…, foto 2”). Keterangan tiap foto bisa diubah sesudahnya.",
    altEn: "Keterangan dalam bahasa Inggris (boleh kosong)",
    submit: "Unggah foto",
    submitting: "Mengunggah… mohon tunggu",
  },
  /** The alt text of the 2nd, 3rd… photo of one upload without JavaScript, in each language. */
  numberedAlt: "{{alt}}, foto {{number}}",
  drop: {
    zone: "Ketuk untuk memilih foto",
    zoneDrag: "atau seret foto ke sini",
    dropping: "Lepaskan foto di sini",
    chosen: "Foto yang dipilih",
    preview: "Pratinjau {{name}}",
    altId: "Keterangan {{name}} (Bahasa Indonesia)",
    altEn: "Keterangan {{name}} dalam bahasa Inggris (boleh kosong)",
    unchoose: "Batal pilih",
    unchooseLabel: "Batal pilih {{name}}",
    upload_one: "Unggah {{count}} foto",
    upload_other: "Unggah {{count}} foto",
    progress: "Mengunggah {{name}}",
    processing: "Memproses {{name}}…",
    waiting: "Menunggu giliran",
    uploaded_one: "{{count}} foto berhasil ditambahkan.",
    uploaded_other: "{{count}} foto berhasil ditambahkan.",
    refusedSome: "Sebagian foto belum terunggah. Lihat pesan di bawah fotonya.",
    tooManyChosen:
      "Produk ini hanya bisa menerima {{remaining}} foto lagi. Foto selebihnya tidak dipilih.",
  },
  errors: {
    altRequired: "Tulis keterangan foto dalam Bahasa Indonesia.",
    altTooLong: `Keterangan paling panjang ${ALT_MAX_LENGTH} huruf.`,
    filesRequired: "Pilih paling sedikit satu foto.",
    tooManyFiles:
      "Paling banyak {{max}} foto sekali unggah; Anda memilih {{count}}. Unggah sisanya sesudah ini.",
    productFull:
      "Produk ini sudah punya {{count}} foto dari paling banyak {{max}}. Hapus foto lain dulu.",
    tooManyForProduct:
      "Produk ini hanya bisa menerima {{remaining}} foto lagi (paling banyak {{max}}), sedangkan Anda memilih {{count}}.",
    lastPhoto:
      "Foto ini tidak bisa dihapus: produk yang tayang harus punya paling sedikit satu foto. Tambahkan foto lain dulu, atau arsipkan produknya.",
    photoNotFound:
      "Foto ini sudah tidak ada, mungkin baru saja dihapus. Halaman sudah dimuat ulang.",
    badRequest: "Permintaan tidak dikenali. Muat ulang halaman lalu coba lagi.",
    network: "Sambungan terputus sebelum foto terkirim. Periksa internet Anda lalu coba lagi.",
  },
  done: {
    uploaded_one: "{{count}} foto berhasil ditambahkan.",
    uploaded_other: "{{count}} foto berhasil ditambahkan.",
    altSaved: "Keterangan foto disimpan.",
    moved: "Urutan foto diubah.",
    cover: "Foto sampul diganti.",
    deleted: "Foto dihapus.",
  },
  upload: uploadMessages.id,
};

export type Messages = typeof id;

const en: Messages = {
  metaTitle: "Photos of {{title}} · Studio",
  title: "Product photos",
  backToProduct: "Back to the product",
  intro:
    "The first photo is the cover: it is the one buyers see in the product list. Change the order with the Up and Down buttons.",
  count: "{{count}} of {{max}} photos",
  publishedNeedsPhoto: "This product is on sale, so it must always have at least one photo.",
  empty: "No photos yet. A product needs at least one photo before it can go on sale.",
  listLabel: "Product photos, from the cover",
  cover: "Cover photo",
  photoNumber: "Photo {{position}}",
  alt: {
    legend: "Description of photo {{position}}",
    id: "Description (Indonesian)",
    en: "Description in English (optional)",
    hint: "Say what can be seen, for example “Engraved copper bowl, side view”. It is read out to blind buyers.",
    save: "Save description",
    saving: "Saving…",
  },
  move: {
    up: "Up",
    down: "Down",
    upLabel: "Move photo {{position}} up",
    downLabel: "Move photo {{position}} down",
    cover: "Make cover",
    coverLabel: "Make photo {{position}} the cover",
  },
  remove: {
    button: "Delete",
    buttonLabel: "Delete photo {{position}}",
    heading: "Delete photo {{position}}?",
    text: "The photo is removed from the shop and cannot be brought back.",
    confirm: "Yes, delete the photo",
    deleting: "Deleting…",
    cancel: "Cancel",
  },
  add: {
    title: "Add photos",
    full: "This product already has {{max}} photos, the most it can have. Delete another photo first to add a new one.",
    files: "Choose photos",
    filesHint: "Several photos at once are fine, {{count}} at most per upload.",
    altId: "Photo description (Indonesian)",
    altIdHint:
      "One description for all the photos chosen; the next ones are numbered (“…, foto 2”). You can change each photo's description afterwards.",
    altEn: "Description in English (optional)",
    submit: "Upload photos",
    submitting: "Uploading… please wait",
  },
  numberedAlt: "{{alt}}, photo {{number}}",
  drop: {
    zone: "Tap to choose photos",
    zoneDrag: "or drag photos here",
    dropping: "Drop the photos here",
    chosen: "Photos chosen",
    preview: "Preview of {{name}}",
    altId: "Description of {{name}} (Indonesian)",
    altEn: "Description of {{name}} in English (optional)",
    unchoose: "Remove",
    unchooseLabel: "Remove {{name}} from the list",
    upload_one: "Upload {{count}} photo",
    upload_other: "Upload {{count}} photos",
    progress: "Uploading {{name}}",
    processing: "Processing {{name}}…",
    waiting: "Waiting its turn",
    uploaded_one: "{{count}} photo added.",
    uploaded_other: "{{count}} photos added.",
    refusedSome: "Some photos were not uploaded. See the message below each photo.",
    tooManyChosen:
      "This product can take only {{remaining}} more photos. The others were not chosen.",
  },
  errors: {
    altRequired: "Write a description of the photo in Indonesian.",
    altTooLong: `A description is ${ALT_MAX_LENGTH} characters at most.`,
    filesRequired: "Choose at least one photo.",
    tooManyFiles:
      "At most {{max}} photos per upload; you chose {{count}}. Upload the rest afterwards.",
    productFull:
      "This product already has {{count}} photos of at most {{max}}. Delete another photo first.",
    tooManyForProduct:
      "This product can take only {{remaining}} more photos ({{max}} at most), and you chose {{count}}.",
    lastPhoto:
      "This photo cannot be deleted: a product on sale must have at least one photo. Add another photo first, or archive the product.",
    photoNotFound:
      "This photo no longer exists; it may just have been deleted. The page has been reloaded.",
    badRequest: "The request was not understood. Reload the page and try again.",
    network: "The connection dropped before the photo was sent. Check your internet and try again.",
  },
  done: {
    uploaded_one: "{{count}} photo added.",
    uploaded_other: "{{count}} photos added.",
    altSaved: "Photo description saved.",
    moved: "Photo order changed.",
    cover: "Cover photo changed.",
    deleted: "Photo deleted.",
  },
  upload: uploadMessages.en,
};

export default { id, en };

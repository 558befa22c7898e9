/**
 * The limits an artisan's photo upload keeps (checked in upload.server.ts) and the texts that
 * quote them, in Indonesian (the default) and English. The texts are meant to sit in the studio
 * namespace as its `upload` section (`upload: uploadMessages.id` / `.en`), so a route shows a
 * refusal next to the photo field with `t(\`upload.refusal.${reason}\`)`.
 */

/** Largest photo file accepted: a 12–50 MP phone photo is 2–12 MB. */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
/** Largest picture accepted, in pixels (width × height); read from the header, before decoding. */
export const MAX_UPLOAD_PIXELS = 40_000_000;

/**
 * `accept` of a photo field. HEIC is left out on purpose: iPhones then hand the browser a JPEG
 * (iOS always converts; Safari on a Mac converts to the first type listed here).
 */
export const PHOTO_ACCEPT = "image/jpeg,image/png,image/webp,image/avif";

const MB = MAX_UPLOAD_BYTES / 1024 / 1024;
const MEGAPIXELS = MAX_UPLOAD_PIXELS / 1_000_000;

const id = {
  hint: `Foto JPEG, PNG, WebP atau AVIF, paling besar ${MB} MB. Informasi lokasi di foto dihapus sebelum tampil di toko.`,
  refusal: {
    empty: "Berkas foto kosong. Pilih fotonya sekali lagi.",
    "too-large": `Foto terlalu besar: paling besar ${MB} MB.`,
    "not-an-image": "Berkas ini bukan foto (JPEG, PNG, WebP atau AVIF).",
    "unsupported-type":
      "Jenis gambar ini tidak bisa dipakai. Kirim fotonya sebagai JPEG, PNG, WebP atau AVIF. Foto HEIC dari iPhone otomatis dikirim sebagai JPEG bila diunggah langsung dari iPhone.",
    "too-many-pixels": `Ukuran foto terlalu besar: paling banyak ${MEGAPIXELS} megapiksel. Perkecil dulu fotonya.`,
    corrupt: "Foto ini rusak atau tidak terkirim utuh. Coba unggah sekali lagi.",
  },
  /** One refused photo among several, e.g. "Foto 3 (mangkuk.jpg): Foto terlalu besar…". */
  refusalOf: "Foto {{position}} ({{name}}): {{message}}",
  /** Storage or the server failed; the photo itself was fine and nothing was kept. */
  failed: "Foto belum tersimpan karena gangguan di server. Silakan coba lagi sebentar lagi.",
};

export type UploadMessages = typeof id;

const en: UploadMessages = {
  hint: `A JPEG, PNG, WebP or AVIF photo, ${MB} MB at most. Location data in the photo is removed before it is shown in the shop.`,
  refusal: {
    empty: "The photo file is empty. Please choose the photo again.",
    "too-large": `The photo is too large: ${MB} MB at most.`,
    "not-an-image": "This file is not a photo (JPEG, PNG, WebP or AVIF).",
    "unsupported-type":
      "This kind of picture can't be used. Please send the photo as JPEG, PNG, WebP or AVIF. HEIC photos from an iPhone are sent as JPEG when you upload them straight from the iPhone.",
    "too-many-pixels": `The photo has too many pixels: ${MEGAPIXELS} megapixels at most. Please make it smaller first.`,
    corrupt: "This photo is damaged or did not arrive whole. Please upload it again.",
  },
  refusalOf: "Photo {{position}} ({{name}}): {{message}}",
  failed: "The photo was not saved because of a problem on our server. Please try again shortly.",
};

export default { id, en };

import type { PaymentMethod, Role } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n/config";
import { formatDateTime } from "~/lib/dates";
import { formatRupiah } from "~/lib/money";
import { formatPickupDay } from "~/pickup/pickup-days";

/**
 * Every message the shop sends, in both languages. The outbox stores the template's name and its
 * payload; the text is made here when the message is sent, in the recipient's language.
 */
type Payloads = {
  "auth.password_reset": { name: string; url: string; expiresAt: string };
  "auth.invitation": { name: string; url: string; expiresAt: string; role: Role };
  "auth.verify_contact": { name: string; url: string; expiresAt: string };
  /** To the account's contacts as they were, when someone changes them: with an undo link. */
  "auth.contact_changing": {
    name: string;
    changes: { contact: "email" | "phone"; kind: "add" | "change" | "remove" }[];
    url: string;
    expiresAt: string;
  };
  /** To an account's contact that someone just tried to sign up with. */
  "auth.sign_up_attempt": {
    name: string;
    contact: "email" | "phone";
    signInUrl: string;
    resetUrl: string;
  };
  "order.placed": {
    name: string;
    number: string;
    url: string;
    restArea: string;
    /** YYYY-MM-DD, a WIB day. */
    pickupDay: string;
    /** Already formatted, e.g. "09.00–12.00 WIB". */
    window: string;
    totalRupiah: number;
    paymentMethod: PaymentMethod;
    pickupCode: string;
    /** ISO date-time; when an unpaid card order is released. */
    paymentDueAt: string | null;
  };
  "order.paid": {
    name: string;
    number: string;
    url: string;
    restArea: string;
    pickupDay: string;
    window: string;
    totalRupiah: number;
    pickupCode: string;
  };
  "order.cancelled": {
    name: string;
    number: string;
    url: string;
    /** 0 when nothing was paid. */
    refundRupiah: number;
    byShop: boolean;
  };
  "order.expired": { name: string; number: string; url: string };
  "order.refunded": { name: string; number: string; url: string; refundRupiah: number };
  /** Checked in at the rest area: the parcel waits at the counter from now on. */
  "order.ready": {
    name: string;
    number: string;
    url: string;
    restArea: string;
    /** YYYY-MM-DD, a WIB day. */
    pickupDay: string;
    /** Already formatted, e.g. "09.00–12.00 WIB". */
    window: string;
    /** The counter's hours, already formatted, e.g. "08.00–20.00 WIB". */
    hours: string;
    /** YYYY-MM-DD, a WIB day: the last day the parcel waits at the counter. */
    lastDay: string;
    pickupCode: string;
    /** What is still to pay at the counter (pay at pickup); 0 when paid. */
    amountDueRupiah: number;
  };
  /** Handed over at the counter. */
  "order.picked_up": {
    name: string;
    number: string;
    url: string;
    restArea: string;
    /** Paid at the counter with the handover; 0 for an order paid by card. */
    paidRupiah: number;
    paidWith: "CASH" | "QRIS" | null;
  };
  /** The hold ran out: the parcel goes back to the cooperative. */
  "order.uncollected": {
    name: string;
    number: string;
    url: string;
    restArea: string;
    /** YYYY-MM-DD, a WIB day: the last day it waited. */
    lastDay: string;
    /** A card payment is refunded as the cooperative's policy says; nothing was paid otherwise. */
    paidByCard: boolean;
  };
  /** The day before the pickup day, for an order on its way or already waiting. */
  "order.pickup_tomorrow": {
    name: string;
    number: string;
    url: string;
    restArea: string;
    pickupDay: string;
    window: string;
    pickupCode: string;
    /** YYYY-MM-DD, a WIB day: the last day the parcel waits at the counter. */
    lastDay: string;
    /** What is still to pay at the counter (pay at pickup); 0 when paid. */
    amountDueRupiah: number;
  };
  /** The day before a waiting parcel's last hold day. */
  "order.hold_ends_tomorrow": {
    name: string;
    number: string;
    url: string;
    restArea: string;
    /** YYYY-MM-DD, a WIB day. */
    lastDay: string;
    /** The counter's hours, already formatted, e.g. "08.00–20.00 WIB". */
    hours: string;
    pickupCode: string;
    amountDueRupiah: number;
  };
};

export type TemplateName = keyof Payloads;

/** Whether a stored template name is one this version of the shop can render. */
export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name);
}
export type TemplatePayload<T extends TemplateName> = Payloads[T];
export type RenderedMessage = { subject: string; text: string };

const roleWords: Record<Locale, Record<Role, string>> = {
  id: {
    BUYER: "pembeli",
    ARTISAN: "perajin",
    OPERATOR: "petugas rest area",
    ADMIN: "admin koperasi",
  },
  en: {
    BUYER: "buyer",
    ARTISAN: "artisan",
    OPERATOR: "rest-area operator",
    ADMIN: "cooperative admin",
  },
};

type Pickup = { restArea: string; pickupDay: string; window: string };

/** Where and when, one fact a line, so it reads well in WhatsApp. */
function pickupLines(p: Pickup, locale: Locale): string {
  const day = formatPickupDay(p.pickupDay, locale);
  return locale === "id"
    ? `Tempat ambil: ${p.restArea}\nHari: ${day}, ${p.window}`
    : `Pickup point: ${p.restArea}\nDay: ${day}, ${p.window}`;
}

function placedPaymentNote(p: Payloads["order.placed"], locale: Locale): string {
  if (p.paymentMethod === "PAY_AT_PICKUP") {
    return locale === "id"
      ? `Kode ambil: ${p.pickupCode}\n\nBayar tunai atau QRIS di loket rest area saat mengambil, lalu tunjukkan kode ambil kepada petugas.`
      : `Pickup code: ${p.pickupCode}\n\nPay in cash or by QRIS at the rest-area counter when you collect, and show your pickup code to the staff.`;
  }
  // A card order holds its items only until the payment is due; its pickup code follows once paid.
  if (p.paymentDueAt === null) {
    return locale === "id"
      ? "Selesaikan pembayaran kartu lewat halaman pesanan agar pesanan diproses."
      : "Complete the card payment on your order page so we can start on your order.";
  }
  const due = formatDateTime(new Date(p.paymentDueAt), locale);
  return locale === "id"
    ? `Selesaikan pembayaran kartu sebelum ${due}. Jika belum dibayar, pesanan batal dan barangnya kami lepas untuk pembeli lain.`
    : `Please complete the card payment before ${due}. If it is not paid by then, the order is cancelled and the items are released to other buyers.`;
}

const contactWords: Record<Locale, Record<"email" | "phone", string>> = {
  id: { email: "e-mail", phone: "nomor WhatsApp" },
  en: { email: "e-mail address", phone: "WhatsApp number" },
};

/** "your e-mail address is being changed and a WhatsApp number added", one clause a change. */
function contactChangeWords(
  changes: Payloads["auth.contact_changing"]["changes"],
  locale: Locale,
): string {
  const clauses = changes.map(({ contact, kind }) => {
    const word = contactWords[locale][contact];
    if (locale === "id") {
      return `${word} ${{ add: "ditambahkan", change: "diganti", remove: "dihapus" }[kind]}`;
    }
    return {
      add: `a ${word} is being added`,
      change: `your ${word} is being changed`,
      remove: `your ${word} is being removed`,
    }[kind];
  });
  return clauses.join(locale === "id" ? " dan " : " and ");
}

function amountDueLine(amountDueRupiah: number, locale: Locale): string {
  if (amountDueRupiah <= 0) return "";
  return locale === "id"
    ? `\nBayar di loket: ${formatRupiah(amountDueRupiah)} (tunai atau QRIS)`
    : `\nTo pay at the counter: ${formatRupiah(amountDueRupiah)} (cash or QRIS)`;
}

const templates: {
  [T in TemplateName]: Record<Locale, (p: Payloads[T]) => RenderedMessage>;
} = {
  "auth.password_reset": {
    id: (p) => ({
      subject: "Atur ulang kata sandi Karya Sungging",
      text: `Halo ${p.name},\n\nBuka tautan ini untuk membuat kata sandi baru:\n${p.url}\n\nTautan berlaku sampai ${formatDateTime(new Date(p.expiresAt), "id")} dan hanya bisa dipakai sekali. Jika Anda tidak memintanya, abaikan pesan ini.`,
    }),
    en: (p) => ({
      subject: "Reset your Karya Sungging password",
      text: `Hello ${p.name},\n\nOpen this link to choose a new password:\n${p.url}\n\nThe link works until ${formatDateTime(new Date(p.expiresAt), "en")} and only once. If you did not ask for it, ignore this message.`,
    }),
  },
  "auth.invitation": {
    id: (p) => ({
      subject: "Undangan ke Karya Sungging",
      text: `Halo ${p.name},\n\nKoperasi mengundang Anda sebagai ${roleWords.id[p.role]} di Karya Sungging. Buka tautan ini untuk membuat kata sandi:\n${p.url}\n\nTautan berlaku sampai ${formatDateTime(new Date(p.expiresAt), "id")}.`,
    }),
    en: (p) => ({
      subject: "Your invitation to Karya Sungging",
      text: `Hello ${p.name},\n\nThe cooperative invites you to Karya Sungging as ${roleWords.en[p.role]}. Open this link to choose your password:\n${p.url}\n\nThe link works until ${formatDateTime(new Date(p.expiresAt), "en")}.`,
    }),
  },
  "auth.verify_contact": {
    id: (p) => ({
      subject: "Konfirmasi kontak Anda di Karya Sungging",
      text: `Halo ${p.name},\n\nBuka tautan ini untuk mengonfirmasi kontak Anda. Pesanan yang pernah Anda buat tanpa akun dengan kontak ini akan muncul di akun Anda:\n${p.url}\n\nTautan berlaku sampai ${formatDateTime(new Date(p.expiresAt), "id")}.`,
    }),
    en: (p) => ({
      subject: "Confirm your contact at Karya Sungging",
      text: `Hello ${p.name},\n\nOpen this link to confirm your contact. Orders you placed as a guest with it will then appear in your account:\n${p.url}\n\nThe link works until ${formatDateTime(new Date(p.expiresAt), "en")}.`,
    }),
  },
  "auth.contact_changing": {
    id: (p) => ({
      subject: "Kontak akun Karya Sungging Anda sedang diubah",
      text: `Halo ${p.name},\n\nAda perubahan kontak di akun Karya Sungging Anda: ${contactChangeWords(p.changes, "id")}. Kontak baru hanya berlaku setelah dikonfirmasi dari tautan yang kami kirim ke kontak itu; sampai saat itu kontak lama tetap dipakai untuk masuk.\n\nJika bukan Anda yang mengubahnya, buka tautan ini. Perubahan dibatalkan (atau kontak lama dikembalikan jika sudah terlanjur berlaku) dan semua perangkat dikeluarkan dari akun Anda; setelah itu buat kata sandi baru:\n${p.url}\n\nTautan berlaku sampai ${formatDateTime(new Date(p.expiresAt), "id")}. Jika memang Anda yang mengubahnya, abaikan pesan ini.`,
    }),
    en: (p) => ({
      subject: "The contacts of your Karya Sungging account are being changed",
      text: `Hello ${p.name},\n\nThe contacts of your Karya Sungging account are being changed: ${contactChangeWords(p.changes, "en")}. A new contact only counts once it is confirmed from the link we sent to it; until then the old one still signs in.\n\nIf this was not you, open this link. The change is cancelled (or your old contact put back, if it already took effect) and every device is signed out of your account; then choose a new password:\n${p.url}\n\nThe link works until ${formatDateTime(new Date(p.expiresAt), "en")}. If it was you, ignore this message.`,
    }),
  },
  "auth.sign_up_attempt": {
    id: (p) => ({
      subject: "Ada yang mencoba mendaftar dengan kontak Anda",
      text: `Halo ${p.name},\n\nSeseorang mencoba membuat akun baru di Karya Sungging dengan ${contactWords.id[p.contact]} ini, yang sudah terdaftar untuk akun Anda. Tidak ada akun baru yang dibuat dan akun Anda tidak berubah.\n\nJika itu Anda, silakan masuk:\n${p.signInUrl}\n\nLupa kata sandi? Buat yang baru di sini:\n${p.resetUrl}\n\nJika bukan Anda, abaikan pesan ini.`,
    }),
    en: (p) => ({
      subject: "Someone tried to sign up with your contact",
      text: `Hello ${p.name},\n\nSomeone tried to create a new Karya Sungging account with this ${contactWords.en[p.contact]}, which already belongs to your account. No new account was made and yours is unchanged.\n\nIf it was you, please sign in:\n${p.signInUrl}\n\nForgot your password? Choose a new one here:\n${p.resetUrl}\n\nIf it was not you, ignore this message.`,
    }),
  },
  "order.placed": {
    id: (p) => ({
      subject: `Pesanan ${p.number} sudah kami terima`,
      text: `Halo ${p.name},\n\nTerima kasih! Pesanan ${p.number} sudah kami terima.\n\n${pickupLines(p, "id")}\nTotal: ${formatRupiah(p.totalRupiah)}\n\n${placedPaymentNote(p, "id")}\n\nLihat pesanan Anda:\n${p.url}`,
    }),
    en: (p) => ({
      subject: `We have received order ${p.number}`,
      text: `Hello ${p.name},\n\nThank you! We have received order ${p.number}.\n\n${pickupLines(p, "en")}\nTotal: ${formatRupiah(p.totalRupiah)}\n\n${placedPaymentNote(p, "en")}\n\nSee your order:\n${p.url}`,
    }),
  },
  "order.paid": {
    id: (p) => ({
      subject: `Pembayaran pesanan ${p.number} diterima`,
      text: `Halo ${p.name},\n\nPembayaran ${formatRupiah(p.totalRupiah)} untuk pesanan ${p.number} sudah kami terima. Pesanan Anda kini diteruskan ke perajin kami.\n\n${pickupLines(p, "id")}\nKode ambil: ${p.pickupCode}\n\nTunjukkan kode ambil kepada petugas rest area. Kami kabari lagi saat pesanan siap diambil.\n\nLihat pesanan Anda:\n${p.url}`,
    }),
    en: (p) => ({
      subject: `Payment received for order ${p.number}`,
      text: `Hello ${p.name},\n\nWe have received your payment of ${formatRupiah(p.totalRupiah)} for order ${p.number}. Your order is now with our artisans.\n\n${pickupLines(p, "en")}\nPickup code: ${p.pickupCode}\n\nShow the pickup code to the rest-area staff. We will message you again when your order is ready to collect.\n\nSee your order:\n${p.url}`,
    }),
  },
  "order.cancelled": {
    id: (p) => ({
      subject: `Pesanan ${p.number} dibatalkan`,
      text: `Halo ${p.name},\n\n${p.byShop ? `Mohon maaf, koperasi membatalkan pesanan ${p.number}.` : `Pesanan ${p.number} sudah dibatalkan sesuai permintaan Anda.`} ${p.refundRupiah > 0 ? `Uang ${formatRupiah(p.refundRupiah)} akan kami kembalikan ke metode pembayaran Anda; kami kabari setelah dana dikembalikan.` : "Anda tidak dikenai biaya apa pun."}\n\nLihat pesanan:\n${p.url}`,
    }),
    en: (p) => ({
      subject: `Order ${p.number} is cancelled`,
      text: `Hello ${p.name},\n\n${p.byShop ? `We are sorry: the cooperative has cancelled order ${p.number}.` : `Order ${p.number} is cancelled, as you asked.`} ${p.refundRupiah > 0 ? `We will refund ${formatRupiah(p.refundRupiah)} to your payment method and let you know once it is on its way.` : "You have not been charged."}\n\nSee the order:\n${p.url}`,
    }),
  },
  "order.expired": {
    id: (p) => ({
      subject: `Pesanan ${p.number} batal: pembayaran tidak selesai`,
      text: `Halo ${p.name},\n\nPembayaran pesanan ${p.number} tidak selesai tepat waktu, jadi pesanan batal dan barangnya kami lepas untuk pembeli lain. Anda tidak dikenai biaya. Jika masih berminat, silakan pesan lagi.\n\nLihat pesanan:\n${p.url}`,
    }),
    en: (p) => ({
      subject: `Order ${p.number} cancelled: payment not completed`,
      text: `Hello ${p.name},\n\nThe payment for order ${p.number} was not completed in time, so the order is cancelled and its items are released to other buyers. You have not been charged. If you still want them, you are welcome to order again.\n\nSee the order:\n${p.url}`,
    }),
  },
  "order.refunded": {
    id: (p) => ({
      subject: `Dana pesanan ${p.number} dikembalikan`,
      text: `Halo ${p.name},\n\nKami sudah mengembalikan ${formatRupiah(p.refundRupiah)} untuk pesanan ${p.number} ke metode pembayaran Anda. Biasanya dana muncul dalam 5–10 hari kerja, tergantung bank Anda.\n\nLihat pesanan:\n${p.url}`,
    }),
    en: (p) => ({
      subject: `Refund for order ${p.number}`,
      text: `Hello ${p.name},\n\nWe have refunded ${formatRupiah(p.refundRupiah)} for order ${p.number} to your payment method. It usually shows within 5–10 business days, depending on your bank.\n\nSee the order:\n${p.url}`,
    }),
  },
  "order.ready": {
    id: (p) => ({
      subject: `Pesanan ${p.number} siap diambil di ${p.restArea}`,
      text: `Halo ${p.name},\n\nPesanan ${p.number} sudah tiba di rest area dan siap diambil.\n\n${pickupLines(p, "id")}\nJam loket: ${p.hours}\nPaket menunggu sampai ${formatPickupDay(p.lastDay, "id")}.\n\nKode ambil: ${p.pickupCode}${amountDueLine(p.amountDueRupiah, "id")}\n\nTunjukkan kode ambil atau kode QR di halaman pesanan kepada petugas rest area.\n\nLihat pesanan Anda:\n${p.url}`,
    }),
    en: (p) => ({
      subject: `Order ${p.number} is ready to collect at ${p.restArea}`,
      text: `Hello ${p.name},\n\nOrder ${p.number} has arrived at the rest area and is ready to collect.\n\n${pickupLines(p, "en")}\nCounter hours: ${p.hours}\nThe parcel waits for you until ${formatPickupDay(p.lastDay, "en")}.\n\nPickup code: ${p.pickupCode}${amountDueLine(p.amountDueRupiah, "en")}\n\nShow the pickup code or the QR code on your order page to the rest-area staff.\n\nSee your order:\n${p.url}`,
    }),
  },
  "order.picked_up": {
    id: (p) => ({
      subject: `Terima kasih, pesanan ${p.number} sudah diambil`,
      text: `Halo ${p.name},\n\nPesanan ${p.number} sudah Anda ambil di ${p.restArea}.${p.paidRupiah > 0 ? ` Pembayaran ${formatRupiah(p.paidRupiah)} (${p.paidWith === "QRIS" ? "QRIS" : "tunai"}) sudah kami terima.` : ""} Terima kasih telah membeli karya perajin Tanjung Batu; semoga awet dan bermanfaat.\n\nLihat pesanan:\n${p.url}`,
    }),
    en: (p) => ({
      subject: `Thank you: order ${p.number} is collected`,
      text: `Hello ${p.name},\n\nYou have collected order ${p.number} at ${p.restArea}.${p.paidRupiah > 0 ? ` We have received your payment of ${formatRupiah(p.paidRupiah)} (${p.paidWith === "QRIS" ? "QRIS" : "cash"}).` : ""} Thank you for buying the work of Tanjung Batu's artisans; may it serve you well.\n\nSee the order:\n${p.url}`,
    }),
  },
  "order.uncollected": {
    id: (p) => ({
      subject: `Pesanan ${p.number} tidak diambil`,
      text: `Halo ${p.name},\n\nPesanan ${p.number} menunggu di ${p.restArea} sampai ${formatPickupDay(p.lastDay, "id")}, tetapi tidak diambil, jadi paketnya kami kembalikan ke koperasi di Tanjung Batu. ${p.paidByCard ? "Admin koperasi akan menghubungi Anda tentang pengembalian dana sesuai kebijakan koperasi." : "Anda tidak dikenai biaya. Admin koperasi akan menghubungi Anda jika Anda masih menginginkan barangnya."}\n\nLihat pesanan:\n${p.url}`,
    }),
    en: (p) => ({
      subject: `Order ${p.number} was not collected`,
      text: `Hello ${p.name},\n\nOrder ${p.number} waited for you at ${p.restArea} until ${formatPickupDay(p.lastDay, "en")} but was not collected, so the parcel is going back to the cooperative in Tanjung Batu. ${p.paidByCard ? "The cooperative's admin will contact you about your refund under the cooperative's refund policy." : "You have not been charged. The cooperative's admin will contact you in case you still want the items."}\n\nSee the order:\n${p.url}`,
    }),
  },
  "order.pickup_tomorrow": {
    id: (p) => ({
      subject: `Besok: ambil pesanan ${p.number} di ${p.restArea}`,
      text: `Halo ${p.name},\n\nPengingat: pesanan ${p.number} bisa Anda ambil besok.\n\n${pickupLines(p, "id")}\nKode ambil: ${p.pickupCode}${amountDueLine(p.amountDueRupiah, "id")}\n\nTunjukkan kode ambil kepada petugas rest area. Paket menunggu sampai ${formatPickupDay(p.lastDay, "id")}.\n\nLihat pesanan Anda:\n${p.url}`,
    }),
    en: (p) => ({
      subject: `Tomorrow: collect order ${p.number} at ${p.restArea}`,
      text: `Hello ${p.name},\n\nA reminder: you can collect order ${p.number} tomorrow.\n\n${pickupLines(p, "en")}\nPickup code: ${p.pickupCode}${amountDueLine(p.amountDueRupiah, "en")}\n\nShow the pickup code to the rest-area staff. The parcel waits for you until ${formatPickupDay(p.lastDay, "en")}.\n\nSee your order:\n${p.url}`,
    }),
  },
  "order.hold_ends_tomorrow": {
    id: (p) => ({
      subject: `Pesanan ${p.number} menunggu sampai besok`,
      text: `Halo ${p.name},\n\nPesanan ${p.number} masih menunggu Anda di ${p.restArea}. Besok, ${formatPickupDay(p.lastDay, "id")}, adalah hari terakhir untuk mengambilnya (loket buka ${p.hours}).\n\nKode ambil: ${p.pickupCode}${amountDueLine(p.amountDueRupiah, "id")}\n\nJika tidak diambil sampai loket tutup besok, paket dikembalikan ke koperasi.\n\nLihat pesanan Anda:\n${p.url}`,
    }),
    en: (p) => ({
      subject: `Order ${p.number} waits for you until tomorrow`,
      text: `Hello ${p.name},\n\nOrder ${p.number} is still waiting for you at ${p.restArea}. Tomorrow, ${formatPickupDay(p.lastDay, "en")}, is the last day to collect it (the counter is open ${p.hours}).\n\nPickup code: ${p.pickupCode}${amountDueLine(p.amountDueRupiah, "en")}\n\nIf it is not collected by the time the counter closes tomorrow, the parcel goes back to the cooperative.\n\nSee your order:\n${p.url}`,
    }),
  },
};

export function renderMessage<T extends TemplateName>(
  template: T,
  locale: Locale,
  payload: Payloads[T],
): RenderedMessage {
  return templates[template][locale](payload);
}

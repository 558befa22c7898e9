import type { Role } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n/config";
import { formatDateTime } from "~/lib/dates";

/**
 * Every message the shop sends, in both languages. The outbox stores the template's name and its
 * payload; the text is made here when the message is sent, in the recipient's language.
 */
type Payloads = {
  "auth.password_reset": { name: string; url: string; expiresAt: string };
  "auth.invitation": { name: string; url: string; expiresAt: string; role: Role };
  "auth.verify_contact": { name: string; url: string; expiresAt: string };
};

export type TemplateName = keyof Payloads;
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
};

export function renderMessage<T extends TemplateName>(
  template: T,
  locale: Locale,
  payload: Payloads[T],
): RenderedMessage {
  return templates[template][locale](payload);
}

/** Texts of signing in and up, password reset and invitations; the i18n namespace "auth". */
const id = {
  fields: {
    name: "Nama",
    nameHint: "Nama yang dipakai petugas rest area saat menyerahkan paket.",
    identifier: "E-mail atau nomor WhatsApp",
    identifierHint: "Contoh: siti@contoh.id atau 0812 3456 7890",
    email: "E-mail (tidak wajib jika mengisi WhatsApp)",
    phone: "Nomor WhatsApp (tidak wajib jika mengisi e-mail)",
    phoneHint: "Untuk kabar pesanan dan kode pengambilan. Contoh: 0812 3456 7890",
    password: "Kata sandi",
    newPassword: "Kata sandi baru",
    passwordHint: "Minimal 8 karakter. Gabungan beberapa kata mudah diingat dan sulit ditebak.",
    honeypot: "Biarkan kolom ini kosong",
  },
  signIn: {
    title: "Masuk",
    metaTitle: "Masuk — Karya Sungging",
    intro:
      "Masuk untuk melihat pesanan, mengelola toko perajin, atau melayani pengambilan di rest area.",
    submit: "Masuk",
    submitting: "Memeriksa…",
    forgot: "Lupa kata sandi?",
    noAccount: "Belum punya akun?",
    signUpLink: "Daftar sebagai pembeli",
    guestNote: "Anda juga bisa berbelanja tanpa akun.",
    signedOut: "Anda sudah keluar.",
    signedOutEverywhere: "Anda sudah keluar dari semua perangkat.",
    passwordChanged: "Kata sandi baru tersimpan. Silakan masuk.",
  },
  signUp: {
    title: "Daftar",
    metaTitle: "Daftar sebagai pembeli — Karya Sungging",
    intro:
      "Dengan akun, pesanan Anda tersimpan di satu tempat dan data kontak terisi otomatis saat memesan.",
    privacy:
      "Kami hanya memakai nama dan kontak Anda untuk pesanan dan kabar pengambilan, sesuai UU PDP. Anda bisa mengunduh atau menghapus data Anda kapan saja di halaman akun.",
    submit: "Buat akun",
    submitting: "Membuat akun…",
    haveAccount: "Sudah punya akun?",
    signInLink: "Masuk",
    sentTitle: "Periksa pesan Anda",
    sent: "Kami mengirim pesan ke {{contacts}}. Buka pesan itu untuk mengonfirmasi kontak Anda.",
    sentNote:
      "Jika kontak itu sudah terdaftar di Karya Sungging, pesan itu menjelaskan cara masuk ke akun yang ada atau membuat kata sandi baru.",
    continue: "Lanjutkan",
    and: " dan ",
  },
  signOut: {
    submit: "Keluar",
    title: "Keluar",
    confirm: "Keluar dari akun Anda di perangkat ini?",
  },
  forgot: {
    title: "Lupa kata sandi",
    metaTitle: "Lupa kata sandi — Karya Sungging",
    intro:
      "Tulis e-mail atau nomor WhatsApp akun Anda. Kami kirim tautan untuk membuat kata sandi baru.",
    submit: "Kirim tautan",
    submitting: "Mengirim…",
    sent: "Jika kontak itu sudah dikonfirmasi di sebuah akun, tautan sudah kami kirim ke sana. Tautan berlaku 1 jam.",
    back: "Kembali ke halaman masuk",
  },
  reset: {
    title: "Buat kata sandi baru",
    metaTitle: "Kata sandi baru — Karya Sungging",
    intro: "Semua perangkat yang masih masuk dengan akun ini akan dikeluarkan.",
    submit: "Simpan kata sandi",
    submitting: "Menyimpan…",
  },
  invitation: {
    title: "Terima undangan",
    metaTitle: "Undangan — Karya Sungging",
    intro: "Koperasi mengundang Anda sebagai {{role}}. Periksa nama Anda dan buat kata sandi.",
    submit: "Buat akun saya",
    submitting: "Menyimpan…",
    roles: { ARTISAN: "perajin", OPERATOR: "petugas rest area", ADMIN: "admin", BUYER: "pembeli" },
  },
  link: {
    unknownTitle: "Tautan tidak dikenal",
    unknown:
      "Tautan ini tidak lengkap atau tidak pernah kami buat. Salin lagi seluruh tautan dari pesan Anda.",
    expiredTitle: "Tautan sudah kedaluwarsa",
    expired: "Demi keamanan, tautan hanya berlaku sebentar.",
    usedTitle: "Tautan sudah dipakai",
    used: "Setiap tautan hanya bisa dipakai sekali.",
    askAgainReset: "Minta tautan baru",
    askAgainInvitation: "Hubungi admin koperasi untuk undangan baru.",
  },
  errors: {
    credentials: "E-mail/nomor WhatsApp atau kata sandi salah.",
    identifierInvalid:
      "Tulis e-mail (contoh: siti@contoh.id) atau nomor WhatsApp (contoh: 0812 3456 7890).",
    nameRequired: "Tulis nama Anda (2–80 karakter).",
    emailInvalid: "E-mail ini tidak valid. Contoh: siti@contoh.id",
    phoneInvalid: "Nomor WhatsApp ini tidak valid. Contoh: 0812 3456 7890",
    contactRequired: "Isi e-mail atau nomor WhatsApp (salah satu cukup).",
    passwordRequired: "Tulis kata sandi Anda.",
    passwordTooShort: "Kata sandi minimal 8 karakter.",
    passwordTooLong: "Kata sandi maksimal 128 karakter.",
    passwordTooCommon:
      "Kata sandi ini terlalu umum atau mudah ditebak (misalnya pernah bocor, atau memuat nama/kontak Anda). Coba gabungan beberapa kata.",
    rateLimited: "Terlalu banyak percobaan dari perangkat ini. Coba lagi dalam {{seconds}} detik.",
    spam: "Formulir tidak bisa dikirim. Muat ulang halaman lalu coba lagi.",
    deactivated: "Akun ini dinonaktifkan. Hubungi admin koperasi.",
  },
};

type Messages = typeof id;

const en: Messages = {
  fields: {
    name: "Name",
    nameHint: "The name the rest-area operator uses when handing over your parcel.",
    identifier: "E-mail or WhatsApp number",
    identifierHint: "For example siti@example.com or 0812 3456 7890",
    email: "E-mail (optional if you give a WhatsApp number)",
    phone: "WhatsApp number (optional if you give an e-mail)",
    phoneHint: "For order news and your pickup code. For example 0812 3456 7890",
    password: "Password",
    newPassword: "New password",
    passwordHint:
      "At least 8 characters. A few words together are easy to remember and hard to guess.",
    honeypot: "Leave this field empty",
  },
  signIn: {
    title: "Sign in",
    metaTitle: "Sign in — Karya Sungging",
    intro: "Sign in to follow your orders, run an artisan's shop, or serve pickups at a rest area.",
    submit: "Sign in",
    submitting: "Checking…",
    forgot: "Forgot your password?",
    noAccount: "No account yet?",
    signUpLink: "Sign up as a buyer",
    guestNote: "You can also shop without an account.",
    signedOut: "You are signed out.",
    signedOutEverywhere: "You are signed out on every device.",
    passwordChanged: "Your new password is saved. Please sign in.",
  },
  signUp: {
    title: "Sign up",
    metaTitle: "Sign up as a buyer — Karya Sungging",
    intro:
      "With an account your orders are kept in one place and your contact is filled in when you order.",
    privacy:
      "We use your name and contact only for your orders and pickup news, as Indonesia's personal data law (UU PDP) requires. You can download or delete your data at any time on your account page.",
    submit: "Create account",
    submitting: "Creating account…",
    haveAccount: "Already have an account?",
    signInLink: "Sign in",
    sentTitle: "Check your messages",
    sent: "We sent a message to {{contacts}}. Open it to confirm your contact.",
    sentNote:
      "If that contact is already registered with Karya Sungging, the message explains how to sign in to that account or choose a new password.",
    continue: "Continue",
    and: " and ",
  },
  signOut: {
    submit: "Sign out",
    title: "Sign out",
    confirm: "Sign out of your account on this device?",
  },
  forgot: {
    title: "Forgot password",
    metaTitle: "Forgot password — Karya Sungging",
    intro:
      "Enter your account's e-mail or WhatsApp number. We will send you a link to choose a new password.",
    submit: "Send link",
    submitting: "Sending…",
    sent: "If an account has that contact and it is confirmed, the link is on its way. It works for 1 hour.",
    back: "Back to sign in",
  },
  reset: {
    title: "Choose a new password",
    metaTitle: "New password — Karya Sungging",
    intro: "Every device still signed in to this account will be signed out.",
    submit: "Save password",
    submitting: "Saving…",
  },
  invitation: {
    title: "Accept invitation",
    metaTitle: "Invitation — Karya Sungging",
    intro: "The cooperative invites you as {{role}}. Check your name and choose a password.",
    submit: "Create my account",
    submitting: "Saving…",
    roles: { ARTISAN: "artisan", OPERATOR: "rest-area operator", ADMIN: "admin", BUYER: "buyer" },
  },
  link: {
    unknownTitle: "Unknown link",
    unknown:
      "This link is incomplete or was never made by us. Copy the whole link from your message again.",
    expiredTitle: "This link has expired",
    expired: "For your safety, links only work for a short time.",
    usedTitle: "This link was already used",
    used: "Each link works only once.",
    askAgainReset: "Ask for a new link",
    askAgainInvitation: "Ask the cooperative's admin for a new invitation.",
  },
  errors: {
    credentials: "Wrong e-mail/WhatsApp number or password.",
    identifierInvalid:
      "Enter an e-mail (e.g. siti@example.com) or a WhatsApp number (e.g. 0812 3456 7890).",
    nameRequired: "Enter your name (2–80 characters).",
    emailInvalid: "This e-mail is not valid. For example siti@example.com",
    phoneInvalid: "This WhatsApp number is not valid. For example 0812 3456 7890",
    contactRequired: "Give an e-mail or a WhatsApp number (one is enough).",
    passwordRequired: "Enter your password.",
    passwordTooShort: "Passwords need at least 8 characters.",
    passwordTooLong: "Passwords can have at most 128 characters.",
    passwordTooCommon:
      "This password is too common or easy to guess (for example it was leaked, or contains your name or contact). Try a few words together.",
    rateLimited: "Too many attempts from this device. Please try again in {{seconds}} seconds.",
    spam: "The form could not be sent. Reload the page and try again.",
    deactivated: "This account is deactivated. Please contact the cooperative's admin.",
  },
};

export default { id, en };

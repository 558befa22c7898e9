/** Texts of the account pages, in Indonesian (the default) and English; the i18n namespace "account". */
const id = {
  metaTitle: "Akun saya — Karya Sungging",
  title: "Akun saya",
  greeting: "Halo, {{name}}.",
  nav: {
    label: "Halaman akun",
    overview: "Akun saya",
    data: "Unduh data saya",
    delete: "Hapus akun",
  },
  workspace: {
    ARTISAN: "Buka studio perajin",
    OPERATOR: "Buka konsol rest area",
    ADMIN: "Buka halaman admin koperasi",
    intro: "Pekerjaan Anda untuk koperasi ada di halaman tersendiri.",
  },
  saved: {
    profile: "Profil Anda tersimpan.",
    profileVerify:
      "Profil Anda tersimpan. Kami mengirim tautan konfirmasi ke kontak baru Anda. Kontak baru berlaku setelah Anda membuka tautan itu; sampai saat itu, masuk dengan kontak lama.",
    contactCancelled: "Perubahan kontak dibatalkan. Kontak lama Anda tetap berlaku.",
    password: "Kata sandi baru tersimpan. Semua perangkat lain sudah dikeluarkan dari akun Anda.",
    sentEmail: "Tautan konfirmasi sudah dikirim ke e-mail Anda. Tautan berlaku 3 hari.",
    sentPhone: "Tautan konfirmasi sudah dikirim ke WhatsApp Anda. Tautan berlaku 3 hari.",
  },
  profile: {
    heading: "Profil",
    intro: "Nama dan kontak ini dipakai untuk pesanan Anda dan kabar pengambilan.",
    name: "Nama",
    nameHint: "Nama yang dipakai petugas rest area saat menyerahkan paket.",
    email: "E-mail",
    emailHint: "Tidak wajib jika Anda mengisi nomor WhatsApp. Contoh: siti@contoh.id",
    phone: "Nomor WhatsApp",
    phoneHint: "Tidak wajib jika Anda mengisi e-mail. Contoh: 0812 3456 7890",
    locale: "Bahasa",
    localeHint: "Bahasa situs ini dan pesan yang kami kirim kepada Anda.",
    languages: { id: "Bahasa Indonesia", en: "English" },
    password: "Kata sandi Anda",
    passwordHint:
      "Hanya perlu jika Anda mengubah, menambah atau menghapus e-mail atau nomor WhatsApp. Mengganti nama atau bahasa tidak memerlukannya.",
    submit: "Simpan profil",
    submitting: "Menyimpan…",
  },
  verification: {
    heading: "Konfirmasi kontak",
    intro:
      "Mengonfirmasi e-mail atau nomor WhatsApp membuktikan bahwa kontak itu milik Anda. Pesanan yang pernah Anda buat tanpa akun dengan kontak itu lalu muncul di akun ini.",
    email: "E-mail",
    phone: "WhatsApp",
    verified: "Sudah dikonfirmasi",
    unverified: "Belum dikonfirmasi",
    missing: "Belum diisi",
    resend: "Kirim lagi tautan konfirmasi",
    resending: "Mengirim…",
    pending: "Menunggu konfirmasi: {{value}}",
    pendingNote:
      "Kontak baru ini berlaku setelah dikonfirmasi dari tautan yang kami kirim ke sana. Sampai saat itu, kontak di atas tetap dipakai untuk masuk dan untuk memulihkan akun.",
    cancel: "Batalkan perubahan",
    cancelling: "Membatalkan…",
  },
  password: {
    heading: "Ganti kata sandi",
    intro: "Setelah kata sandi diganti, semua perangkat lain yang masih masuk akan dikeluarkan.",
    current: "Kata sandi sekarang",
    new: "Kata sandi baru",
    newHint: "Minimal 8 karakter. Gabungan beberapa kata mudah diingat dan sulit ditebak.",
    submit: "Ganti kata sandi",
    submitting: "Menyimpan…",
  },
  orders: {
    heading: "Pesanan saya",
    empty: "Anda belum punya pesanan di akun ini.",
    emptyLink: "Lihat produk perajin kami",
    number: "Nomor pesanan",
    placed: "Dipesan",
    restArea: "Rest area",
    pickup: "Diambil",
    status: "Status",
    total: "Total",
    view: "Lihat pesanan {{number}}",
    more: "Menampilkan {{shown}} pesanan terbaru dari {{total}}. Semua pesanan ada di unduhan data Anda.",
  },
  orderStatus: {
    PENDING_PAYMENT: "Menunggu pembayaran",
    PAID: "Sudah dibayar",
    AWAITING_PICKUP_PAYMENT: "Dibayar saat diambil",
    PREPARING: "Sedang disiapkan",
    IN_TRANSIT: "Dalam perjalanan",
    READY_FOR_PICKUP: "Siap diambil",
    PICKED_UP: "Sudah diambil",
    CANCELLED: "Dibatalkan",
    EXPIRED: "Kedaluwarsa",
    UNCOLLECTED: "Tidak diambil",
    REFUNDED: "Dana dikembalikan",
  },
  devices: {
    heading: "Keluar dari semua perangkat",
    intro:
      "Ponsel hilang, atau pernah masuk di perangkat orang lain? Keluarkan akun Anda dari semua perangkat, termasuk yang ini.",
    submit: "Keluar dari semua perangkat",
    submitting: "Mengeluarkan…",
  },
  privacy: {
    heading: "Data pribadi Anda",
    keep: "Kami menyimpan nama, e-mail, nomor WhatsApp dan bahasa Anda, pesanan Anda, isi keranjang, pesan yang kami kirim kepada Anda, serta catatan masuk (waktu, alamat IP, perangkat).",
    why: "Semua itu hanya untuk melayani pesanan dan pengambilan di rest area, dan untuk menjaga keamanan akun, sesuai UU Pelindungan Data Pribadi (UU No. 27 Tahun 2022). Kami tidak menjual atau membagikan data Anda.",
    download: "Unduh data saya (JSON)",
    delete: "Hapus akun saya",
  },
  delete: {
    metaTitle: "Hapus akun — Karya Sungging",
    title: "Hapus akun",
    intro: "Anda bisa menghapus akun kapan saja. Yang terjadi:",
    effects: {
      account:
        "Akun Anda dihapus beserta nama, e-mail, nomor WhatsApp, riwayat masuk, tautan yang pernah dikirim, keranjang dan pesan yang kami kirim kepada Anda.",
      orders:
        "Pesanan yang sudah selesai tetap disimpan untuk pembukuan koperasi (barang, harga, rest area, tanggal), tetapi tanpa nama dan kontak Anda: pembeli tercatat sebagai “Akun dihapus”.",
      final: "Penghapusan tidak bisa dibatalkan. Unduh data Anda dulu jika ingin menyimpannya.",
    },
    download: "Unduh data saya dulu",
    password: "Kata sandi Anda",
    passwordHint: "Untuk memastikan bahwa Anda sendiri yang menghapus akun ini.",
    submit: "Hapus akun saya selamanya",
    submitting: "Menghapus…",
    back: "Kembali ke akun saya",
    blockedRoleTitle: "Akun ini tidak bisa dihapus sendiri",
    blockedRole:
      "Akun perajin, petugas rest area dan admin dipakai dalam catatan pembayaran dan serah terima koperasi. Hubungi admin koperasi untuk menutup akun ini.",
    blockedOrdersTitle: "Masih ada pesanan yang berjalan",
    blockedOrders:
      "Akun bisa dihapus setelah semua pesanan selesai (sudah diambil, dibatalkan, atau dana dikembalikan). Pesanan yang masih berjalan:",
  },
  verify: {
    metaTitle: "Konfirmasi kontak — Karya Sungging",
    title: "Konfirmasi kontak",
    intro: "Tekan tombol di bawah untuk mengonfirmasi bahwa {{contact}} adalah milik Anda.",
    attachNote:
      "Pesanan yang pernah dibuat tanpa akun dengan kontak ini akan dimasukkan ke akun Anda.",
    submit: "Konfirmasi",
    submitting: "Mengonfirmasi…",
    doneTitle: "Kontak sudah dikonfirmasi",
    done: "{{contact}} sekarang terkonfirmasi di akun Anda.",
    attached_one:
      "{{count}} pesanan yang dibuat tanpa akun dengan kontak ini sekarang ada di akun Anda.",
    attached_other:
      "{{count}} pesanan yang dibuat tanpa akun dengan kontak ini sekarang ada di akun Anda.",
    toAccount: "Ke akun saya",
    unknownTitle: "Tautan tidak dikenal",
    unknown:
      "Tautan ini tidak lengkap atau tidak pernah kami buat. Salin lagi seluruh tautan dari pesan Anda.",
    expiredTitle: "Tautan sudah kedaluwarsa",
    expired:
      "Demi keamanan, tautan konfirmasi hanya berlaku 3 hari, dan hanya tautan terbaru yang berlaku.",
    usedTitle: "Tautan sudah dipakai",
    used: "Setiap tautan konfirmasi hanya bisa dipakai sekali. Jika kontak Anda sudah terkonfirmasi, tidak ada lagi yang perlu dilakukan.",
    changedTitle: "Kontak sudah berubah",
    changed:
      "Kontak di akun ini sudah diganti sejak tautan ini dikirim, jadi tautan ini tidak berlaku lagi. Kirim tautan baru dari halaman akun.",
    takenTitle: "Kontak sudah dipakai akun lain",
    taken:
      "Sejak tautan ini dikirim, kontak ini sudah dipakai akun lain, jadi tidak bisa dipindahkan ke akun Anda. Kontak lama Anda tetap berlaku.",
    askAgain:
      "Minta tautan baru di halaman akun Anda (bagian “Konfirmasi kontak”). Jika belum masuk, Anda akan diminta masuk dulu.",
    askAgainLink: "Minta tautan baru",
  },
  errors: {
    badRequest: "Formulir tidak bisa dibaca. Muat ulang halaman lalu coba lagi.",
    nameRequired: "Tulis nama Anda (2–80 karakter).",
    emailInvalid: "E-mail ini tidak valid. Contoh: siti@contoh.id",
    phoneInvalid: "Nomor WhatsApp ini tidak valid. Contoh: 0812 3456 7890",
    contactRequired: "Isi e-mail atau nomor WhatsApp (salah satu cukup).",
    emailTaken: "E-mail ini sudah dipakai akun lain. Profil Anda tidak diubah.",
    phoneTaken: "Nomor WhatsApp ini sudah dipakai akun lain. Profil Anda tidak diubah.",
    localeInvalid: "Pilih Bahasa Indonesia atau English.",
    passwordRequired: "Tulis kata sandi Anda.",
    currentPasswordWrong: "Kata sandi sekarang salah.",
    passwordWrong: "Kata sandi salah.",
    passwordTooShort: "Kata sandi minimal 8 karakter.",
    passwordTooLong: "Kata sandi maksimal 128 karakter.",
    passwordTooCommon:
      "Kata sandi ini terlalu umum atau mudah ditebak (misalnya pernah bocor, atau memuat nama/kontak Anda). Coba gabungan beberapa kata.",
    rateLimited: "Terlalu banyak percobaan dari perangkat ini. Coba lagi dalam {{seconds}} detik.",
    nothingToVerify: "Kontak ini sudah dikonfirmasi atau belum diisi.",
    resendTooSoon: "Tautan baru saja dikirim. Tunggu satu menit sebelum meminta lagi.",
    contactPasswordRequired:
      "Tulis kata sandi Anda untuk mengubah e-mail atau nomor WhatsApp. Profil Anda tidak diubah.",
    contactPasswordWrong: "Kata sandi salah. Profil Anda tidak diubah.",
    keepEmail:
      "E-mail ini dipakai untuk masuk. Hapus setelah nomor WhatsApp baru Anda dikonfirmasi.",
    keepPhone:
      "Nomor WhatsApp ini dipakai untuk masuk. Hapus setelah e-mail baru Anda dikonfirmasi.",
  },
  undo: {
    metaTitle: "Batalkan perubahan kontak — Karya Sungging",
    title: "Batalkan perubahan kontak",
    intro:
      "Bukan Anda yang mengubah kontak akun Anda? Tekan tombol di bawah. Perubahan dibatalkan, kontak lama dikembalikan, dan semua perangkat dikeluarkan dari akun Anda.",
    submit: "Batalkan perubahan",
    submitting: "Membatalkan…",
    doneTitle: "Perubahan dibatalkan",
    done: "Kontak akun Anda sudah kembali seperti sebelumnya, dan semua perangkat sudah dikeluarkan dari akun Anda.",
    notRestored:
      "Satu kontak lama Anda sekarang dipakai akun lain, jadi tidak bisa dikembalikan. Hubungi koperasi lewat WhatsApp agar kami bantu.",
    resetAdvice:
      "Siapa pun yang mengubah kontak Anda mengetahui kata sandi Anda. Buat kata sandi baru sekarang.",
    resetLink: "Buat kata sandi baru",
    unknownTitle: "Tautan tidak dikenal",
    unknown:
      "Tautan ini tidak lengkap atau tidak pernah kami buat. Salin lagi seluruh tautan dari pesan Anda.",
    expiredTitle: "Tautan sudah kedaluwarsa",
    expired:
      "Tautan pembatalan berlaku 14 hari. Jika ada yang mengubah akun Anda tanpa izin, buat kata sandi baru lalu hubungi koperasi lewat WhatsApp.",
    usedTitle: "Tautan sudah dipakai",
    used: "Perubahan ini sudah dibatalkan dengan tautan ini. Jika belum, buat kata sandi baru sekarang.",
  },
};

type Messages = typeof id;

const en: Messages = {
  metaTitle: "My account — Karya Sungging",
  title: "My account",
  greeting: "Hello, {{name}}.",
  nav: {
    label: "Account pages",
    overview: "My account",
    data: "Download my data",
    delete: "Delete account",
  },
  workspace: {
    ARTISAN: "Open the artisan studio",
    OPERATOR: "Open the rest-area console",
    ADMIN: "Open the cooperative's admin",
    intro: "Your work for the cooperative has its own pages.",
  },
  saved: {
    profile: "Your profile is saved.",
    profileVerify:
      "Your profile is saved. We sent a confirmation link to your new contact. It counts once you open that link; until then, sign in with your old contact.",
    contactCancelled: "The contact change is cancelled. Your old contact stays.",
    password: "Your new password is saved. Every other device has been signed out.",
    sentEmail: "A confirmation link is on its way to your e-mail. It works for 3 days.",
    sentPhone: "A confirmation link is on its way to your WhatsApp. It works for 3 days.",
  },
  profile: {
    heading: "Profile",
    intro: "We use this name and contact for your orders and pickup news.",
    name: "Name",
    nameHint: "The name the rest-area operator uses when handing over your parcel.",
    email: "E-mail",
    emailHint: "Optional if you give a WhatsApp number. For example siti@example.com",
    phone: "WhatsApp number",
    phoneHint: "Optional if you give an e-mail. For example 0812 3456 7890",
    locale: "Language",
    localeHint: "The language of this site and of the messages we send you.",
    languages: { id: "Bahasa Indonesia", en: "English" },
    password: "Your password",
    passwordHint:
      "Only needed when you change, add or remove your e-mail or WhatsApp number. Changing your name or language does not need it.",
    submit: "Save profile",
    submitting: "Saving…",
  },
  verification: {
    heading: "Confirm your contacts",
    intro:
      "Confirming your e-mail or WhatsApp number proves that it is yours. Orders you placed as a guest with that contact then appear in this account.",
    email: "E-mail",
    phone: "WhatsApp",
    verified: "Confirmed",
    unverified: "Not confirmed yet",
    missing: "Not given",
    resend: "Send the confirmation link again",
    resending: "Sending…",
    pending: "Waiting for confirmation: {{value}}",
    pendingNote:
      "This new contact counts once it is confirmed from the link we sent to it. Until then, the contact above still signs in and recovers the account.",
    cancel: "Cancel this change",
    cancelling: "Cancelling…",
  },
  password: {
    heading: "Change password",
    intro: "Once your password is changed, every other device still signed in is signed out.",
    current: "Current password",
    new: "New password",
    newHint: "At least 8 characters. A few words together are easy to remember and hard to guess.",
    submit: "Change password",
    submitting: "Saving…",
  },
  orders: {
    heading: "My orders",
    empty: "There are no orders in this account yet.",
    emptyLink: "Browse our artisans' pieces",
    number: "Order number",
    placed: "Placed",
    restArea: "Rest area",
    pickup: "Pickup",
    status: "Status",
    total: "Total",
    view: "View order {{number}}",
    more: "Showing the {{shown}} newest of {{total}} orders. Every order is in your data download.",
  },
  orderStatus: {
    PENDING_PAYMENT: "Awaiting payment",
    PAID: "Paid",
    AWAITING_PICKUP_PAYMENT: "Pay at pickup",
    PREPARING: "Being prepared",
    IN_TRANSIT: "On its way",
    READY_FOR_PICKUP: "Ready for pickup",
    PICKED_UP: "Picked up",
    CANCELLED: "Cancelled",
    EXPIRED: "Expired",
    UNCOLLECTED: "Not collected",
    REFUNDED: "Refunded",
  },
  devices: {
    heading: "Sign out of all devices",
    intro:
      "Lost your phone, or signed in on someone else's device? Sign your account out everywhere, this device included.",
    submit: "Sign out of all devices",
    submitting: "Signing out…",
  },
  privacy: {
    heading: "Your personal data",
    keep: "We keep your name, e-mail, WhatsApp number and language, your orders, your cart, the messages we sent you, and a record of sign-ins (time, IP address, device).",
    why: "We use them only to serve your orders and pickups at the rest areas and to keep your account safe, as Indonesia's Personal Data Protection Law (UU No. 27/2022) requires. We never sell or share your data.",
    download: "Download my data (JSON)",
    delete: "Delete my account",
  },
  delete: {
    metaTitle: "Delete account — Karya Sungging",
    title: "Delete account",
    intro: "You may delete your account at any time. This is what happens:",
    effects: {
      account:
        "Your account is deleted with your name, e-mail, WhatsApp number, sign-in history, the links we sent you, your cart and the messages we sent you.",
      orders:
        "Finished orders stay in the cooperative's books (items, prices, rest area, dates) without your name or contact: the buyer is recorded as “Akun dihapus” (account deleted).",
      final: "Deleting cannot be undone. Download your data first if you want to keep it.",
    },
    download: "Download my data first",
    password: "Your password",
    passwordHint: "So we know it is really you deleting this account.",
    submit: "Delete my account for good",
    submitting: "Deleting…",
    back: "Back to my account",
    blockedRoleTitle: "This account cannot be deleted here",
    blockedRole:
      "Artisan, rest-area operator and admin accounts appear in the cooperative's payout and handover records. Please ask the cooperative's admin to close this account.",
    blockedOrdersTitle: "Some orders are still open",
    blockedOrders:
      "You can delete your account once every order is finished (picked up, cancelled or refunded). Orders still open:",
  },
  verify: {
    metaTitle: "Confirm your contact — Karya Sungging",
    title: "Confirm your contact",
    intro: "Press the button below to confirm that {{contact}} is yours.",
    attachNote: "Orders placed as a guest with this contact will be added to your account.",
    submit: "Confirm",
    submitting: "Confirming…",
    doneTitle: "Contact confirmed",
    done: "{{contact}} is now confirmed on your account.",
    attached_one: "{{count}} order placed as a guest with this contact is now in your account.",
    attached_other: "{{count}} orders placed as a guest with this contact are now in your account.",
    toAccount: "Go to my account",
    unknownTitle: "Unknown link",
    unknown:
      "This link is incomplete or was never made by us. Copy the whole link from your message again.",
    expiredTitle: "This link has expired",
    expired: "For your safety, confirmation links work for 3 days, and only the newest link works.",
    usedTitle: "This link was already used",
    used: "Each confirmation link works only once. If your contact is already confirmed, there is nothing left to do.",
    changedTitle: "The contact has changed",
    changed:
      "The contact on this account was changed after this link was sent, so the link no longer works. Send a new one from your account page.",
    takenTitle: "This contact belongs to another account",
    taken:
      "Since this link was sent, another account has taken this contact, so it cannot move to yours. Your old contact stays.",
    askAgain:
      "Ask for a new link on your account page (under “Confirm your contacts”). If you are not signed in, you will be asked to sign in first.",
    askAgainLink: "Ask for a new link",
  },
  errors: {
    badRequest: "The form could not be read. Reload the page and try again.",
    nameRequired: "Enter your name (2–80 characters).",
    emailInvalid: "This e-mail is not valid. For example siti@example.com",
    phoneInvalid: "This WhatsApp number is not valid. For example 0812 3456 7890",
    contactRequired: "Give an e-mail or a WhatsApp number (one is enough).",
    emailTaken: "This e-mail already belongs to another account. Your profile was not changed.",
    phoneTaken:
      "This WhatsApp number already belongs to another account. Your profile was not changed.",
    localeInvalid: "Choose Bahasa Indonesia or English.",
    passwordRequired: "Enter your password.",
    currentPasswordWrong: "Your current password is wrong.",
    passwordWrong: "Wrong password.",
    passwordTooShort: "Passwords need at least 8 characters.",
    passwordTooLong: "Passwords can have at most 128 characters.",
    passwordTooCommon:
      "This password is too common or easy to guess (for example it was leaked, or contains your name or contact). Try a few words together.",
    rateLimited: "Too many attempts from this device. Please try again in {{seconds}} seconds.",
    nothingToVerify: "This contact is already confirmed or not given.",
    resendTooSoon: "A link was just sent. Please wait a minute before asking again.",
    contactPasswordRequired:
      "Enter your password to change your e-mail or WhatsApp number. Your profile was not changed.",
    contactPasswordWrong: "Wrong password. Your profile was not changed.",
    keepEmail: "This e-mail signs you in. Remove it once your new WhatsApp number is confirmed.",
    keepPhone: "This WhatsApp number signs you in. Remove it once your new e-mail is confirmed.",
  },
  undo: {
    metaTitle: "Undo a contact change — Karya Sungging",
    title: "Undo the contact change",
    intro:
      "Did someone else change your account's contacts? Press the button below. The change is undone, your old contact put back, and every device signed out of your account.",
    submit: "Undo the change",
    submitting: "Undoing…",
    doneTitle: "The change is undone",
    done: "Your account's contacts are back as they were, and every device has been signed out of your account.",
    notRestored:
      "One of your old contacts now belongs to another account, so it could not be put back. Message the cooperative on WhatsApp and we will help.",
    resetAdvice: "Whoever changed your contacts knew your password. Choose a new one now.",
    resetLink: "Choose a new password",
    unknownTitle: "Unknown link",
    unknown:
      "This link is incomplete or was never made by us. Copy the whole link from your message again.",
    expiredTitle: "This link has expired",
    expired:
      "Undo links work for 14 days. If someone changed your account without your consent, choose a new password and message the cooperative on WhatsApp.",
    usedTitle: "This link was already used",
    used: "This change was already undone with this link. If not, choose a new password now.",
  },
};

export default { id, en };

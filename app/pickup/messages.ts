/** Texts of the pickup pages, in Indonesian (the default) and English; the i18n namespace "pickup". */
const id = {
  title: "Titik ambil",
};

export type Messages = typeof id;

const en: Messages = {
  title: "Pickup points",
};

export default { id, en };

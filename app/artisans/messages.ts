/** Texts of the artisans pages, in Indonesian (the default) and English; the i18n namespace "artisans". */
const id = {
  title: "Perajin",
};

export type Messages = typeof id;

const en: Messages = {
  title: "Artisans",
};

export default { id, en };

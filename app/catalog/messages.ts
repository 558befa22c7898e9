/** Texts of the catalog pages, in Indonesian (the default) and English; the i18n namespace "catalog". */
const id = {
  title: "Produk",
};

export type Messages = typeof id;

const en: Messages = {
  title: "Products",
};

export default { id, en };

/** Texts of the cart pages, in Indonesian (the default) and English; the i18n namespace "cart". */
const id = {
  title: "Keranjang",
};

export type Messages = typeof id;

const en: Messages = {
  title: "Cart",
};

export default { id, en };

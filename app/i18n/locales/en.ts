import type { Messages } from "./id";

const en: Messages = {
  meta: {
    title: "Karya Sungging — silver & copper craft from Ogan Ilir",
    description:
      "Handmade silver jewellery, copper homeware and aluminium cookware by the artisans of Tanjung Batu, Ogan Ilir. Order online, collect at a Trans-Sumatra toll-road rest area.",
  },
  nav: {
    skipToContent: "Skip to content",
    home: "Home",
    products: "Products",
    artisans: "Artisans",
    pickupPoints: "Pickup points",
    cart: "Cart",
    cartCount_one: "Cart {{count}} item",
    cartCount_other: "Cart {{count}} items",
    search: "Search",
    searchPlaceholder: "Search bracelets, betel boxes, trays…",
    searchLabel: "Search products",
    language: "Language",
    switchTo: "Bahasa Indonesia",
    switchToLabel: "Ganti ke Bahasa Indonesia",
    menu: "Menu",
    signIn: "Sign in",
    workspace: {
      BUYER: "My account",
      ARTISAN: "Artisan studio",
      OPERATOR: "Rest-area console",
      ADMIN: "Cooperative admin",
    },
  },
  home: {
    accountDeleted:
      "Your account and its personal data are deleted. Thank you for shopping at Karya Sungging.",
    heroTitle: "Silver and copper from the hands of Ogan Ilir's artisans",
    heroText:
      "Thirty craftspeople from Tanjung Atap and Tanjung Batu Timur hammer, engrave and plate every piece. Order from Palembang, Bengkulu or Lampung, then collect at the toll-road rest area on your way.",
    heroCta: "Browse products",
    heroImageAlt: "Copper betel box engraved with a floral motif",
    featured: "Featured pieces",
    viewAll: "See all products",
    byMetal: "Shop by metal",
    metalSilver: "Silver",
    metalCopper: "Copper",
    metalAluminium: "Aluminium",
    metalSilverText: "Rings, bracelets, necklaces and earrings with South Sumatran motifs.",
    metalCopperText: "Betel boxes, trays, bowls and wall hangings.",
    metalAluminiumText: "Food carriers, rice steamers and cookware from Tanjung Atap.",
    howTitle: "How it works",
    howOrder: "Order online and pay by card, or pay when you collect.",
    howPickup: "Choose a rest area in your direction of travel, a day and a time.",
    howCollect: "Show your pickup code to the rest-area operator and take your parcel.",
    regionsTitle: "Collect at a toll-road rest area",
    noFeatured: "No featured pieces yet. Browse all our products.",
  },
  region: {
    PALEMBANG: "Palembang & Ogan Ilir",
    LAMPUNG: "Lampung",
    BENGKULU: "Bengkulu",
  },
  product: {
    madeToOrder: "Made to order",
    soldOut: "Sold out",
    from: "from",
    by: "by {{name}}",
  },
  footer: {
    about:
      "A joint business group of silver, copper and aluminium artisans from Tanjung Batu, Ogan Ilir, South Sumatra. Founded 2023.",
    contact: "Contact",
    whatsapp: "WhatsApp",
    email: "E-mail",
    address: "Address",
    pickupNote: "Every order is collected at a Trans-Sumatra toll-road rest area.",
    rights: "© {{year}} {{name}}",
  },
  errors: {
    notFoundTitle: "Page not found",
    notFoundText: "The page you are looking for does not exist or has moved.",
    forbiddenTitle: "Access denied",
    forbiddenText: "You do not have permission to open this page.",
    badRequestTitle: "We could not read that request",
    badRequestText:
      "What was sent could not be read (a form sent in another way, or a damaged address or upload). Nothing was saved. Go back, and send it again from the page.",
    genericTitle: "Sorry, something went wrong",
    genericText:
      "Something failed on our side. Please try again in a moment; if it keeps happening, contact us on WhatsApp.",
    backHome: "Back to the home page",
    reference: "Reference: {{id}}",
  },
};

export default en;

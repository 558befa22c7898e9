// Shapes of the demo catalogue that `npm run db:seed` loads. Plain data, no I/O.

export type SeedMetal = "SILVER" | "COPPER" | "ALUMINIUM";

/** What the generated product photo depicts; see product-art.ts. */
export type ArtKind =
  | "ring"
  | "bracelet"
  | "necklace"
  | "earrings"
  | "brooch"
  | "tepak"
  | "tray"
  | "bowl"
  | "tissue-box"
  | "wall-hanging"
  | "vase"
  | "rantang"
  | "dandang"
  | "kukusan"
  | "pan"
  | "kettle";

export type SeedArtisan = {
  slug: string;
  name: string;
  village: "Tanjung Atap" | "Tanjung Batu" | "Tanjung Batu Timur";
  specialties: SeedMetal[];
  craftingSince: number;
  storyId: string;
  storyEn: string;
  bankName: string;
  bankAccountNumber: string;
  bankAccountName: string;
};

export type SeedCategory = {
  slug: string;
  nameId: string;
  nameEn: string;
  descriptionId: string;
  descriptionEn: string;
  metal: SeedMetal;
};

export type SeedVariant = {
  sku: string;
  labelId: string;
  labelEn: string;
  metal: SeedMetal;
  finish: string | null;
  size: string | null;
  /** Integer rupiah. */
  priceRupiah: number;
  stock: number;
};

export type SeedProduct = {
  slug: string;
  artisan: string;
  category: string;
  art: ArtKind;
  titleId: string;
  titleEn: string;
  descriptionId: string;
  descriptionEn: string;
  materialsId: string;
  materialsEn: string;
  careId: string;
  careEn: string;
  /** Days an artisan needs before dispatch; 0 when the piece is in stock. */
  leadTimeDays: number;
  madeToOrder: boolean;
  weightGrams: number;
  featured: boolean;
  variants: SeedVariant[];
};

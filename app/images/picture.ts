import type { Locale } from "~/i18n/config";

/** What a page needs to draw one image responsively; built on the server, sent to the browser. */
export type Picture = {
  alt: string;
  width: number;
  height: number;
  placeholder: string;
  sources: { type: string; srcSet: string }[];
  fallback: string;
};

export type StoredImage = {
  width: number;
  height: number;
  placeholder: string;
  altId: string;
  altEn: string | null;
  renditions: { format: "AVIF" | "WEBP" | "JPEG"; width: number; key: string }[];
};

/** The Prisma selection that yields a StoredImage. */
export const storedImageSelect = {
  width: true,
  height: true,
  placeholder: true,
  altId: true,
  altEn: true,
  renditions: { select: { format: true, width: true, key: true } },
} as const;

const order = [
  { format: "AVIF", type: "image/avif" },
  { format: "WEBP", type: "image/webp" },
] as const;

export function toPicture(
  image: StoredImage,
  locale: Locale,
  publicUrl: (key: string) => string,
): Picture {
  const srcSet = (format: string) =>
    image.renditions
      .filter((r) => r.format === format)
      .sort((a, b) => a.width - b.width)
      .map((r) => `${publicUrl(r.key)} ${r.width}w`)
      .join(", ");
  const jpegs = image.renditions
    .filter((r) => r.format === "JPEG")
    .sort((a, b) => a.width - b.width);
  const fallback = jpegs.find((r) => r.width >= 900) ?? jpegs[jpegs.length - 1];
  return {
    alt: (locale === "en" && image.altEn) || image.altId,
    width: image.width,
    height: image.height,
    placeholder: image.placeholder,
    sources: [
      ...order.map(({ format, type }) => ({ type, srcSet: srcSet(format) })),
      { type: "image/jpeg", srcSet: srcSet("JPEG") },
    ].filter((s) => s.srcSet !== ""),
    fallback: fallback ? publicUrl(fallback.key) : "",
  };
}

import { describe, expect, it } from "vitest";
import { toPicture, type StoredImage } from "~/images/picture";

const image: StoredImage = {
  width: 960,
  height: 720,
  placeholder: "data:image/webp;base64,AAAA",
  altId: "Cincin perak motif bulan sabit",
  altEn: "Crescent moon silver ring",
  renditions: [
    { format: "WEBP", width: 960, key: "p/x/960.webp" },
    { format: "AVIF", width: 480, key: "p/x/480.avif" },
    { format: "WEBP", width: 480, key: "p/x/480.webp" },
    { format: "JPEG", width: 480, key: "p/x/480.jpg" },
    { format: "AVIF", width: 960, key: "p/x/960.avif" },
    { format: "JPEG", width: 960, key: "p/x/960.jpg" },
  ],
};

describe("toPicture", () => {
  it("offers AVIF, then WebP, then JPEG, each from the narrowest rendition up", () => {
    const picture = toPicture(image, "id", (key) => `/media/${key}`);
    expect(picture.sources).toEqual([
      { type: "image/avif", srcSet: "/media/p/x/480.avif 480w, /media/p/x/960.avif 960w" },
      { type: "image/webp", srcSet: "/media/p/x/480.webp 480w, /media/p/x/960.webp 960w" },
      { type: "image/jpeg", srcSet: "/media/p/x/480.jpg 480w, /media/p/x/960.jpg 960w" },
    ]);
    expect(picture.fallback).toBe("/media/p/x/960.jpg");
    expect(picture).toMatchObject({
      width: 960,
      height: 720,
      alt: "Cincin perak motif bulan sabit",
    });
  });

  it("describes the picture in the visitor's language, falling back to Indonesian", () => {
    expect(toPicture(image, "en", (k) => k).alt).toBe("Crescent moon silver ring");
    expect(toPicture({ ...image, altEn: null }, "en", (k) => k).alt).toBe(
      "Cincin perak motif bulan sabit",
    );
  });
});

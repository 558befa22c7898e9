import sharp, { type Sharp } from "sharp";
import type { ImageFormat } from "~/generated/prisma/enums";

/** Widths served in srcset; phones take 480 or 960, wide screens 1440. */
export const RENDITION_WIDTHS = [480, 960, 1440] as const;

const MAX_INPUT_PIXELS = 40_000_000;

export type Rendition = {
  format: ImageFormat;
  width: number;
  height: number;
  body: Buffer;
};

export type ProcessedImage = {
  width: number;
  height: number;
  /** data: URI of a ~16 px blurred WebP, painted while the real image loads. */
  placeholder: string;
  renditions: Rendition[];
};

export const contentTypes: Record<ImageFormat, string> = {
  AVIF: "image/avif",
  WEBP: "image/webp",
  JPEG: "image/jpeg",
};

export const extensions: Record<ImageFormat, string> = { AVIF: "avif", WEBP: "webp", JPEG: "jpg" };

/**
 * Turns one picture into the files the storefront serves: upright (EXIF orientation applied),
 * without any metadata (sharp writes none unless asked, so GPS positions never leave the phone),
 * at each width up to the original's, in AVIF, WebP and JPEG.
 */
export async function processImage(
  input: Buffer,
  { quick = false }: { quick?: boolean } = {},
): Promise<ProcessedImage> {
  // AVIF is by far the slowest encoder; effort 0 is 4× faster for ~25 % larger files, which is
  // right for generated demo pictures and wrong for an artisan's photos. For a 12 MP phone photo
  // at 1440 px, effort 1 with 4:2:0 chroma (as WebP and JPEG have) measured 2.7× faster than
  // effort 2 at 4:4:4 and 15 % smaller at the same luma PSNR; it keeps an upload under 2 s of one
  // core (npm run bench:images).
  const avifEffort = quick ? 0 : 1;
  // Decode once into raw pixels (upright, sRGB); every size and format is made from those.
  const source = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
    .rotate()
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  const largest = Math.min(source.info.width, Math.max(...RENDITION_WIDTHS));
  const widths = [...RENDITION_WIDTHS.filter((width) => width < largest), largest];

  const renditions = (
    await Promise.all(
      widths.map(async (width) => {
        const resized = await fromRaw(source)
          .resize({ width })
          .raw()
          .toBuffer({ resolveWithObject: true });
        const { height } = resized.info;
        return Promise.all([
          encode(
            fromRaw(resized).avif({ quality: 55, effort: avifEffort, chromaSubsampling: "4:2:0" }),
            "AVIF",
            width,
            height,
          ),
          encode(fromRaw(resized).webp({ quality: 78, effort: 4 }), "WEBP", width, height),
          encode(
            fromRaw(resized)
              .flatten({ background: "#ffffff" })
              .jpeg({ quality: 80, mozjpeg: true }),
            "JPEG",
            width,
            height,
          ),
        ]);
      }),
    )
  ).flat();

  const tiny = await fromRaw(source).resize({ width: 16 }).blur(1).webp({ quality: 40 }).toBuffer();
  return {
    width: source.info.width,
    height: source.info.height,
    placeholder: `data:image/webp;base64,${tiny.toString("base64")}`,
    renditions,
  };
}

type RawImage = { data: Buffer; info: { width: number; height: number; channels: number } };

function fromRaw({ data, info }: RawImage): Sharp {
  const channels = info.channels as 1 | 2 | 3 | 4;
  return sharp(data, { raw: { width: info.width, height: info.height, channels } });
}

async function encode(
  pipeline: Sharp,
  format: ImageFormat,
  width: number,
  height: number,
): Promise<Rendition> {
  return { format, width, height, body: await pipeline.toBuffer() };
}

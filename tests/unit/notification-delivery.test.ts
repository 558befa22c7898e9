import { describe, expect, it } from "vitest";
import { readConfig } from "~/config.server";
import { messageIdFor, senderDomain } from "~/notifications/channels/email.server";
import { whatsAppBody, whatsAppRequest } from "~/notifications/channels/whatsapp.server";
import {
  afterFailure,
  maskRecipient,
  retryDelayMs,
  shortError,
} from "~/notifications/delivery-rules";
import { isTemplateName, renderMessage } from "~/notifications/templates";

const policy = { maxAttempts: 8, retryBaseMs: 30_000, retryMaxMs: 3_600_000 };

describe("retry delays", () => {
  it("double with every failure, between half and all of 30 s × 2^(n−1)", () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(15_000);
    expect(retryDelayMs(1, policy, () => 1)).toBe(30_000);
    expect(retryDelayMs(2, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(4, policy, () => 0.5)).toBe(180_000);
    for (let n = 1; n <= 7; n++) {
      const full = 30_000 * 2 ** (n - 1);
      const delay = retryDelayMs(n, policy);
      expect(delay).toBeGreaterThanOrEqual(full / 2);
      expect(delay).toBeLessThanOrEqual(full);
    }
  });

  it("never wait longer than the cap, however many failures", () => {
    expect(retryDelayMs(20, policy, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(5_000, policy, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(5_000, policy, () => 0)).toBe(1_800_000);
  });

  it("spread messages that failed together", () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, policy)));
    expect(delays.size).toBeGreaterThan(10);
  });
});

describe("after a failure", () => {
  const now = new Date("2026-11-28T03:00:00Z");

  it("a message waits for its next attempt until its last, then is dead", () => {
    const next = afterFailure({ attempts: 1, permanent: false, now }, policy, () => 1);
    expect(next).toEqual({ status: "PENDING", nextAttemptAt: new Date(now.getTime() + 30_000) });
    expect(afterFailure({ attempts: 7, permanent: false, now }, policy).status).toBe("PENDING");
    expect(afterFailure({ attempts: 8, permanent: false, now }, policy)).toEqual({
      status: "DEAD",
      nextAttemptAt: null,
    });
  });

  it("a permanent refusal is dead at once", () => {
    expect(afterFailure({ attempts: 1, permanent: true, now }, policy).status).toBe("DEAD");
  });
});

describe("what staff see", () => {
  it("a phone number by its last three digits, an e-mail address by its first letter", () => {
    expect(maskRecipient("+6281234567890")).toBe("•••890");
    expect(maskRecipient("sari.wulandari@example.test")).toBe("s•••@•••");
    expect(maskRecipient("")).toBe("•••");
  });

  it("an error on one short line, without tokens or passwords", () => {
    expect(shortError("connect\n  ECONNREFUSED   127.0.0.1:25")).toBe(
      "connect ECONNREFUSED 127.0.0.1:25",
    );
    expect(shortError("Invalid login for smtps://shop:hunter2@mail.example.test")).toBe(
      "Invalid login for smtps://shop:[redacted]@mail.example.test",
    );
    expect(shortError("sent Authorization: Bearer EAAGabc.def-123")).toBe(
      "sent Authorization: Bearer [redacted]",
    );
    expect(shortError("token EAAGsecret0123 refused", ["EAAGsecret0123"])).toBe(
      "token [redacted] refused",
    );
    expect(shortError("x".repeat(1000))).toHaveLength(300);
  });
});

describe("idempotency keys on the wire", () => {
  it("e-mail: the same key always makes the same Message-ID, at the sender's domain", () => {
    expect(senderDomain("Karya Sungging <pesanan@karyasungging.id>")).toBe("karyasungging.id");
    expect(senderDomain("pesanan@karyasungging.id")).toBe("karyasungging.id");
    const id = messageIdFor("order.paid:abc:paid", "karyasungging.id");
    expect(id).toMatch(/^<[0-9a-f]{40}@karyasungging\.id>$/);
    expect(messageIdFor("order.paid:abc:paid", "karyasungging.id")).toBe(id);
    expect(messageIdFor("order.paid:abd:paid", "karyasungging.id")).not.toBe(id);
  });

  it("WhatsApp: a text message to the number without its plus, with the key as callback data", () => {
    expect(
      whatsAppRequest({
        idempotencyKey: "order.paid:abc:paid",
        to: "+6281234567890",
        locale: "id",
        template: "order.paid",
        subject: "Pembayaran diterima",
        text: "Halo",
      }),
    ).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "6281234567890",
      type: "text",
      text: { preview_url: true, body: "*Pembayaran diterima*\n\nHalo" },
      biz_opaque_callback_data: "order.paid:abc:paid",
    });
    expect(whatsAppBody("S", "x".repeat(5000))).toHaveLength(4096);
  });
});

describe("channel settings", () => {
  it("SMTP_URL and MAIL_FROM go together, as do the WhatsApp token and number id", () => {
    expect(() => readConfig({ SMTP_URL: "smtp://localhost:25" })).toThrow(
      /^MAIL_FROM and SMTP_URL go together/,
    );
    expect(() => readConfig({ WHATSAPP_TOKEN: "EAAG0123456789abcdefghij" })).toThrow(
      /^WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_TOKEN go together/,
    );
    expect(() => readConfig({ SMTP_URL: "http://mail", MAIL_FROM: "a@b.id" })).toThrow(
      /SMTP_URL must start with smtp:\/\/ or smtps:\/\//,
    );
  });

  it("are off by default: messages go to the log, sent by the app process", () => {
    const config = readConfig({});
    expect(config.mail).toBeNull();
    expect(config.whatsapp).toBeNull();
    expect(config.NOTIFY_WORKER).toBe("inline");
    expect(config.notify).toEqual({
      maxAttempts: 8,
      retryBaseMs: 30_000,
      retryMaxMs: 3_600_000,
      pollMs: 5_000,
      concurrency: 4,
      leaseMs: 120_000,
    });
  });

  it("configure both channels, with Meta's API address by default", () => {
    const config = readConfig({
      SMTP_URL: "smtps://shop:secret@smtp.example.test:465",
      MAIL_FROM: "Karya Sungging <pesanan@karyasungging.id>",
      WHATSAPP_TOKEN: "EAAG0123456789abcdefghij",
      WHATSAPP_PHONE_NUMBER_ID: "109876543210987",
      NOTIFY_RETRY_BASE_SECONDS: "0.2",
      NOTIFY_WORKER: "off",
    });
    expect(config.mail?.from).toBe("Karya Sungging <pesanan@karyasungging.id>");
    expect(config.whatsapp).toEqual({
      apiUrl: "https://graph.facebook.com/v21.0",
      phoneNumberId: "109876543210987",
      token: "EAAG0123456789abcdefghij",
    });
    expect(config.notify.retryBaseMs).toBe(200);
    expect(() => readConfig({ NOTIFY_WORKER: "sometimes" })).toThrow(/^NOTIFY_WORKER /);
  });
});

describe("reminder texts", () => {
  const payload = {
    name: "Sari",
    number: "KS-261128-7QX4",
    url: "https://karyasungging.id/orders/KS-261128-7QX4",
    restArea: "Rest Area KM 56 A",
    pickupDay: "2026-11-29",
    window: "09.00–12.00 WIB",
    pickupCode: "482913",
    lastDay: "2026-12-01",
    amountDueRupiah: 175_000,
  };

  it("exist in both languages", () => {
    expect(isTemplateName("order.pickup_tomorrow")).toBe(true);
    expect(isTemplateName("order.unknown")).toBe(false);
    const id = renderMessage("order.pickup_tomorrow", "id", payload);
    const en = renderMessage("order.pickup_tomorrow", "en", payload);
    expect(id.subject).toBe("Besok: ambil pesanan KS-261128-7QX4 di Rest Area KM 56 A");
    expect(en.subject).toBe("Tomorrow: collect order KS-261128-7QX4 at Rest Area KM 56 A");
    expect(id.text).toContain("Kode ambil: 482913");
    expect(en.text).toContain("To pay at the counter: Rp");
    const paid = renderMessage("order.pickup_tomorrow", "en", { ...payload, amountDueRupiah: 0 });
    expect(paid.text).not.toContain("To pay");

    const hold = { ...payload, hours: "08.00–20.00 WIB" };
    expect(renderMessage("order.hold_ends_tomorrow", "id", hold).subject).toBe(
      "Pesanan KS-261128-7QX4 menunggu sampai besok",
    );
    expect(renderMessage("order.hold_ends_tomorrow", "en", hold).text).toContain(
      "is the last day to collect it (the counter is open 08.00–20.00 WIB)",
    );
  });
});

// The notification worker against a real database and real peers: e-mail goes to a real SMTP
// server (the smtp-server package, started here) through Nodemailer, WhatsApp to a local fake of
// the Cloud API. Failures are retried with backoff and end as dead letters an admin can send
// again; two workers never send a row twice; a worker that died mid-send is taken over; rows
// whose person or order is gone are given up without stopping the others; reminders are written
// once per order and day.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rereadAppConfig } from "~/config.server";
import { prisma } from "~/db.server";
import { addDaysToKey } from "~/operator/counter-days";
import { messageIdFor } from "~/notifications/channels/email.server";
import { enqueueNotification } from "~/notifications/outbox.server";
import { enqueueReminders } from "~/notifications/reminders.server";
import {
  claimDueNotifications,
  closeNotificationChannels,
  deliverDueNotifications,
  startNotificationWorker,
  workerSettings,
} from "~/notifications/worker.server";
import type { TemplatePayload } from "~/notifications/templates";
import { wibDateKey } from "~/lib/dates";
import { action, loader } from "~/routes/admin.notifications._index";
import { makeUser, sessionCookieFor, siteRequest, testContext } from "../setup/accounts";
import {
  makePiece,
  makeRestArea,
  openShop,
  placeGuestOrder,
  type Shop,
  type TestRestArea,
} from "../setup/orders";

// ── a real SMTP server ───────────────────────────────────────────────────────────────────────

type Mail = { from: string; to: string[]; raw: string };
const mails: Mail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  // Plain SMTP on loopback: no certificate for Nodemailer to refuse.
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      mails.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        raw: Buffer.concat(chunks).toString("utf8"),
      });
      callback();
    });
  },
});

/** Headers (unfolded, encoded words decoded) and the text body of a captured message. */
function readMail(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  let body = raw.slice(split + 4);
  const encoding = headers.get("content-transfer-encoding")?.toLowerCase();
  if (encoding === "quoted-printable") {
    body = Buffer.from(
      body
        .replace(/=\r\n/g, "")
        .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`)
        .replace(/%(?![0-9A-F]{2})/gi, "%25"),
      "utf8",
    ).toString();
    body = decodeURIComponent(body);
  } else if (encoding === "base64") {
    body = Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  }
  return { headers, body: body.replace(/\r\n/g, "\n") };
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeURIComponent(
            text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`),
          ),
    );
}

// ── a fake WhatsApp Cloud API ────────────────────────────────────────────────────────────────

type CloudRequest = {
  method: string;
  path: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  body: {
    messaging_product: string;
    recipient_type: string;
    to: string;
    type: string;
    text: { body: string; preview_url: boolean };
    biz_opaque_callback_data: string;
  };
};
const cloudRequests: CloudRequest[] = [];
let cloudAnswer: { status: number; delayMs: number } = { status: 200, delayMs: 0 };
const cloud = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as CloudRequest["body"];
    cloudRequests.push({
      method: request.method ?? "",
      path: request.url ?? "",
      authorization: request.headers.authorization,
      idempotencyKey: request.headers["idempotency-key"] as string | undefined,
      body,
    });
    const { status, delayMs } = cloudAnswer;
    setTimeout(() => {
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end(
        JSON.stringify(
          status === 200
            ? {
                messaging_product: "whatsapp",
                contacts: [{ input: body.to, wa_id: body.to }],
                messages: [{ id: `wamid.${cloudRequests.length}` }],
              }
            : {
                error: {
                  message: "Service temporarily unavailable",
                  type: "OAuthException",
                  code: 2,
                  fbtrace_id: "Atest",
                },
              },
        ),
      );
    }, delayMs);
  });
});

const TOKEN = "EAAGtesttoken0123456789abcdefSECRET";
const PHONE_NUMBER_ID = "109876543210987";
const SETTINGS = {
  SMTP_URL: "",
  MAIL_FROM: "Karya Sungging <pesanan@karyasungging.test>",
  WHATSAPP_TOKEN: TOKEN,
  WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
  WHATSAPP_API_URL: "",
  NOTIFY_MAX_ATTEMPTS: "3",
  NOTIFY_RETRY_BASE_SECONDS: "30",
  NOTIFY_RETRY_MAX_SECONDS: "3600",
  NOTIFY_LEASE_SECONDS: "60",
  NOTIFY_POLL_SECONDS: "0.02",
  NOTIFY_CONCURRENCY: "4",
};
const saved: Record<string, string | undefined> = {};

let shop: Shop;
let restArea: TestRestArea;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => cloud.listen(0, "127.0.0.1", resolve));
  SETTINGS.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  SETTINGS.WHATSAPP_API_URL = `http://127.0.0.1:${(cloud.address() as AddressInfo).port}/v21.0`;
  for (const [name, value] of Object.entries(SETTINGS)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  rereadAppConfig();
  shop = await openShop();
  restArea = await makeRestArea();
});

afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rereadAppConfig();
  await closeNotificationChannels();
  await new Promise<void>((resolve) => smtp.close(resolve));
  await new Promise<void>((resolve) => cloud.close(() => resolve()));
});

beforeEach(async () => {
  // Every test starts with an empty outbox of its own (orders placed here write messages too).
  await prisma.notification.deleteMany();
  mails.length = 0;
  cloudRequests.length = 0;
  cloudAnswer = { status: 200, delayMs: 0 };
});

let counter = 0;
function cancelled(name: string, number = `KS-261128-T${String(++counter).padStart(3, "0")}`) {
  return {
    name,
    number,
    url: `https://karyasungging.test/orders/${number}`,
    refundRupiah: 0,
    byShop: false,
  } satisfies TemplatePayload<"order.cancelled">;
}

async function enqueue(input: {
  key: string;
  locale?: "id" | "en";
  email?: string;
  phone?: string;
  name?: string;
  userId?: string;
  orderId?: string;
}) {
  await enqueueNotification(prisma, {
    template: "order.cancelled",
    locale: input.locale ?? "id",
    recipient: { email: input.email ?? null, phone: input.phone ?? null },
    payload: cancelled(input.name ?? "Sari"),
    idempotencyKey: input.key,
    userId: input.userId ?? null,
    orderId: input.orderId ?? null,
  });
  return prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: input.key } });
}

const row = (key: string) =>
  prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: key } });

describe("e-mail through a real SMTP server", () => {
  it("delivers each message in the recipient's language with a Message-ID made from its key", async () => {
    const english = await enqueue({
      key: "test:mail:en",
      locale: "en",
      email: "rina@example.test",
      name: "Rina",
    });
    const bahasa = await enqueue({
      key: "test:mail:id",
      locale: "id",
      email: "budi@example.test",
      name: "Budi",
    });
    expect(english.channel).toBe("EMAIL");
    expect(bahasa.channel).toBe("EMAIL");

    const stats = await deliverDueNotifications();
    expect(stats).toMatchObject({ claimed: 2, sent: 2, retried: 0, dead: 0 });
    expect(mails).toHaveLength(2);

    const toRina = mails.find((mail) => mail.to.includes("rina@example.test"))!;
    const rina = readMail(toRina.raw);
    expect(toRina.from).toBe("pesanan@karyasungging.test");
    expect(rina.headers.get("subject")).toMatch(/^Order KS-261128-T\d+ is cancelled$/);
    expect(rina.body).toContain("Hello Rina,");
    expect(rina.body).toContain("You have not been charged.");
    expect(rina.headers.get("message-id")).toBe(messageIdFor("test:mail:en", "karyasungging.test"));
    expect(rina.headers.get("x-idempotency-key")).toBe("test:mail:en");

    const toBudi = mails.find((mail) => mail.to.includes("budi@example.test"))!;
    const budi = readMail(toBudi.raw);
    expect(budi.headers.get("subject")).toMatch(/^Pesanan KS-261128-T\d+ dibatalkan$/);
    expect(budi.body).toContain("Halo Budi,");
    expect(budi.body).toContain("Anda tidak dikenai biaya apa pun.");
    expect(budi.headers.get("message-id")).toBe(messageIdFor("test:mail:id", "karyasungging.test"));

    for (const key of ["test:mail:en", "test:mail:id"]) {
      const sent = await row(key);
      expect(sent).toMatchObject({
        status: "SENT",
        attempts: 1,
        lastError: null,
        lockedUntil: null,
      });
      expect(sent.sentAt).toBeInstanceOf(Date);
    }
    // Nothing is due any more: a second pass sends nothing.
    expect((await deliverDueNotifications()).claimed).toBe(0);
    expect(mails).toHaveLength(2);
  });
});

describe("WhatsApp through the Cloud API", () => {
  it("posts a text message with the bearer token, the idempotency key and the buyer's language", async () => {
    const message = await enqueue({
      key: "test:wa:shape",
      phone: "+6281234567891",
      email: "sari@example.test",
      name: "Sari",
    });
    // A phone number and WhatsApp configured: WhatsApp wins over e-mail.
    expect(message.channel).toBe("WHATSAPP");
    expect(message.recipient).toBe("+6281234567891");

    expect(await deliverDueNotifications()).toMatchObject({ sent: 1 });
    expect(cloudRequests).toHaveLength(1);
    const [request] = cloudRequests;
    expect(request).toMatchObject({
      method: "POST",
      path: `/v21.0/${PHONE_NUMBER_ID}/messages`,
      authorization: `Bearer ${TOKEN}`,
      idempotencyKey: "test:wa:shape",
      body: {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: "6281234567891",
        type: "text",
        biz_opaque_callback_data: "test:wa:shape",
      },
    });
    expect(request!.body.text.body).toMatch(/^\*Pesanan KS-261128-T\d+ dibatalkan\*\n\nHalo Sari,/);
    expect(mails).toHaveLength(0);
    expect((await row("test:wa:shape")).status).toBe("SENT");
  });

  it("retries a failing peer with growing waits, gives up after the last attempt, and sends again when an admin asks", async () => {
    cloudAnswer = { status: 500, delayMs: 0 };
    await enqueue({ key: "test:wa:failing", phone: "+6281234567789", name: "Dewi" });
    const policy = workerSettings();
    expect(policy.maxAttempts).toBe(3);

    // Attempt 1 fails: back in 15–30 s (30 s base, equal jitter).
    const start = new Date();
    expect(await deliverDueNotifications({ now: start })).toMatchObject({ retried: 1 });
    let state = await row("test:wa:failing");
    expect(state).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null });
    expect(state.lastError).toMatch(
      /^WhatsApp API answered 500: \(#2\) Service temporarily unavailable$/,
    );
    const firstWait = state.nextAttemptAt.getTime() - start.getTime();
    expect(firstWait).toBeGreaterThanOrEqual(15_000);
    expect(firstWait).toBeLessThanOrEqual(30_000);

    // Not due yet: nothing is sent before its time.
    expect(
      (await deliverDueNotifications({ now: new Date(start.getTime() + 14_000) })).claimed,
    ).toBe(0);
    expect(cloudRequests).toHaveLength(1);

    // Attempt 2 fails: the wait doubles, 30–60 s.
    const second = new Date(state.nextAttemptAt.getTime() + 1);
    expect(await deliverDueNotifications({ now: second })).toMatchObject({ retried: 1 });
    state = await row("test:wa:failing");
    expect(state).toMatchObject({ status: "PENDING", attempts: 2 });
    const secondWait = state.nextAttemptAt.getTime() - second.getTime();
    expect(secondWait).toBeGreaterThanOrEqual(30_000);
    expect(secondWait).toBeLessThanOrEqual(60_000);

    // Attempt 3 of 3 fails: dead, and it stays so.
    const third = new Date(state.nextAttemptAt.getTime() + 1);
    expect(await deliverDueNotifications({ now: third })).toMatchObject({ dead: 1 });
    state = await row("test:wa:failing");
    expect(state).toMatchObject({ status: "DEAD", attempts: 3, lockedUntil: null });
    expect(state.lastError).not.toContain(TOKEN);
    expect(
      (await deliverDueNotifications({ now: new Date(third.getTime() + 86_400_000) })).claimed,
    ).toBe(0);
    expect(cloudRequests).toHaveLength(3);
    expect(new Set(cloudRequests.map((r) => r.idempotencyKey))).toEqual(
      new Set(["test:wa:failing"]),
    );

    // The admin sees it first, masked, and sends it again.
    const admin = await makeUser({ role: "ADMIN" });
    const cookie = await sessionCookieFor(admin.id);
    await enqueue({ key: "test:wa:later", phone: "+6281234567000" });
    const page = await loader({
      request: siteRequest("/admin/notifications", { cookie }),
      params: {},
      context: testContext,
    });
    expect(page.counts).toMatchObject({ DEAD: 1, PENDING: 1 });
    expect(page.rows[0]).toMatchObject({
      id: state.id,
      status: "DEAD",
      template: "order.cancelled",
      recipient: "•••789",
      attempts: 3,
      lastError: state.lastError,
    });
    expect(JSON.stringify(page)).not.toContain("6281234567789");
    const deadOnly = await loader({
      request: siteRequest("/admin/notifications?status=DEAD", { cookie }),
      params: {},
      context: testContext,
    });
    expect(deadOnly.rows.map((r) => r.id)).toEqual([state.id]);

    // A form without an intent is refused; a message that is not dead cannot be "retried".
    const empty = (await action({
      request: siteRequest("/admin/notifications", { cookie, form: {} }),
      params: {},
      context: testContext,
    })) as unknown as { init: { status: number } };
    expect(empty.init.status).toBe(400);
    const pending = await row("test:wa:later");
    const notDead = (await action({
      request: siteRequest("/admin/notifications", {
        cookie,
        form: { intent: "retry", id: pending.id },
      }),
      params: {},
      context: testContext,
    })) as unknown as { init: { status: number } };
    expect(notDead.init.status).toBe(409);

    cloudAnswer = { status: 200, delayMs: 0 };
    const retried = (await action({
      request: siteRequest("/admin/notifications?status=DEAD", {
        cookie,
        form: { intent: "retry", id: state.id },
      }),
      params: {},
      context: testContext,
    })) as Response;
    expect(retried.status).toBe(302);
    expect(retried.headers.get("Location")).toBe("/admin/notifications?status=DEAD&done=1");
    expect(await row("test:wa:failing")).toMatchObject({ status: "PENDING", attempts: 0 });
    const audited = await prisma.auditLog.findFirstOrThrow({
      where: { action: "admin.notifications_retried", entityId: state.id },
    });
    expect(audited.actorUserId).toBe(admin.id);

    await deliverDueNotifications();
    expect(await row("test:wa:failing")).toMatchObject({
      status: "SENT",
      attempts: 1,
      lastError: null,
    });
    expect(cloudRequests.filter((r) => r.idempotencyKey === "test:wa:failing")).toHaveLength(4);
  });

  it("gives up at once when the peer refuses the message for good", async () => {
    cloudAnswer = { status: 400, delayMs: 0 };
    await enqueue({ key: "test:wa:refused", phone: "+6281234567111" });
    expect(await deliverDueNotifications()).toMatchObject({ dead: 1 });
    expect(await row("test:wa:refused")).toMatchObject({ status: "DEAD", attempts: 1 });
  });
});

describe("several workers", () => {
  it("never send a row twice, however many run at once", async () => {
    cloudAnswer = { status: 200, delayMs: 5 };
    const keys = Array.from({ length: 40 }, (_, i) => `test:many:${i}`);
    for (const [i, key] of keys.entries()) {
      await enqueue({ key, phone: `+628123450${String(1000 + i)}` });
    }
    const settings = { ...workerSettings(), pollMs: 10, concurrency: 4 };
    const first = startNotificationWorker({ settings, name: "first" });
    const second = startNotificationWorker({ settings, name: "second" });
    // And two one-off passes at the same moment, for good measure.
    const passes = await Promise.all([
      deliverDueNotifications({ limit: 10 }),
      deliverDueNotifications({ limit: 10 }),
    ]);
    const deadline = Date.now() + 30_000;
    while ((await prisma.notification.count({ where: { status: "SENT" } })) < keys.length) {
      if (Date.now() > deadline) throw new Error("The workers did not send everything in 30 s");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await Promise.all([first.stop(), second.stop()]);

    const perKey = new Map<string, number>();
    for (const request of cloudRequests) {
      perKey.set(request.idempotencyKey!, (perKey.get(request.idempotencyKey!) ?? 0) + 1);
    }
    expect(cloudRequests).toHaveLength(keys.length);
    expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(perKey.keys())).toEqual(new Set(keys));
    const sentBy = first.stats.sent + second.stats.sent + passes[0]!.sent + passes[1]!.sent;
    expect(sentBy).toBe(keys.length);
    expect(await prisma.notification.count({ where: { attempts: { not: 1 } } })).toBe(0);
  });

  it("takes over a row whose worker died mid-send once its lease is over", async () => {
    const message = await enqueue({ key: "test:lease", phone: "+6281234567222" });
    const settings = workerSettings();
    // A worker claims it and dies (SIGKILL) before it can record anything.
    const [claimed] = await claimDueNotifications(1, settings);
    expect(claimed?.id).toBe(message.id);
    const held = await row("test:lease");
    expect(held.status).toBe("SENDING");
    expect(held.lockedUntil!.getTime()).toBeGreaterThan(Date.now());

    // While the lease lasts, nobody else touches it.
    expect((await deliverDueNotifications()).claimed).toBe(0);
    // After it, another worker sends it — with the same idempotency key.
    const later = new Date(held.lockedUntil!.getTime() + 1_000);
    expect(await deliverDueNotifications({ now: later })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await row("test:lease")).toMatchObject({ status: "SENT", attempts: 2 });
    expect(cloudRequests.map((r) => r.idempotencyKey)).toEqual(["test:lease"]);

    // A row whose worker died on its last attempt is given up, not taken over forever.
    await enqueue({ key: "test:lease:last", phone: "+6281234567333" });
    await prisma.notification.update({
      where: { idempotencyKey: "test:lease:last" },
      data: { status: "SENDING", attempts: 3, lockedUntil: new Date(Date.now() - 1_000) },
    });
    expect((await deliverDueNotifications()).claimed).toBe(0);
    const stuck = await row("test:lease:last");
    expect(stuck.status).toBe("DEAD");
    expect(stuck.lastError).toMatch(/stopped while sending/);
  });
});

describe("messages that cannot be delivered", () => {
  it("are given up with a clear reason, and the others still go out", async () => {
    const gone = await makeUser({ role: "BUYER" });
    await enqueue({ key: "test:gone:user", email: gone.email, userId: gone.id });
    await prisma.user.delete({ where: { id: gone.id } });

    const piece = await makePiece(shop, { stock: 5 });
    const order = await placeGuestOrder({
      restArea,
      lines: [{ variantId: piece.variantId, quantity: 1 }],
    });
    await prisma.notification.deleteMany({ where: { orderId: order.id } }); // "order.placed"
    await enqueue({ key: "test:gone:contact", phone: "+6281234567444", orderId: order.id });
    // The buyer deleted their account: the order keeps no name or contact.
    await prisma.order.update({
      where: { id: order.id },
      data: { buyerName: "Akun dihapus", buyerPhone: "", buyerEmail: null },
    });
    await enqueue({ key: "test:gone:order", phone: "+6281234567555", orderId: "no-such-order" });
    await enqueue({ key: "test:bad:email", email: "sari@example.test" });
    await prisma.notification.update({
      where: { idempotencyKey: "test:bad:email" },
      data: { recipient: "not an address" },
    });
    await prisma.notification.create({
      data: {
        idempotencyKey: "test:bad:template",
        channel: "LOG",
        recipient: "+6281234567666",
        template: "order.teleported",
        payload: {},
      },
    });
    await enqueue({ key: "test:healthy", phone: "+6281234567777" });

    const stats = await deliverDueNotifications();
    expect(stats).toMatchObject({ claimed: 6, sent: 1, dead: 5 });
    expect(await row("test:healthy")).toMatchObject({ status: "SENT" });
    const reasons = Object.fromEntries(
      await Promise.all(
        [
          "test:gone:user",
          "test:gone:contact",
          "test:gone:order",
          "test:bad:email",
          "test:bad:template",
        ].map(async (key) => [key, (await row(key)).lastError] as const),
      ),
    );
    expect(reasons).toEqual({
      "test:gone:user": "The recipient's account was deleted",
      "test:gone:contact": "The buyer deleted their account: the order keeps no contact",
      "test:gone:order": "The order no longer exists",
      "test:bad:email": "No usable recipient: not an e-mail address",
      "test:bad:template": 'Unknown template "order.teleported"',
    });
    expect(mails).toHaveLength(0);
    expect(cloudRequests.map((r) => r.idempotencyKey)).toEqual(["test:healthy"]);
  });
});

describe("reminders", () => {
  it("writes the day-before-pickup and day-before-hold-ends reminders once each, in the buyer's language", async () => {
    const today = wibDateKey(new Date());
    const tomorrow = addDaysToKey(today, 1);
    const morning = new Date(`${today}T10:00:00+07:00`);
    const piece = await makePiece(shop, { stock: 5, priceRupiah: 175_000 });
    const lines = [{ variantId: piece.variantId, quantity: 1 }];
    const arriving = await placeGuestOrder({ restArea, lines });
    const waiting = await placeGuestOrder({ restArea, lines });
    const elsewhere = await placeGuestOrder({ restArea, lines });
    const { holdDays } = await prisma.restArea.findUniqueOrThrow({ where: { id: restArea.id } });
    expect(holdDays).toBe(3);
    await prisma.order.update({
      where: { id: arriving.id },
      data: { status: "IN_TRANSIT", pickupDate: new Date(`${tomorrow}T00:00:00Z`), locale: "en" },
    });
    // Waiting since yesterday with a three-day hold: tomorrow is its last day.
    await prisma.order.update({
      where: { id: waiting.id },
      data: {
        status: "READY_FOR_PICKUP",
        pickupDate: new Date(`${addDaysToKey(today, -1)}T00:00:00Z`),
      },
    });
    // Still being made: no reminder.
    await prisma.order.update({
      where: { id: elsewhere.id },
      data: { status: "PREPARING", pickupDate: new Date(`${tomorrow}T00:00:00Z`) },
    });
    await prisma.notification.deleteMany();

    // Not in the night before.
    expect(await enqueueReminders(new Date(`${today}T06:00:00+07:00`))).toEqual({
      pickupTomorrow: 0,
      holdEndsTomorrow: 0,
    });
    // Two processes at the same moment, then the next runs of the day.
    await Promise.all([enqueueReminders(morning), enqueueReminders(morning)]);
    expect(await enqueueReminders(new Date(`${today}T15:00:00+07:00`))).toEqual({
      pickupTomorrow: 0,
      holdEndsTomorrow: 0,
    });

    const rows = await prisma.notification.findMany({ orderBy: { template: "asc" } });
    expect(rows.map((r) => [r.template, r.idempotencyKey, r.locale])).toEqual([
      ["order.hold_ends_tomorrow", `order.hold_ends_tomorrow:${waiting.id}:${tomorrow}`, "id"],
      ["order.pickup_tomorrow", `order.pickup_tomorrow:${arriving.id}:${tomorrow}`, "en"],
    ]);

    await deliverDueNotifications();
    const { pickupCode } = await prisma.order.findUniqueOrThrow({ where: { id: arriving.id } });
    const english = cloudRequests.find((r) =>
      r.idempotencyKey?.startsWith("order.pickup_tomorrow"),
    );
    expect(english!.body.text.body).toContain(`Tomorrow: collect order ${arriving.number}`);
    expect(english!.body.text.body).toContain(`Pickup code: ${pickupCode}`);
    expect(english!.body.text.body).toContain("To pay at the counter: Rp");
    const bahasa = cloudRequests.find((r) =>
      r.idempotencyKey?.startsWith("order.hold_ends_tomorrow"),
    );
    expect(bahasa!.body.text.body).toContain(`Pesanan ${waiting.number} menunggu sampai besok`);
    expect(bahasa!.body.text.body).toContain("hari terakhir untuk mengambilnya");
  });
});

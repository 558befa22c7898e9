import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import messages from "~/account/messages";
import { verifyPassword } from "~/accounts/password.server";
import { currentUser, hashSecret } from "~/accounts/session.server";
import { issueToken } from "~/accounts/tokens.server";
import { prisma } from "~/db.server";
import { formatPhone } from "~/lib/phone";
import type { OrderStatus } from "~/generated/prisma/client";
import { action as accountAction, loader as accountLoader } from "~/routes/account._index";
import { loader as dataLoader } from "~/routes/account.data";
import { action as deleteAction, loader as deleteLoader } from "~/routes/account.delete";
import { action as signInAction } from "~/routes/sign-in";
import { action as undoAction, loader as undoLoader } from "~/routes/undo-contact-change.$token";
import { action as verifyAction, loader as verifyLoader } from "~/routes/verify.$token";
import { makeUser, sessionCookieFor, siteRequest, testContext } from "../setup/accounts";

const texts = messages.id;

// Checking a password spends the client's sign-in budget (10 a minute): each test asks from its
// own address, so the limit only trips where a test means it to.
let address = 0;
function client() {
  address += 1;
  return { ...testContext, clientIp: `192.0.2.${address}` };
}

/** What a loader or action answered: a redirect, or data with its status. */
async function answered(outcome: Promise<unknown>) {
  let result: unknown;
  try {
    result = await outcome;
  } catch (thrown) {
    if (thrown instanceof Response) result = thrown;
    else throw thrown;
  }
  if (result instanceof Response) {
    return {
      status: result.status,
      location: result.headers.get("Location"),
      setCookie: result.headers.get("Set-Cookie"),
      body: null as never,
    };
  }
  if (result && typeof result === "object" && "init" in result && "data" in result) {
    const { data, init } = result as { data: unknown; init?: { status?: number } | null };
    return { status: init?.status ?? 200, location: null, setCookie: null, body: data as never };
  }
  return { status: 200, location: null, setCookie: null, body: result as never };
}

type Refusal = { ok: false; values: Record<string, string>; errors: Record<string, string> };

function postAccount(
  cookie: string,
  form: Record<string, string>,
  context = client(),
  path = "/account",
) {
  return answered(
    accountAction({ request: siteRequest(path, { cookie, form }), params: {}, context }),
  );
}

/** Whether the sign-in form lets this contact in with this password. */
async function signsIn(identifier: string, password: string): Promise<boolean> {
  const answer = await answered(
    signInAction({
      request: siteRequest("/sign-in", { form: { name__confirm: "", identifier, password } }),
      params: {},
      context: client(),
    }),
  );
  return answer.status === 302;
}

/** The token in the newest link of this kind written to the outbox for `recipient`. */
async function linkTokenSentTo(recipient: string, template: string): Promise<string> {
  const message = await prisma.notification.findFirstOrThrow({
    where: { recipient, template },
    orderBy: { createdAt: "desc" },
  });
  return (message.payload as { url: string }).url.split("/").pop()!;
}

function confirmLink(token: string) {
  return answered(
    verifyAction({
      request: siteRequest(`/verify/${token}`, { form: {} }),
      params: { token },
      context: testContext,
    }),
  );
}

function undoLink(token: string) {
  return answered(
    undoAction({
      request: siteRequest(`/undo-contact-change/${token}`, { form: {} }),
      params: { token },
      context: testContext,
    }),
  );
}

function sessionCookieOf(setCookie: string | null): string {
  const match = /ks_session=[^;]+/.exec(setCookie ?? "");
  if (!match) throw new Error(`No session cookie in ${setCookie}`);
  return match[0];
}

function signedInAs(cookie: string) {
  return currentUser(siteRequest("/", { cookie }));
}

// ── a small shop to place orders in: one artisan, one piece, one rest area ──

type Shop = {
  restAreaId: string;
  pickupWindowId: string;
  variantId: string;
  productId: string;
  artisanId: string;
};
let shop: Shop;
let orderCount = 0;

async function openShop(): Promise<Shop> {
  const cooperative = await prisma.cooperative.create({
    data: {
      slug: "kub-uji",
      name: "KUB Uji",
      shortName: "Uji",
      foundedYear: 2023,
      village: "Tanjung Batu",
      district: "Tanjung Batu",
      regency: "Ogan Ilir",
      province: "Sumatera Selatan",
      aboutId: "Koperasi uji.",
      aboutEn: "A test cooperative.",
      phone: "+6281100000000",
      email: "koperasi@example.test",
    },
  });
  const artisan = await prisma.artisan.create({
    data: {
      slug: "perajin-uji",
      name: "Perajin Uji",
      village: "Tanjung Batu",
      cooperativeId: cooperative.id,
      storyId: "Perajin uji.",
    },
  });
  const category = await prisma.category.create({
    data: { slug: "gelang-uji", nameId: "Gelang", nameEn: "Bracelets" },
  });
  const product = await prisma.product.create({
    data: {
      slug: "gelang-perak-uji",
      artisanId: artisan.id,
      categoryId: category.id,
      status: "PUBLISHED",
      metal: "SILVER",
      titleId: "Gelang perak uji",
      titleEn: "Test silver bracelet",
      descriptionId: "Gelang perak.",
      variants: {
        create: { sku: "UJI-GLG-1", labelId: "Ukuran M", metal: "SILVER", priceRupiah: 250_000 },
      },
    },
    include: { variants: true },
  });
  const restArea = await prisma.restArea.create({
    data: {
      slug: "rest-area-uji-km-56-a",
      name: "Rest Area KM 56 A (uji)",
      region: "PALEMBANG",
      segment: "Indralaya–Prabumulih",
      km: 56,
      kmLabel: "KM 56 A",
      side: "A",
      towardsCity: "Prabumulih",
      directionId: "arah Prabumulih",
      directionEn: "towards Prabumulih",
      place: "Indralaya",
      regency: "Ogan Ilir",
      facilitiesId: [],
      facilitiesEn: [],
      opensAtMinute: 8 * 60,
      closesAtMinute: 20 * 60,
      openWeekdays: [1, 2, 3, 4, 5, 6, 7],
      pickupWindows: { create: { startMinute: 9 * 60, endMinute: 12 * 60, capacity: 20 } },
    },
    include: { pickupWindows: true },
  });
  return {
    restAreaId: restArea.id,
    pickupWindowId: restArea.pickupWindows[0]!.id,
    variantId: product.variants[0]!.id,
    productId: product.id,
    artisanId: artisan.id,
  };
}

/** An order as checkout would leave it: one piece, its history, and a message to the buyer. */
async function placeOrder(buyer: {
  userId: string | null;
  name: string;
  phone: string;
  email?: string | null;
  status?: OrderStatus;
}) {
  orderCount += 1;
  const number = `KS-261128-U${String(orderCount).padStart(3, "0")}`;
  const order = await prisma.order.create({
    data: {
      number,
      status: buyer.status ?? "PICKED_UP",
      userId: buyer.userId,
      buyerName: buyer.name,
      buyerPhone: buyer.phone,
      buyerEmail: buyer.email ?? null,
      accessTokenHash: hashSecret(randomBytes(32).toString("base64url")),
      pickupCode: "482913",
      restAreaId: shop.restAreaId,
      pickupWindowId: shop.pickupWindowId,
      pickupDate: new Date("2026-12-05"),
      pickupStartMinute: 9 * 60,
      pickupEndMinute: 12 * 60,
      paymentMethod: "PAY_AT_PICKUP",
      subtotalRupiah: 250_000,
      totalRupiah: 250_000,
      items: {
        create: {
          variantId: shop.variantId,
          productId: shop.productId,
          artisanId: shop.artisanId,
          titleId: "Gelang perak uji",
          variantLabelId: "Ukuran M",
          sku: "UJI-GLG-1",
          unitPriceRupiah: 250_000,
          quantity: 1,
          lineTotalRupiah: 250_000,
          leadTimeDays: 0,
        },
      },
      events: {
        create: { fromStatus: null, toStatus: "AWAITING_PICKUP_PAYMENT", actorKind: "buyer" },
      },
    },
  });
  await prisma.notification.create({
    data: {
      idempotencyKey: `order.placed:${order.id}`,
      channel: "LOG",
      recipient: buyer.phone,
      template: "order.placed",
      payload: { name: buyer.name, url: `http://localhost:3000/orders/${number}?t=secret-link` },
      orderId: order.id,
    },
  });
  return order;
}

beforeAll(async () => {
  shop = await openShop();
});

describe("the profile", () => {
  it("refuses an e-mail another account uses, keeps what was typed and changes nothing", async () => {
    const other = await makeUser();
    const me = await makeUser({ name: "Nur Aini" });
    const cookie = await sessionCookieFor(me.id);

    const answer = await postAccount(cookie, {
      intent: "profile",
      name: "Nur Aini Saputri",
      email: other.email.toUpperCase(),
      phone: "",
      locale: "id",
      password: me.password,
    });

    expect(answer.status).toBe(400);
    const refusal = answer.body as Refusal;
    expect(refusal.errors.email).toBe(texts.errors.emailTaken);
    expect(refusal.values).toMatchObject({
      name: "Nur Aini Saputri",
      email: other.email.toUpperCase(),
    });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
      name: "Nur Aini",
      email: me.email,
    });
  });

  it("refuses a WhatsApp number another account uses", async () => {
    await makeUser({ phone: "+6281299990001" });
    const me = await makeUser({ phone: "+6281299990002" });
    const answer = await postAccount(await sessionCookieFor(me.id), {
      intent: "profile",
      name: "Rahmat",
      email: me.email,
      phone: "0812 9999 0001",
      locale: "id",
      password: me.password,
    });
    expect(answer.status).toBe(400);
    expect((answer.body as Refusal).errors.phone).toBe(texts.errors.phoneTaken);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).phone).toBe(
      "+6281299990002",
    );
  });

  it("asks for at least one contact and a real name", async () => {
    const me = await makeUser();
    const answer = await postAccount(await sessionCookieFor(me.id), {
      intent: "profile",
      name: "A",
      email: "",
      phone: "",
      locale: "id",
    });
    expect(answer.status).toBe(400);
    expect((answer.body as Refusal).errors).toMatchObject({
      name: texts.errors.nameRequired,
      email: texts.errors.contactRequired,
    });
  });

  it("a new phone number waits, unconfirmed, beside the old one until its link is opened", async () => {
    const me = await makeUser({ phone: "+6281234560001" });
    await prisma.user.update({ where: { id: me.id }, data: { phoneVerifiedAt: new Date() } });

    const answer = await postAccount(await sessionCookieFor(me.id), {
      intent: "profile",
      name: "Dewi Lestari",
      email: me.email,
      phone: "0812-3456-0002",
      locale: "en",
      password: me.password,
    });

    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/account?saved=profile-verify");
    expect(answer.setCookie).toMatch(/^lng=/);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(user).toMatchObject({
      name: "Dewi Lestari",
      phone: "+6281234560001",
      pendingPhone: "+6281234560002",
      locale: "en",
    });
    // Neither the old number nor the unchanged e-mail lose their confirmation.
    expect(user.phoneVerifiedAt).not.toBeNull();
    expect(user.emailVerifiedAt).not.toBeNull();

    const token = await prisma.userToken.findFirstOrThrow({
      where: { userId: me.id, purpose: "VERIFY_PHONE" },
    });
    expect(token).toMatchObject({ target: "+6281234560002", usedAt: null });
    const message = await prisma.notification.findFirstOrThrow({
      where: { userId: me.id, template: "auth.verify_contact" },
    });
    expect(message).toMatchObject({ recipient: "+6281234560002", locale: "en" });
    expect(
      await prisma.userToken.count({ where: { userId: me.id, purpose: "VERIFY_EMAIL" } }),
    ).toBe(0);
  });

  it("sends the confirmation link again, but not twice in a minute", async () => {
    const me = await makeUser({ phone: "+6281234560003" });
    const cookie = await sessionCookieFor(me.id);

    const first = await postAccount(cookie, { intent: "resend-phone" });
    expect(first.location).toBe("/account?saved=sent-phone");
    const again = await postAccount(cookie, { intent: "resend-phone" });
    expect(again.status).toBe(429);
    expect((again.body as Refusal).errors.phone).toBe(texts.errors.resendTooSoon);
    // makeUser's e-mail is already confirmed.
    const confirmed = await postAccount(cookie, { intent: "resend-email" });
    expect((confirmed.body as Refusal).errors.email).toBe(texts.errors.nothingToVerify);
    expect(
      await prisma.notification.count({
        where: { userId: me.id, template: "auth.verify_contact" },
      }),
    ).toBe(1);
  });
});

describe("changing a contact", () => {
  it("is refused without the password, keeps what was typed and changes nothing", async () => {
    const me = await makeUser({ name: "Nur Aini", phone: "+6281234569001" });
    const cookie = await sessionCookieFor(me.id);
    const typed = {
      intent: "profile",
      name: "Nur Aini Baru",
      email: "nur.baru@contoh.id",
      phone: "0812 3456 9001",
      locale: "en",
    };

    const missing = await postAccount(cookie, typed);
    expect(missing.status).toBe(400);
    expect((missing.body as Refusal).errors.password).toBe(texts.errors.contactPasswordRequired);
    expect((missing.body as Refusal).values).toMatchObject({
      name: "Nur Aini Baru",
      email: "nur.baru@contoh.id",
    });

    const wrong = await postAccount(cookie, { ...typed, password: "bukan-kata-sandi-saya" });
    expect(wrong.status).toBe(400);
    expect((wrong.body as Refusal).errors.password).toBe(texts.errors.contactPasswordWrong);
    expect((wrong.body as Refusal).values).not.toHaveProperty("password");

    // In the person's language.
    const inEnglish = await postAccount(cookie, typed, client(), "/account?lng=en");
    expect((inEnglish.body as Refusal).errors.password).toBe(
      messages.en.errors.contactPasswordRequired,
    );

    const removing = await postAccount(cookie, { ...typed, email: me.email, phone: "" });
    expect((removing.body as Refusal).errors.password).toBe(texts.errors.contactPasswordRequired);

    expect(await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
      name: "Nur Aini",
      email: me.email,
      phone: "+6281234569001",
      locale: "id",
      pendingEmail: null,
      pendingPhone: null,
    });
    expect(await prisma.notification.count({ where: { userId: me.id } })).toBe(0);
    expect(await prisma.userToken.count({ where: { userId: me.id } })).toBe(0);
    expect(await signsIn("nur.baru@contoh.id", me.password)).toBe(false);
  });

  it("needs no password for the name and the language", async () => {
    const me = await makeUser({ name: "Yusuf" });
    const answer = await postAccount(await sessionCookieFor(me.id), {
      intent: "profile",
      name: "Yusuf Hamzah",
      email: me.email,
      phone: "",
      locale: "en",
    });
    expect(answer.location).toBe("/account?saved=profile");
    expect(await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
      name: "Yusuf Hamzah",
      locale: "en",
    });
    expect(await prisma.notification.count({ where: { userId: me.id } })).toBe(0);
  });

  it("with the password, the old e-mail still signs in and the new one only once confirmed", async () => {
    const me = await makeUser();
    const cookie = await sessionCookieFor(me.id);
    const newEmail = "siti.baru@contoh.id";

    const answer = await postAccount(cookie, {
      intent: "profile",
      name: "Siti",
      email: "Siti.Baru@Contoh.id",
      phone: "",
      locale: "id",
      password: me.password,
    });
    expect(answer.location).toBe("/account?saved=profile-verify");
    expect(await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
      email: me.email,
      pendingEmail: newEmail,
    });
    expect(await signsIn(me.email, me.password)).toBe(true);
    expect(await signsIn(newEmail, me.password)).toBe(false);

    // The account page says what is waiting.
    const page = await answered(
      accountLoader({
        request: siteRequest("/account", { cookie }),
        params: {},
        context: client(),
      }),
    );
    expect((page.body as Awaited<ReturnType<typeof accountLoader>>).profile).toMatchObject({
      email: me.email,
      pendingEmail: newEmail,
    });

    const confirmed = await confirmLink(await linkTokenSentTo(newEmail, "auth.verify_contact"));
    expect(confirmed.body).toMatchObject({ ok: true, contact: newEmail });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(user).toMatchObject({ email: newEmail, pendingEmail: null });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await signsIn(newEmail, me.password)).toBe(true);
    expect(await signsIn(me.email, me.password)).toBe(false);
    expect(
      await prisma.auditLog.findFirstOrThrow({
        where: { action: "account.contact_changed", entityId: me.id },
      }),
    ).toMatchObject({ details: { contact: "email", kind: "change" } });
  });

  it("tells the old contacts, whose link undoes a change still waiting and signs every device out", async () => {
    const me = await makeUser({ phone: "+6281234569003" });
    const cookie = await sessionCookieFor(me.id);
    const answer = await postAccount(cookie, {
      intent: "profile",
      name: "Rina",
      email: "penyusup@contoh.id",
      phone: "0812 3456 9003",
      locale: "id",
      password: me.password,
    });
    expect(answer.location).toBe("/account?saved=profile-verify");

    const notices = await prisma.notification.findMany({
      where: { userId: me.id, template: "auth.contact_changing" },
    });
    expect(notices.map((n) => n.recipient).sort()).toEqual([me.email, "+6281234569003"].sort());
    const urls = notices.map((n) => (n.payload as { url: string }).url);
    expect(urls[0]).toMatch(/\/undo-contact-change\/[A-Za-z0-9_-]{43}$/);
    expect(new Set(urls).size).toBe(1);
    expect(notices[0]!.payload).toMatchObject({ changes: [{ contact: "email", kind: "change" }] });
    const confirmation = await linkTokenSentTo("penyusup@contoh.id", "auth.verify_contact");

    const undoToken = urls[0]!.split("/").pop()!;
    // Opening the link (or a scanner prefetching it) changes nothing.
    expect(
      await undoLoader({
        request: siteRequest(`/undo-contact-change/${undoToken}`),
        params: { token: undoToken },
        context: testContext,
      }),
    ).toMatchObject({ problem: null });
    expect(await signedInAs(cookie)).not.toBeNull();

    const undone = await undoLink(undoToken);
    expect(undone.body).toEqual({ ok: true, notRestored: false });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
      email: me.email,
      pendingEmail: null,
    });
    expect(await signedInAs(cookie)).toBeNull();
    expect((await confirmLink(confirmation)).body).toMatchObject({ ok: false });
    expect(await signsIn("penyusup@contoh.id", me.password)).toBe(false);
    expect(
      await prisma.auditLog.findFirstOrThrow({
        where: { action: "account.contact_change_undone", entityId: me.id },
      }),
    ).toMatchObject({ details: { cancelled: ["email"], restored: [], sessionsEnded: 1 } });
    expect((await undoLink(undoToken)).body).toEqual({ ok: false, problem: "used" });
  });

  it("undone after it was confirmed, puts the old contact back, confirmed, and signs every device out", async () => {
    const me = await makeUser();
    const cookie = await sessionCookieFor(me.id);
    await postAccount(cookie, {
      intent: "profile",
      name: "Hendra",
      email: "pencuri@contoh.id",
      phone: "",
      locale: "id",
      password: me.password,
    });
    await confirmLink(await linkTokenSentTo("pencuri@contoh.id", "auth.verify_contact"));
    expect((await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).email).toBe(
      "pencuri@contoh.id",
    );

    const undone = await undoLink(await linkTokenSentTo(me.email, "auth.contact_changing"));
    expect(undone.body).toEqual({ ok: true, notRestored: false });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(user.email).toBe(me.email);
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await signedInAs(cookie)).toBeNull();
    expect(await signsIn(me.email, me.password)).toBe(true);
    expect(await signsIn("pencuri@contoh.id", me.password)).toBe(false);
  });

  it("leaves an old contact that another account took meanwhile", async () => {
    const me = await makeUser();
    await postAccount(await sessionCookieFor(me.id), {
      intent: "profile",
      name: "Budi",
      email: "budi.baru@contoh.id",
      phone: "",
      locale: "id",
      password: me.password,
    });
    await confirmLink(await linkTokenSentTo("budi.baru@contoh.id", "auth.verify_contact"));
    const undo = await linkTokenSentTo(me.email, "auth.contact_changing");
    await makeUser({ email: me.email });

    const undone = await undoLink(undo);
    expect(undone.body).toEqual({ ok: true, notRestored: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).email).toBe(
      "budi.baru@contoh.id",
    );
  });

  it("is not confirmed when another account took the new contact meanwhile", async () => {
    const me = await makeUser();
    await postAccount(await sessionCookieFor(me.id), {
      intent: "profile",
      name: "Dewi",
      email: "rebutan@contoh.id",
      phone: "",
      locale: "id",
      password: me.password,
    });
    await makeUser({ email: "rebutan@contoh.id" });
    const answer = await confirmLink(
      await linkTokenSentTo("rebutan@contoh.id", "auth.verify_contact"),
    );
    expect(answer.status).toBe(410);
    expect(answer.body).toEqual({ ok: false, problem: "taken" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
      email: me.email,
      pendingEmail: null,
    });
  });

  it("keeps the only contact that signs in until its replacement is confirmed", async () => {
    const me = await makeUser();
    const answer = await postAccount(await sessionCookieFor(me.id), {
      intent: "profile",
      name: "Rahmat",
      email: "",
      phone: "0812 3456 9004",
      locale: "id",
      password: me.password,
    });
    expect(answer.status).toBe(400);
    expect((answer.body as Refusal).errors.email).toBe(texts.errors.keepEmail);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
      email: me.email,
      pendingPhone: null,
    });
  });

  it("waiting for confirmation, can be cancelled, and its link then stops working", async () => {
    const me = await makeUser();
    const cookie = await sessionCookieFor(me.id);
    await postAccount(cookie, {
      intent: "profile",
      name: "Sari",
      email: me.email,
      phone: "0812 3456 9005",
      locale: "id",
      password: me.password,
    });
    const confirmation = await linkTokenSentTo("+6281234569005", "auth.verify_contact");

    const cancelled = await postAccount(cookie, { intent: "cancel-pending-phone" });
    expect(cancelled.location).toBe("/account?saved=contact-cancelled");
    const user = await prisma.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(user).toMatchObject({ phone: null, pendingPhone: null });
    expect((await confirmLink(confirmation)).body).toMatchObject({ ok: false });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).phone).toBeNull();
  });
});

describe("the password", () => {
  it("is not changed with a wrong current password, nor to a common one", async () => {
    const me = await makeUser();
    const cookie = await sessionCookieFor(me.id);

    const wrong = await postAccount(cookie, {
      intent: "password",
      currentPassword: "bukan-kata-sandi-saya",
      newPassword: "perak tempa sungai musi",
    });
    expect(wrong.status).toBe(400);
    expect((wrong.body as Refusal).errors.currentPassword).toBe(texts.errors.currentPasswordWrong);
    // Passwords are never sent back.
    expect((wrong.body as Refusal).values).not.toHaveProperty("currentPassword");

    const common = await postAccount(cookie, {
      intent: "password",
      currentPassword: me.password,
      newPassword: "password123",
    });
    expect(common.status).toBe(400);
    expect((common.body as Refusal).errors.newPassword).toBe(texts.errors.passwordTooCommon);

    const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(await verifyPassword(me.password, passwordHash!)).toBe(true);
    expect(await signedInAs(cookie)).not.toBeNull();
  });

  it("once changed, signs out every other device and keeps this one signed in", async () => {
    const me = await makeUser();
    const thisPhone = await sessionCookieFor(me.id);
    const otherPhone = await sessionCookieFor(me.id);

    const answer = await postAccount(thisPhone, {
      intent: "password",
      currentPassword: me.password,
      newPassword: "perak tempa sungai musi",
    });

    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/account?saved=password");
    const fresh = sessionCookieOf(answer.setCookie);
    expect((await signedInAs(fresh))?.id).toBe(me.id);
    expect(await signedInAs(otherPhone)).toBeNull();
    expect(await signedInAs(thisPhone)).toBeNull();
    const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(await verifyPassword("perak tempa sungai musi", passwordHash!)).toBe(true);
    expect(
      await prisma.auditLog.count({
        where: { actorUserId: me.id, action: "auth.password_changed" },
      }),
    ).toBe(1);
  });
});

describe("signing out of all devices", () => {
  it("ends every session, clears this browser's cookie and says so on the sign-in page", async () => {
    const me = await makeUser();
    const laptop = await sessionCookieFor(me.id);
    const phone = await sessionCookieFor(me.id);

    const answer = await postAccount(phone, { intent: "sign-out-everywhere" });

    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/sign-in?signedOut=everywhere");
    expect(answer.setCookie).toMatch(/ks_session=;.*Max-Age=0/);
    expect(await signedInAs(laptop)).toBeNull();
    expect(await signedInAs(phone)).toBeNull();
    expect(await prisma.session.count({ where: { userId: me.id, revokedAt: null } })).toBe(0);
    expect(
      await prisma.auditLog.count({
        where: { actorUserId: me.id, action: "auth.sign_out_everywhere" },
      }),
    ).toBe(1);
  });
});

describe("the account page", () => {
  it("sends anonymous visitors to sign in and back", async () => {
    const answer = await answered(
      accountLoader({ request: siteRequest("/account"), params: {}, context: testContext }),
    );
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/sign-in?next=%2Faccount");
  });

  it("lists the person's own orders, newest first, and a staff member's workspace", async () => {
    const me = await makeUser({ role: "ARTISAN", phone: "+6281234560010" });
    const older = await placeOrder({ userId: me.id, name: "Perajin", phone: "+6281234560010" });
    const newer = await placeOrder({
      userId: me.id,
      name: "Perajin",
      phone: "+6281234560010",
      status: "READY_FOR_PICKUP",
    });
    await prisma.order.update({
      where: { id: older.id },
      data: { placedAt: new Date("2026-11-01T03:00:00Z") },
    });
    const someoneElse = await placeOrder({ userId: null, name: "Tamu", phone: "+6281234560011" });

    const page = await answered(
      accountLoader({
        request: siteRequest("/account", { cookie: await sessionCookieFor(me.id) }),
        params: {},
        context: testContext,
      }),
    );
    const body = page.body as Awaited<ReturnType<typeof accountLoader>>;
    expect(body.orders.map((o) => o.number)).toEqual([newer.number, older.number]);
    expect(body.orders.map((o) => o.number)).not.toContain(someoneElse.number);
    expect(body.orders[1]).toMatchObject({
      placed: "1 Nov 2026, 10.00 WIB",
      restAreaName: "Rest Area KM 56 A (uji)",
      totalRupiah: 250_000,
    });
    expect(body.workspace).toBe("/studio");
  });
});

describe("downloading one's data", () => {
  it("holds the person's orders, cart and messages, without secrets or anyone else's data", async () => {
    const me = await makeUser({ name: "Siti Rahma", phone: "+6281234560020" });
    const mine = await placeOrder({ userId: me.id, name: "Siti Rahma", phone: "+6281234560020" });
    const other = await makeUser({ name: "Yusuf Hamzah", phone: "+6281234560021" });
    const theirs = await placeOrder({
      userId: other.id,
      name: "Yusuf Hamzah",
      phone: "+6281234560021",
      email: other.email,
    });
    await prisma.cart.create({
      data: { userId: me.id, items: { create: { variantId: shop.variantId, quantity: 2 } } },
    });
    const cookie = await sessionCookieFor(me.id);

    const response = (await dataLoader({
      request: siteRequest("/account/data", { cookie }),
      params: {},
      context: testContext,
    })) as Response;

    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="karya-sungging-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const text = await response.text();
    const exported = JSON.parse(text) as {
      profile: Record<string, unknown>;
      sessions: unknown[];
      orders: { number: string; items: { sku: string }[]; events: unknown[] }[];
      cart: { sku: string; quantity: number }[];
      notifications: { template: string; payload: Record<string, unknown> }[];
      auditLog: { action: string }[];
    };
    expect(exported.profile).toMatchObject({ name: "Siti Rahma", email: me.email });
    expect(exported.sessions).toHaveLength(1);
    expect(exported.orders.map((o) => o.number)).toEqual([mine.number]);
    expect(exported.orders[0]!.items).toEqual([expect.objectContaining({ sku: "UJI-GLG-1" })]);
    expect(exported.orders[0]!.events).toHaveLength(1);
    expect(exported.cart).toEqual([expect.objectContaining({ sku: "UJI-GLG-1", quantity: 2 })]);
    expect(exported.notifications).toEqual([
      expect.objectContaining({ template: "order.placed", payload: { name: "Siti Rahma" } }),
    ]);

    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain("scrypt$");
    expect(text).not.toContain("secret-link");
    expect(text).not.toContain(mine.accessTokenHash);
    expect(text).not.toContain(theirs.number);
    expect(text).not.toContain("Yusuf Hamzah");
    expect(text).not.toContain(other.email);
    expect(
      await prisma.auditLog.count({
        where: { actorUserId: me.id, action: "account.data_exported" },
      }),
    ).toBe(1);
  });

  it("leaves out the pickup code, also from the messages that carried it", async () => {
    const me = await makeUser({ name: "Dian", phone: "+6281234560022" });
    const order = await placeOrder({
      userId: me.id,
      name: "Dian",
      phone: "+6281234560022",
      status: "READY_FOR_PICKUP",
    });
    await prisma.order.update({ where: { id: order.id }, data: { pickupCode: "730164" } });
    await prisma.notification.create({
      data: {
        idempotencyKey: `order.ready:${order.id}`,
        channel: "LOG",
        recipient: "+6281234560022",
        template: "order.ready",
        payload: { name: "Dian", number: order.number, pickupCode: "730164" },
        orderId: order.id,
      },
    });

    const response = (await dataLoader({
      request: siteRequest("/account/data", { cookie: await sessionCookieFor(me.id) }),
      params: {},
      context: testContext,
    })) as Response;
    const text = await response.text();
    expect(text).toContain(order.number);
    expect(text).not.toContain("730164");
    expect(text).not.toContain("pickupCode");
  });

  it("is only for the signed-in person", async () => {
    const answer = await answered(
      dataLoader({ request: siteRequest("/account/data"), params: {}, context: testContext }),
    );
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/sign-in?next=%2Faccount%2Fdata");
  });
});

describe("deleting the account", () => {
  function postDelete(cookie: string, password: string) {
    return answered(
      deleteAction({
        request: siteRequest("/account/delete", { cookie, form: { password } }),
        params: {},
        context: client(),
      }),
    );
  }

  it("waits until every order is finished", async () => {
    const me = await makeUser({ phone: "+6281234560030" });
    const open = await placeOrder({
      userId: me.id,
      name: "Budi",
      phone: "+6281234560030",
      status: "IN_TRANSIT",
    });
    const cookie = await sessionCookieFor(me.id);

    const page = await answered(
      deleteLoader({
        request: siteRequest("/account/delete", { cookie }),
        params: {},
        context: testContext,
      }),
    );
    expect((page.body as { blocker: unknown }).blocker).toEqual({
      kind: "open-orders",
      orders: [{ number: open.number, status: "IN_TRANSIT" }],
    });

    const answer = await postDelete(cookie, me.password);
    expect(answer.status).toBe(400);
    expect((answer.body as { blocker: unknown }).blocker).toMatchObject({ kind: "open-orders" });
    expect(await prisma.user.count({ where: { id: me.id } })).toBe(1);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: open.id } })).userId).toBe(me.id);
  });

  it("is refused for staff accounts and with a wrong password", async () => {
    const operator = await makeUser({ role: "OPERATOR" });
    const refusedStaff = await postDelete(await sessionCookieFor(operator.id), operator.password);
    expect(refusedStaff.status).toBe(400);
    expect((refusedStaff.body as { blocker: unknown }).blocker).toEqual({ kind: "staff" });
    expect(await prisma.user.count({ where: { id: operator.id } })).toBe(1);

    const buyer = await makeUser();
    const wrong = await postDelete(await sessionCookieFor(buyer.id), "bukan-kata-sandi-saya");
    expect(wrong.status).toBe(400);
    expect((wrong.body as Refusal).errors.password).toBe(texts.errors.passwordWrong);
    expect(await prisma.user.count({ where: { id: buyer.id } })).toBe(1);
  });

  it("deletes the person and keeps their finished orders, anonymised, for the books", async () => {
    const me = await makeUser({ name: "Hendra Wijaya", phone: "+6281234560040" });
    const picked = await placeOrder({
      userId: me.id,
      name: "Hendra Wijaya",
      phone: "+6281234560040",
      email: me.email,
    });
    const cancelled = await placeOrder({
      userId: me.id,
      name: "Hendra Wijaya",
      phone: "+6281234560040",
      status: "CANCELLED",
    });
    await prisma.cart.create({
      data: { userId: me.id, items: { create: { variantId: shop.variantId, quantity: 1 } } },
    });
    const cookie = await sessionCookieFor(me.id);
    await sessionCookieFor(me.id);
    const ordersBefore = await prisma.order.count();

    const answer = await postDelete(cookie, me.password);

    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/?accountDeleted=1");
    expect(answer.setCookie).toMatch(/ks_session=;.*Max-Age=0/);
    expect(await prisma.user.count({ where: { id: me.id } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: me.id } })).toBe(0);
    expect(await prisma.cart.count({ where: { userId: me.id } })).toBe(0);
    expect(await signedInAs(cookie)).toBeNull();

    expect(await prisma.order.count()).toBe(ordersBefore);
    const kept = await prisma.order.findMany({
      where: { id: { in: [picked.id, cancelled.id] } },
      include: { items: true },
    });
    expect(kept).toHaveLength(2);
    for (const order of kept) {
      expect(order).toMatchObject({
        userId: null,
        buyerName: "Akun dihapus",
        buyerPhone: "",
        buyerEmail: null,
        totalRupiah: 250_000,
      });
      expect(order.items).toHaveLength(1);
    }
    // The messages sent to them held their number and name.
    expect(
      await prisma.notification.count({ where: { orderId: { in: [picked.id, cancelled.id] } } }),
    ).toBe(0);
    const record = await prisma.auditLog.findFirstOrThrow({
      where: { action: "account.deleted", entityId: me.id },
    });
    expect(record.actorUserId).toBeNull();
    expect(record.details).toEqual({ ordersAnonymised: 2, messagesDeleted: 2 });
    expect(JSON.stringify(record)).not.toContain("Hendra");
  });
});

describe("confirming a contact from its link", () => {
  async function linkFor(userId: string, purpose: "VERIFY_EMAIL" | "VERIFY_PHONE", target: string) {
    return (await issueToken(prisma, { userId, purpose, target })).secret;
  }

  function openLink(token: string) {
    return verifyLoader({
      request: siteRequest(`/verify/${token}`),
      params: { token },
      context: testContext,
    });
  }

  function confirm(token: string) {
    return answered(
      verifyAction({
        request: siteRequest(`/verify/${token}`, { form: {} }),
        params: { token },
        context: testContext,
      }),
    );
  }

  it("attaches the orders placed as a guest with that number, once", async () => {
    const phone = "+6281234560050";
    const guestOrder = await placeOrder({ userId: null, name: "Rina", phone });
    const strangersOrder = await placeOrder({
      userId: null,
      name: "Orang lain",
      phone: "+6281234560051",
    });
    const me = await makeUser({ phone });
    const token = await linkFor(me.id, "VERIFY_PHONE", phone);

    // Opening the link (or a scanner prefetching it) uses nothing up.
    expect(await openLink(token)).toMatchObject({ problem: null, contact: formatPhone(phone) });
    expect(
      (await prisma.userToken.findFirstOrThrow({ where: { userId: me.id } })).usedAt,
    ).toBeNull();

    const answer = await confirm(token);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ok: true, contact: formatPhone(phone), ordersAttached: 1 });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: guestOrder.id } })).userId).toBe(
      me.id,
    );
    expect(
      (await prisma.order.findUniqueOrThrow({ where: { id: strangersOrder.id } })).userId,
    ).toBeNull();
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).phoneVerifiedAt,
    ).not.toBeNull();
    const record = await prisma.auditLog.findFirstOrThrow({
      where: { action: "auth.contact_verified", actorUserId: me.id },
    });
    expect(record.details).toEqual({ contact: "phone", ordersAttached: 1 });

    const again = await confirm(token);
    expect(again.status).toBe(410);
    expect(again.body).toEqual({ ok: false, problem: "used" });
    expect(await openLink(token)).toMatchObject({ problem: "used" });
  });

  it("confirms an e-mail address the same way", async () => {
    const me = await makeUser();
    await prisma.user.update({ where: { id: me.id }, data: { emailVerifiedAt: null } });
    const guestOrder = await placeOrder({
      userId: null,
      name: "Tamu",
      phone: "+6281234560052",
      email: me.email,
    });
    const answer = await confirm(await linkFor(me.id, "VERIFY_EMAIL", me.email));
    expect(answer.body).toMatchObject({ ok: true, contact: me.email, ordersAttached: 1 });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: guestOrder.id } })).userId).toBe(
      me.id,
    );
  });

  it("refuses an expired link, an unknown one, and one for a contact changed since", async () => {
    const phone = "+6281234560060";
    const guestOrder = await placeOrder({ userId: null, name: "Tamu", phone });
    const me = await makeUser({ phone });

    const expired = await linkFor(me.id, "VERIFY_PHONE", phone);
    await prisma.userToken.updateMany({
      where: { tokenHash: hashSecret(expired) },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });
    expect(await openLink(expired)).toMatchObject({ problem: "expired" });
    const answer = await confirm(expired);
    expect(answer.status).toBe(410);
    expect(answer.body).toEqual({ ok: false, problem: "expired" });
    expect(
      (await prisma.order.findUniqueOrThrow({ where: { id: guestOrder.id } })).userId,
    ).toBeNull();

    expect(await openLink("not-a-token")).toMatchObject({ problem: "unknown" });
    expect((await confirm("x".repeat(43))).body).toEqual({ ok: false, problem: "unknown" });

    const stale = await linkFor(me.id, "VERIFY_PHONE", phone);
    await prisma.user.update({ where: { id: me.id }, data: { phone: "+6281234560061" } });
    expect(await openLink(stale)).toMatchObject({ problem: "changed" });
    expect((await confirm(stale)).body).toEqual({ ok: false, problem: "changed" });
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).phoneVerifiedAt,
    ).toBeNull();
    expect(
      (await prisma.order.findUniqueOrThrow({ where: { id: guestOrder.id } })).userId,
    ).toBeNull();
  });
});

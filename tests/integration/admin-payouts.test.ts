// The admin's payouts: every artisan's figures for a finished month with their bank details,
// recording a transfer (once, with the statement's amounts, audited without bank details), the
// cooperative's fee, and what a refund after a payout shows.
import type { ComponentType } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { moveOrder } from "~/orders/orders.server";
import * as payoutsRoute from "~/routes/admin.payouts._index";
import * as studioMonthRoute from "~/routes/studio.statements.$month";
import { monthKey, payoutMonthDate, shiftMonthKey } from "~/studio/payouts";
import { makeUser, sessionCookieFor, siteRequest, testContext } from "../setup/accounts";
import { answered } from "../setup/orders";
import { renderPage, textOf } from "../setup/render";
import { collectedOrder, inMonth, openSalesShop, type SalesShop } from "../setup/sales";

type PageData = Awaited<ReturnType<typeof payoutsRoute.loader>>;
type Refused = {
  ok: false;
  intent: string | null;
  artisanId: string | null;
  values: Record<string, string>;
  errors: Record<string, string>;
};

let shop: SalesShop;
let adminId: string;
let adminCookie: string;
let secondAdminCookie: string;
let artisanCookie: string;
let buyerCookie: string;
let operatorCookie: string;
const artisans: Record<"a" | "b" | "c" | "d" | "quiet", string> = {
  a: "",
  b: "",
  c: "",
  d: "",
  quiet: "",
};
let refundableOrderId: string;

const now = new Date();
const current = monthKey(now);
const previous = shiftMonthKey(current, -1);
const twoAgo = shiftMonthKey(current, -2);

const BANK_A = {
  bankName: "Bank Sumsel Babel",
  bankAccountNumber: "1402233445566",
  bankAccountName: "Rusmini Binti Ali",
};

beforeAll(async () => {
  shop = await openSalesShop();
  await prisma.cooperative.update({
    where: { id: shop.cooperativeId },
    data: { feeBasisPoints: 1000 },
  });
  const admin = await makeUser({ role: "ADMIN", name: "Admin Koperasi" });
  const secondAdmin = await makeUser({ role: "ADMIN", name: "Admin Kedua" });
  adminId = admin.id;
  const made = await Promise.all(
    (["a", "b", "c", "d", "quiet"] as const).map((key) =>
      makeUser({ role: "ARTISAN", name: `Perajin ${key.toUpperCase()}` }),
    ),
  );
  (["a", "b", "c", "d", "quiet"] as const).forEach((key, index) => {
    artisans[key] = made[index]!.artisanId!;
  });
  const buyer = await makeUser({ role: "BUYER" });
  const operator = await makeUser({ role: "OPERATOR", restAreaIds: [shop.restAreaId] });
  [adminCookie, secondAdminCookie, artisanCookie, buyerCookie, operatorCookie] = await Promise.all([
    sessionCookieFor(admin.id),
    sessionCookieFor(secondAdmin.id),
    sessionCookieFor(made[0]!.id),
    sessionCookieFor(buyer.id),
    sessionCookieFor(operator.id),
  ]);
  await prisma.artisan.update({ where: { id: artisans.a }, data: BANK_A });

  // Last month: A 422 777 in two orders (one of them refunded later), B 1 049 999, C and D
  // smaller; nothing for "quiet".
  await collectedOrder(
    shop,
    "KS-PAY-A001",
    [
      { artisanId: artisans.a, title: "Tepak sirih", unit: 150_000, quantity: 2 },
      { artisanId: artisans.a, title: "Gantungan kunci", unit: 77_777, quantity: 1 },
    ],
    inMonth(previous, 9),
  );
  refundableOrderId = await collectedOrder(
    shop,
    "KS-PAY-A002",
    [
      { artisanId: artisans.a, title: "Cincin perak", unit: 45_000, quantity: 1 },
      { artisanId: artisans.b, title: "Kalung perak", unit: 999_999, quantity: 1 },
    ],
    inMonth(previous, 12),
  );
  await collectedOrder(
    shop,
    "KS-PAY-B001",
    [{ artisanId: artisans.b, title: "Bros perak", unit: 50_000, quantity: 1 }],
    inMonth(previous, 13),
  );
  await collectedOrder(
    shop,
    "KS-PAY-C001",
    [{ artisanId: artisans.c, title: "Sendok perak", unit: 45_005, quantity: 1 }],
    inMonth(previous, 14),
  );
  await collectedOrder(
    shop,
    "KS-PAY-D001",
    [{ artisanId: artisans.d, title: "Piring tembaga", unit: 200_000, quantity: 1 }],
    inMonth(previous, 15),
  );
  // This month: D sells again (not payable until the month is over).
  await collectedOrder(
    shop,
    "KS-PAY-D002",
    [{ artisanId: artisans.d, title: "Teko tembaga", unit: 500_000, quantity: 1 }],
    inMonth(current, 0, 1),
  );
});

function page(query: string, cookie: string | undefined) {
  return answered<PageData>(
    payoutsRoute.loader({
      request: siteRequest(`/admin/payouts${query}`, { cookie }),
      params: {},
      context: testContext,
    }),
  );
}

async function shown(query = ""): Promise<PageData> {
  const answer = await page(query, adminCookie);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** A form posted by the admin, by someone else (their cookie), or by nobody signed in (null). */
function post(fields: Record<string, string>, cookie: string | null = adminCookie) {
  const request = new Request(new URL("/admin/payouts", "http://localhost"), {
    method: "POST",
    headers: { "User-Agent": "admin-payouts-test", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  });
  return answered<Refused>(payoutsRoute.action({ request, params: {}, context: testContext }));
}

function record(artisanId: string, net: number, reference: string, month = previous) {
  return {
    intent: "record",
    artisanId,
    month,
    net: String(net),
    transferReference: reference,
  };
}

function rowOf(data: PageData, artisanId: string) {
  const row = data.rows.find((candidate) => candidate.artisanId === artisanId);
  if (!row) throw new Error(`No row for ${artisanId}`);
  return row;
}

function payoutsOf(artisanId: string, month = previous) {
  return prisma.payout.findMany({ where: { artisanId, month: payoutMonthDate(month) } });
}

describe("who may open the payouts", () => {
  it("is for admins: others are refused, a visitor is sent to sign in", async () => {
    for (const cookie of [artisanCookie, buyerCookie, operatorCookie]) {
      expect((await page("", cookie)).status).toBe(403);
      expect((await post(record(artisans.a, 380_499, "TRF-1"), cookie)).status).toBe(403);
      expect((await post({ intent: "fee", feePercent: "50" }, cookie)).status).toBe(403);
    }
    expect((await page("", undefined)).status).toBe(302);
    expect((await post(record(artisans.a, 380_499, "TRF-1"), null)).status).toBe(302);
    expect(await payoutsOf(artisans.a)).toHaveLength(0);
    expect(
      (await prisma.cooperative.findUniqueOrThrow({ where: { id: shop.cooperativeId } }))
        .feeBasisPoints,
    ).toBe(1000);
  });
});

describe("the month's overview", () => {
  it("opens on the previous WIB month, one row per artisan with sales", async () => {
    const data = await shown();
    expect(data.key).toBe(previous);
    expect(data.choices[0]!.key).toBe(previous);
    expect(data.choices.map((choice) => choice.key)).not.toContain(current);
    expect(data.rows.map((row) => row.artisanId).sort()).toEqual(
      [artisans.a, artisans.b, artisans.c, artisans.d].sort(),
    );
    expect(data.quietArtisans).toBeGreaterThanOrEqual(1);
    expect(rowOf(data, artisans.a)).toMatchObject({
      itemsSold: 4,
      grossRupiah: 422_777,
      feeRupiah: 42_278,
      netRupiah: 380_499,
      state: "unpaid",
      bank: {
        bankName: BANK_A.bankName,
        accountNumber: BANK_A.bankAccountNumber,
        accountName: BANK_A.bankAccountName,
      },
    });
    expect(rowOf(data, artisans.b)).toMatchObject({ grossRupiah: 1_049_999, bank: null });
    expect(data.totals.grossRupiah).toBe(422_777 + 1_049_999 + 45_005 + 200_000);
  });

  it("answers 404 for a month that is not one, or not over yet", async () => {
    for (const bad of ["abc", "2026-13", current, shiftMonthKey(current, 1)]) {
      expect((await page(`?month=${bad}`, adminCookie)).status, bad).toBe(404);
    }
    expect((await shown(`?month=${twoAgo}`)).rows).toEqual([]);
  });

  it("renders the bank details and a form per artisan to pay", async () => {
    const data = await shown();
    const html = await renderPage(payoutsRoute.default as ComponentType, {
      url: "/admin/payouts",
      loaderData: data,
    });
    const text = textOf(html);
    expect(text).toContain(BANK_A.bankAccountNumber);
    expect(text).toContain("Catat sudah dibayar (Rp 380.499)");
    expect(text).toContain("Rekening belum dicatat.");
    expect(html).toContain(`id="reference-${artisans.a}"`);
  });
});

describe("recording a payout", () => {
  it("refuses a reference that is missing, too short or too long, keeping what was typed", async () => {
    for (const reference of ["", "  ab  ", "x".repeat(65), "TRF\n123"]) {
      const answer = await post(record(artisans.a, 380_499, reference));
      expect(answer.status, JSON.stringify(reference)).toBe(400);
      expect(answer.body.artisanId).toBe(artisans.a);
      expect(answer.body.errors.transferReference).toBeTruthy();
      expect(answer.body.values.transferReference).toBe(reference);
    }
    expect(await payoutsOf(artisans.a)).toHaveLength(0);

    const refused = await post(record(artisans.a, 380_499, "ab"));
    const html = await renderPage(payoutsRoute.default as ComponentType, {
      url: "/admin/payouts",
      loaderData: await shown(),
      actionData: refused.body,
    });
    expect(textOf(html)).toContain("Tulis referensi transfer, paling sedikit 3 karakter.");
    expect(html).toMatch(
      /aria-invalid="true"[^>]*aria-describedby="reference-[^"]+-hint reference-[^"]+-error"/,
    );
  });

  it("refuses the current month, a month with nothing to pay, and a net that changed", async () => {
    const running = await post(record(artisans.d, 450_000, "TRF-RUNNING", current));
    expect(running.status).toBe(400);
    expect(running.body.errors.form).toContain("belum selesai");
    expect(await payoutsOf(artisans.d, current)).toHaveLength(0);

    const nothing = await post(record(artisans.quiet, 0, "TRF-NOTHING"));
    expect(nothing.status).toBe(400);
    expect(nothing.body.errors.form).toContain("tidak ada yang dibayarkan");
    expect(await payoutsOf(artisans.quiet)).toHaveLength(0);

    const stale = await post(record(artisans.a, 999_999, "TRF-STALE"));
    expect(stale.status).toBe(409);
    expect(stale.body.errors.form).toContain("Rp 380.499".replace(" ", "\u00a0"));
    expect(await payoutsOf(artisans.a)).toHaveLength(0);

    expect((await post(record("no-such-artisan", 1_000, "TRF-NOBODY"))).status).toBe(404);
    expect(
      (
        await post({
          intent: "record",
          artisanId: artisans.a,
          month: "2026-13",
          net: "1",
          transferReference: "TRF-BAD",
        })
      ).status,
    ).toBe(400);
  });

  it("stores the statement's amounts, once, and audits it without the bank details", async () => {
    const answer = await post(record(artisans.a, 380_499, "  BSB 2026-0001 / 77  "));
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(
      `/admin/payouts?month=${previous}&done=recorded&artisan=${artisans.a}`,
    );
    const [payout] = await payoutsOf(artisans.a);
    expect(payout).toMatchObject({
      grossRupiah: 422_777,
      feeRupiah: 42_278,
      netRupiah: 380_499,
      transferReference: "BSB 2026-0001 / 77",
      recordedById: adminId,
    });
    expect(payout!.paidAt).toBeInstanceOf(Date);

    const audits = await prisma.auditLog.findMany({
      where: { action: "admin.payout_recorded", entityId: artisans.a },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: adminId, entityType: "Artisan" });
    expect(audits[0]!.details).toMatchObject({
      payoutId: payout!.id,
      month: previous,
      grossRupiah: 422_777,
      feeRupiah: 42_278,
      netRupiah: 380_499,
      feeBasisPoints: 1000,
    });
    const logged = JSON.stringify(audits[0]);
    for (const secret of Object.values(BANK_A)) expect(logged).not.toContain(secret);

    const data = await shown(`?month=${previous}&done=recorded&artisan=${artisans.a}`);
    expect(data.done?.replace(/\u00a0/g, " ")).toBe(
      "Pembayaran Rp 380.499 untuk Perajin A dicatat.",
    );
    expect(rowOf(data, artisans.a)).toMatchObject({
      state: "paid",
      transferReference: "BSB 2026-0001 / 77",
      recordedBy: "Admin Koperasi",
      difference: null,
    });
  });

  it("refuses a second recording for the same month and changes nothing", async () => {
    const again = await post(record(artisans.a, 380_499, "BSB 2026-0002"));
    expect(again.status).toBe(409);
    expect(again.body.errors.form).toContain("sudah tercatat dibayar");
    expect(again.body.errors.form).toContain("BSB 2026-0001 / 77");
    const payouts = await payoutsOf(artisans.a);
    expect(payouts).toHaveLength(1);
    expect(payouts[0]!.transferReference).toBe("BSB 2026-0001 / 77");
    expect(
      await prisma.auditLog.count({
        where: { action: "admin.payout_recorded", entityId: artisans.a },
      }),
    ).toBe(1);
  });

  it("records exactly one payout when two admins press at the same moment", async () => {
    const answers = await Promise.all([
      post(record(artisans.b, 944_999, "TRF-ADMIN-1"), adminCookie),
      post(record(artisans.b, 944_999, "TRF-ADMIN-2"), secondAdminCookie),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 409]);
    const payouts = await payoutsOf(artisans.b);
    expect(payouts).toHaveLength(1);
    expect(payouts[0]).toMatchObject({
      grossRupiah: 1_049_999,
      feeRupiah: 105_000,
      netRupiah: 944_999,
    });
    expect(
      await prisma.auditLog.count({
        where: { action: "admin.payout_recorded", entityId: artisans.b },
      }),
    ).toBe(1);
  });
});

describe("a refund after the payout", () => {
  it("shows the difference to the admin and the artisan, and keeps what was paid", async () => {
    await prisma.$transaction((tx) =>
      moveOrder(tx, {
        orderId: refundableOrderId,
        to: "REFUNDED",
        actor: "admin",
        actorUserId: adminId,
        reason: "Retak",
      }),
    );
    const data = await shown();
    // A loses the ring (45 000), B the necklace (999 999).
    expect(rowOf(data, artisans.a)).toMatchObject({
      grossRupiah: 377_777,
      feeRupiah: 37_778,
      netRupiah: 339_999,
      paid: { grossRupiah: 422_777, feeRupiah: 42_278, netRupiah: 380_499 },
      difference: { grossRupiah: -45_000, feeRupiah: -4_500, netRupiah: -40_500 },
    });
    const adminText = textOf(
      await renderPage(payoutsRoute.default as ComponentType, {
        url: "/admin/payouts",
        loaderData: data,
      }),
    );
    expect(adminText).toContain("Penjualan berubah setelah dibayar");
    expect(adminText).toContain("Lebih dibayar Rp 40.500");

    const [payout] = await payoutsOf(artisans.a);
    expect(payout).toMatchObject({ grossRupiah: 422_777, netRupiah: 380_499 });

    const studio = await answered<Awaited<ReturnType<typeof studioMonthRoute.loader>>>(
      studioMonthRoute.loader({
        request: siteRequest(`/studio/statements/${previous}`, { cookie: artisanCookie }),
        params: { month: previous },
        context: testContext,
      }),
    );
    expect(studio.status).toBe(200);
    expect(studio.body.month.difference).toEqual({
      grossRupiah: -45_000,
      feeRupiah: -4_500,
      netRupiah: -40_500,
    });
    const artisanText = textOf(
      await renderPage(studioMonthRoute.default as ComponentType, {
        url: `/studio/statements/${previous}`,
        loaderData: studio.body,
      }),
    );
    expect(artisanText).toContain("Penjualan berubah setelah dibayar");
    expect(artisanText).toContain("Sudah ditransfer Rp 380.499");
    expect(artisanText).toContain("Bersih menurut laporan sekarang Rp 339.999");
    expect(artisanText).toContain("Lebih dibayar Rp 40.500");
  });
});

describe("the cooperative's fee", () => {
  it("refuses what is not a percentage from 0 to 100 with two decimals, keeping it", async () => {
    for (const typed of ["", "101", "7,555", "-5", "sepuluh"]) {
      const answer = await post({ intent: "fee", feePercent: typed, month: previous });
      expect(answer.status, typed).toBe(400);
      expect(answer.body.errors.feePercent).toBeTruthy();
      expect(answer.body.values.feePercent).toBe(typed);
    }
    const cooperative = await prisma.cooperative.findUniqueOrThrow({
      where: { id: shop.cooperativeId },
    });
    expect(cooperative.feeBasisPoints).toBe(1000);
  });

  it("changes for every month not paid out, and leaves paid months as they were paid", async () => {
    const answer = await post({ intent: "fee", feePercent: "7,5", month: previous });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/admin/payouts?month=${previous}&done=fee`);
    const cooperative = await prisma.cooperative.findUniqueOrThrow({
      where: { id: shop.cooperativeId },
    });
    expect(cooperative.feeBasisPoints).toBe(750);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "admin.cooperative_fee_changed" },
    });
    expect(audit).toMatchObject({
      actorUserId: adminId,
      entityType: "Cooperative",
      entityId: shop.cooperativeId,
    });
    expect(audit.details).toEqual({ fromBasisPoints: 1000, toBasisPoints: 750 });

    const data = await shown(`?month=${previous}&done=fee`);
    expect(data.fee).toEqual({ percent: "7,5%", value: "7,5" });
    expect(data.done).toBe("Potongan koperasi sekarang 7,5%.");
    // Paid: kept at 10 %, the rate they were paid at.
    expect(rowOf(data, artisans.a)).toMatchObject({ feePercent: "10%", feeRupiah: 37_778 });
    expect(rowOf(data, artisans.b)).toMatchObject({ feePercent: "10%", feeRupiah: 5_000 });
    // Not paid: 7.5 % of 45 005 is 3 375.375 → 3 375; of 200 000, 15 000.
    expect(rowOf(data, artisans.c)).toMatchObject({
      feePercent: "7,5%",
      feeRupiah: 3_375,
      netRupiah: 41_630,
    });
    expect(rowOf(data, artisans.d)).toMatchObject({
      feePercent: "7,5%",
      feeRupiah: 15_000,
      netRupiah: 185_000,
    });
    expect(await payoutsOf(artisans.a)).toMatchObject([{ feeRupiah: 42_278, netRupiah: 380_499 }]);

    // A payout recorded now takes the new rate.
    expect((await post(record(artisans.d, 185_000, "TRF-D-0001"))).status).toBe(302);
    expect(await payoutsOf(artisans.d)).toMatchObject([
      { grossRupiah: 200_000, feeRupiah: 15_000, netRupiah: 185_000 },
    ]);

    const unchanged = await post({ intent: "fee", feePercent: "7.5" });
    expect(unchanged.location).toBe("/admin/payouts?done=feeUnchanged");
    expect(
      await prisma.auditLog.count({ where: { action: "admin.cooperative_fee_changed" } }),
    ).toBe(1);
  });
});

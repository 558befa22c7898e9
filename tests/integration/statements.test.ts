import { beforeAll, describe, expect, it } from "vitest";
import { type ArtisanOwner, requireArtisan } from "~/accounts/permissions.server";
import { prisma } from "~/db.server";
import type { OrderStatus } from "~/generated/prisma/enums";
import { moveOrder } from "~/orders/orders.server";
import { CorruptedLineError } from "~/studio/payouts";
import { monthStatement, salesByMonth, statementCsv } from "~/studio/statements.server";
import { makeUser, sessionCookieFor, siteRequest } from "../setup/accounts";

// Artisan A and artisan B sell through the same cooperative (10 % fee). Every order is built
// row by row, as checkout and the rest-area counter would have left it.

let cooperativeId: string;
let categoryId: string;
let restAreaId: string;
let windowId: string;
let ownerA: ArtisanOwner;
let ownerB: ArtisanOwner;

const TEPAK = 'Tepak sirih "Bunga", motif pucuk rebung';

async function signedInArtisan(): Promise<ArtisanOwner> {
  const user = await makeUser({ role: "ARTISAN" });
  const cookie = await sessionCookieFor(user.id);
  return requireArtisan(siteRequest("/studio", { cookie }));
}

let sequence = 0;

/** A listed piece of the artisan; lines snapshot their own title and price from the test. */
async function variantOf(artisanId: string): Promise<{ variantId: string; productId: string }> {
  sequence += 1;
  const product = await prisma.product.create({
    data: {
      slug: `laporan-uji-${sequence}`,
      artisanId,
      categoryId,
      status: "PUBLISHED",
      metal: "COPPER",
      titleId: `Produk uji ${sequence}`,
      descriptionId: "Produk uji.",
      variants: {
        create: {
          sku: `LAP-${sequence}`,
          labelId: "Polos",
          metal: "COPPER",
          priceRupiah: 100_000,
          stock: 10,
        },
      },
    },
    select: { id: true, variants: { select: { id: true } } },
  });
  return { variantId: product.variants[0]!.id, productId: product.id };
}

type Line = {
  owner: ArtisanOwner;
  title: string;
  titleEn?: string;
  label?: string;
  unit: number;
  quantity: number;
  /** A corrupted snapshot's total; unit × quantity otherwise. */
  lineTotal?: number;
};

/** An order with its lines and its history: each event [toStatus, at]. */
async function order(
  number: string,
  status: OrderStatus,
  lines: Line[],
  events: [OrderStatus, string][],
): Promise<void> {
  const items = await Promise.all(
    lines.map(async (line, index) => {
      const { variantId, productId } = await variantOf(line.owner.artisanId);
      return {
        variantId,
        productId,
        artisanId: line.owner.artisanId,
        titleId: line.title,
        titleEn: line.titleEn ?? null,
        variantLabelId: line.label ?? "Polos",
        variantLabelEn: line.label ? `${line.label} (EN)` : null,
        sku: `${number}-${index}`,
        unitPriceRupiah: line.unit,
        quantity: line.quantity,
        lineTotalRupiah: line.lineTotal ?? line.unit * line.quantity,
        leadTimeDays: 0,
      };
    }),
  );
  const subtotal = items.reduce((sum, item) => sum + item.lineTotalRupiah, 0);
  let from: OrderStatus | null = null;
  const history = events.map(([toStatus, at]) => {
    const event = {
      fromStatus: from,
      toStatus,
      actorKind: toStatus === "PICKED_UP" ? "operator" : "system",
      createdAt: new Date(at),
    };
    from = toStatus;
    return event;
  });
  await prisma.order.create({
    data: {
      number,
      status,
      buyerName: "Pembeli Uji",
      buyerPhone: "+6281234500000",
      accessTokenHash: `laporan-${number}`,
      pickupCode: "123456",
      restAreaId,
      pickupWindowId: windowId,
      pickupDate: new Date(`${events.at(-1)![1].slice(0, 10)}T00:00:00Z`),
      pickupStartMinute: 8 * 60,
      pickupEndMinute: 11 * 60,
      paymentMethod: "PAY_AT_PICKUP",
      subtotalRupiah: subtotal,
      totalRupiah: subtotal,
      items: { create: items },
      events: { create: history },
    },
  });
}

beforeAll(async () => {
  const cooperative =
    (await prisma.cooperative.findFirst()) ??
    (await prisma.cooperative.create({
      data: {
        slug: "kub-laporan-uji",
        name: "KUB Laporan Uji",
        shortName: "Uji",
        foundedYear: 2023,
        village: "Tanjung Batu",
        district: "Tanjung Batu",
        regency: "Ogan Ilir",
        province: "Sumatera Selatan",
        aboutId: "Koperasi uji.",
        aboutEn: "A test cooperative.",
        phone: "+6281100000000",
        email: "koperasi-laporan@example.test",
      },
    }));
  cooperativeId = cooperative.id;
  await prisma.cooperative.update({ where: { id: cooperativeId }, data: { feeBasisPoints: 1000 } });
  categoryId = (
    await prisma.category.create({
      data: { slug: "laporan-uji", nameId: "Kerajinan", nameEn: "Crafts" },
    })
  ).id;
  const restArea = await prisma.restArea.create({
    data: {
      slug: "rest-area-laporan-uji",
      name: "Rest Area KM 56 A (uji)",
      region: "PALEMBANG",
      segment: "Indralaya–Prabumulih",
      kmLabel: "KM 56 A",
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
      pickupWindows: { create: { startMinute: 8 * 60, endMinute: 11 * 60, capacity: 50 } },
    },
    select: { id: true, pickupWindows: { select: { id: true } } },
  });
  restAreaId = restArea.id;
  windowId = restArea.pickupWindows[0]!.id;

  ownerA = await signedInArtisan();
  ownerB = await signedInArtisan();
  const A = ownerA;
  const B = ownerB;
  const handedOver = (at: string): [OrderStatus, string][] => [
    ["AWAITING_PICKUP_PAYMENT", "2026-09-01T01:00:00Z"],
    ["READY_FOR_PICKUP", "2026-09-20T01:00:00Z"],
    ["PICKED_UP", at],
  ];

  // October: three pieces of A (paid out already, see below).
  await order(
    "KS-261005-OKT1",
    "PICKED_UP",
    [{ owner: A, title: "Nampan tembaga kecil", unit: 100_000, quantity: 3 }],
    handedOver("2026-10-05T03:00:00Z"),
  );
  // November, 10:00 WIB on the 10th: two lines of A, one title with a comma and quotes.
  await order(
    "KS-261110-NOV1",
    "PICKED_UP",
    [
      {
        owner: A,
        title: TEPAK,
        titleEn: 'Betel box "Flower", bamboo-shoot motif',
        label: "Tembaga, ukir",
        unit: 150_000,
        quantity: 2,
      },
      { owner: A, title: "Nampan tembaga", unit: 325_000, quantity: 1 },
    ],
    handedOver("2026-11-10T03:00:00Z"),
  );
  // November 12: one buyer bought from both artisans in one order.
  await order(
    "KS-261112-CAMP",
    "PICKED_UP",
    [
      { owner: A, title: "Cincin perak ukir", unit: 120_000, quantity: 1 },
      { owner: B, title: "Kalung perak milik B", unit: 999_999, quantity: 1 },
    ],
    handedOver("2026-11-12T04:00:00Z"),
  );
  // November, B alone.
  await order(
    "KS-261113-BBBB",
    "PICKED_UP",
    [{ owner: B, title: "Bros perak milik B", unit: 50_000, quantity: 1 }],
    handedOver("2026-11-13T04:00:00Z"),
  );
  // November: waiting at the counter, not handed over: not a sale yet.
  await order(
    "KS-261114-TUNG",
    "READY_FOR_PICKUP",
    [{ owner: A, title: "Teko tembaga", unit: 500_000, quantity: 1 }],
    [
      ["AWAITING_PICKUP_PAYMENT", "2026-11-01T01:00:00Z"],
      ["READY_FOR_PICKUP", "2026-11-14T04:00:00Z"],
    ],
  );
  // November: handed over, then refunded: the money went back, nothing to pay out.
  await order(
    "KS-261115-REFD",
    "REFUNDED",
    [{ owner: A, title: "Piring perak", unit: 200_000, quantity: 1 }],
    [...handedOver("2026-11-15T04:00:00Z"), ["REFUNDED", "2026-11-16T04:00:00Z"]],
  );
  // 23:30 WIB on 30 November (16:30 UTC): still November.
  await order(
    "KS-261130-LATE",
    "PICKED_UP",
    [{ owner: A, title: "Gantungan kunci", unit: 77_777, quantity: 1 }],
    handedOver("2026-11-30T16:30:00Z"),
  );
  // 00:00 WIB on 1 December (17:00 UTC on 30 November): December.
  await order(
    "KS-261201-DES1",
    "PICKED_UP",
    [{ owner: A, title: "Sendok perak", unit: 45_005, quantity: 1 }],
    handedOver("2026-11-30T17:00:00Z"),
  );

  // October was paid out when the fee was 12 %: the payout keeps the figures it was paid with.
  await prisma.payout.create({
    data: {
      artisanId: A.artisanId,
      month: new Date("2026-10-01T00:00:00Z"),
      grossRupiah: 300_000,
      feeRupiah: 36_000,
      netRupiah: 264_000,
      paidAt: new Date("2026-11-05T03:00:00Z"),
      transferReference: "BRI 2026-11-05 0042",
    },
  });
});

const midDecember = new Date("2026-12-15T05:00:00Z");

describe("salesByMonth", () => {
  it("gives the artisan each month's items, gross, fee and net, newest month first", async () => {
    const months = await salesByMonth(ownerA, { months: 3, now: midDecember });
    expect(months.map((month) => month.month)).toEqual(["2026-12", "2026-11", "2026-10"]);
    const [december, november, october] = months;

    // Tepak 2 × 150 000 + nampan 325 000 + cincin 120 000 + gantungan 77 777.
    expect(november).toMatchObject({
      itemsSold: 5,
      grossRupiah: 822_777,
      feeRupiah: 82_278, // 82 277.7 → 82 278
      netRupiah: 740_499,
      feeBasisPoints: 1000,
      payout: null,
    });
    // Collected at midnight WIB on 1 December; 4 500.5 rounds half up to 4 501.
    expect(december).toMatchObject({
      itemsSold: 1,
      grossRupiah: 45_005,
      feeRupiah: 4_501,
      netRupiah: 40_504,
      payout: null,
    });
    // October was paid at 12 %: it keeps that rate, so its figures agree with the payout.
    expect(october).toMatchObject({
      itemsSold: 3,
      grossRupiah: 300_000,
      feeBasisPoints: 1200,
      feeRupiah: 36_000,
      netRupiah: 264_000,
      payoutDifference: null,
    });
  });

  it("shows a recorded payout with the figures it was paid with", async () => {
    const [, , october] = await salesByMonth(ownerA, { months: 3, now: midDecember });
    expect(october!.payout).toEqual({
      grossRupiah: 300_000,
      feeRupiah: 36_000,
      netRupiah: 264_000,
      paidAt: new Date("2026-11-05T03:00:00Z"),
      transferReference: "BRI 2026-11-05 0042",
    });
  });

  it("never counts another artisan's lines, even in an order they share", async () => {
    const [december, november, october] = await salesByMonth(ownerB, {
      months: 3,
      now: midDecember,
    });
    expect(november).toMatchObject({
      itemsSold: 2,
      grossRupiah: 1_049_999,
      feeRupiah: 105_000, // 104 999.9 → 105 000
      netRupiah: 944_999,
      payout: null,
    });
    for (const empty of [december, october]) {
      expect(empty).toMatchObject({ itemsSold: 0, grossRupiah: 0, feeRupiah: 0, netRupiah: 0 });
      expect(empty!.payout).toBeNull();
    }
  });

  it("takes the month of `now` in WIB", async () => {
    // 23:45 WIB on 30 November: the current month is still November.
    const [current] = await salesByMonth(ownerA, {
      months: 1,
      now: new Date("2026-11-30T16:45:00Z"),
    });
    expect(current).toMatchObject({ month: "2026-11", grossRupiah: 822_777 });
    await expect(salesByMonth(ownerA, { months: 0, now: midDecember })).rejects.toThrow(RangeError);
  });

  it("recomputes the fee at the cooperative's current rate", async () => {
    await prisma.cooperative.update({
      where: { id: cooperativeId },
      data: { feeBasisPoints: 1250 },
    });
    try {
      const [, november, october] = await salesByMonth(ownerA, { months: 3, now: midDecember });
      expect(november).toMatchObject({
        feeBasisPoints: 1250,
        grossRupiah: 822_777,
        feeRupiah: 102_847, // 102 847.125
        netRupiah: 719_930,
      });
      expect(october!.payout).toMatchObject({ feeRupiah: 36_000, netRupiah: 264_000 });
      // A paid month is not recomputed at the new rate: nothing differs from what was paid.
      expect(october).toMatchObject({ feeBasisPoints: 1200, feeRupiah: 36_000 });
      expect(october!.payoutDifference).toBeNull();
    } finally {
      await prisma.cooperative.update({
        where: { id: cooperativeId },
        data: { feeBasisPoints: 1000 },
      });
    }
  });
});

describe("monthStatement", () => {
  it("lists the artisan's own lines of the month, in the order buyers collected them", async () => {
    const statement = await monthStatement(ownerA, "2026-11");
    expect(
      statement.lines.map((line) => [
        line.orderNumber,
        line.titleId,
        line.quantity,
        line.unitPriceRupiah,
        line.lineTotalRupiah,
      ]),
    ).toEqual([
      ["KS-261110-NOV1", TEPAK, 2, 150_000, 300_000],
      ["KS-261110-NOV1", "Nampan tembaga", 1, 325_000, 325_000],
      ["KS-261112-CAMP", "Cincin perak ukir", 1, 120_000, 120_000],
      ["KS-261130-LATE", "Gantungan kunci", 1, 77_777, 77_777],
    ]);
    expect(statement.lines.at(-1)!.pickedUpAt).toEqual(new Date("2026-11-30T16:30:00Z"));
    expect(statement).toMatchObject({
      month: "2026-11",
      itemsSold: 5,
      grossRupiah: 822_777,
      feeRupiah: 82_278,
      netRupiah: 740_499,
      payout: null,
    });
  });

  it("keeps B's lines out of A's statement, and A's out of B's", async () => {
    const forA = JSON.stringify(await monthStatement(ownerA, "2026-11"));
    expect(forA).not.toContain("milik B");
    expect(forA).not.toContain("KS-261113-BBBB");
    const forB = await monthStatement(ownerB, "2026-11");
    expect(forB.lines.map((line) => [line.orderNumber, line.titleId])).toEqual([
      ["KS-261112-CAMP", "Kalung perak milik B"],
      ["KS-261113-BBBB", "Bros perak milik B"],
    ]);
  });

  it("shows a refund after the payout as a difference, never as a change of what was paid", async () => {
    const C = await signedInArtisan();
    await order(
      "KS-260905-SEP1",
      "PICKED_UP",
      [{ owner: C, title: "Nampan perak", unit: 250_000, quantity: 1 }],
      [["PICKED_UP", "2026-09-05T04:00:00Z"]],
    );
    await order(
      "KS-260906-SEP2",
      "PICKED_UP",
      [{ owner: C, title: "Cincin perak", unit: 125_005, quantity: 1 }],
      [["PICKED_UP", "2026-09-06T04:00:00Z"]],
    );
    const before = await monthStatement(C, "2026-09");
    expect(before).toMatchObject({ grossRupiah: 375_005, feeRupiah: 37_501, netRupiah: 337_504 });
    await prisma.payout.create({
      data: {
        artisanId: C.artisanId,
        month: new Date("2026-09-01T00:00:00Z"),
        grossRupiah: before.grossRupiah,
        feeRupiah: before.feeRupiah,
        netRupiah: before.netRupiah,
        paidAt: new Date("2026-10-03T03:00:00Z"),
        transferReference: "BRI 0099",
      },
    });
    expect((await monthStatement(C, "2026-09")).payoutDifference).toBeNull();

    // The ring goes back to the cooperative and the buyer is refunded, after the payout.
    const ring = await prisma.order.findUniqueOrThrow({ where: { number: "KS-260906-SEP2" } });
    await prisma.$transaction((tx) =>
      moveOrder(tx, { orderId: ring.id, to: "REFUNDED", actor: "admin", reason: "Retak" }),
    );
    const after = await monthStatement(C, "2026-09");
    expect(after.payout).toMatchObject({ grossRupiah: 375_005, netRupiah: 337_504 });
    expect(after).toMatchObject({ itemsSold: 1, grossRupiah: 250_000, feeRupiah: 25_000 });
    expect(after.payoutDifference).toEqual({
      grossRupiah: -125_005,
      feeRupiah: -12_501,
      netRupiah: -112_504,
    });
  });

  it("refuses a month that is not one", async () => {
    await expect(monthStatement(ownerA, "2026-13")).rejects.toThrow(RangeError);
    await expect(monthStatement(ownerA, "../2026-11")).rejects.toThrow(RangeError);
  });

  it("refuses to pay out a month with a corrupted line", async () => {
    const C = await signedInArtisan();
    await order(
      "KS-260310-RUSAK",
      "PICKED_UP",
      [{ owner: C, title: "Baki rusak", unit: 150_000, quantity: 2, lineTotal: 3_000_000 }],
      [["PICKED_UP", "2026-03-10T04:00:00Z"]],
    );
    await expect(monthStatement(C, "2026-03")).rejects.toThrow(CorruptedLineError);
    await expect(
      salesByMonth(C, { months: 1, now: new Date("2026-03-20T00:00:00Z") }),
    ).rejects.toThrow(CorruptedLineError);
  });
});

/** RFC 4180 rows: commas and line breaks inside quotes belong to the field, "" is a quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 1;
    } else field += char;
  }
  if (field || row.length) throw new Error("The CSV does not end with a line break");
  return rows;
}

describe("statementCsv", () => {
  it("opens in Excel as UTF-8 and parses back to the statement's numbers", async () => {
    const statement = await monthStatement(ownerA, "2026-11");
    const csv = statementCsv(statement, "id");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain('"Tepak sirih ""Bunga"", motif pucuk rebung"');

    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([
      "Nomor pesanan",
      "Tanggal diambil",
      "Barang",
      "Varian",
      "Jumlah",
      "Harga satuan (Rp)",
      "Total baris (Rp)",
    ]);
    const lines = rows.slice(1, -3);
    expect(lines).toEqual([
      ["KS-261110-NOV1", "2026-11-10", TEPAK, "Tembaga, ukir", "2", "150000", "300000"],
      ["KS-261110-NOV1", "2026-11-10", "Nampan tembaga", "Polos", "1", "325000", "325000"],
      ["KS-261112-CAMP", "2026-11-12", "Cincin perak ukir", "Polos", "1", "120000", "120000"],
      ["KS-261130-LATE", "2026-11-30", "Gantungan kunci", "Polos", "1", "77777", "77777"],
    ]);
    expect(rows.slice(-3)).toEqual([
      ["Total penjualan", "", "", "", "5", "", "822777"],
      ["Potongan koperasi (10%)", "", "", "", "", "", "82278"],
      ["Bersih dibayarkan", "", "", "", "", "", "740499"],
    ]);
    // The numbers add up when a spreadsheet adds them.
    const sum = (column: number) => lines.reduce((total, line) => total + Number(line[column]), 0);
    expect(sum(6)).toBe(statement.grossRupiah);
    expect(sum(4)).toBe(statement.itemsSold);
    expect(Number(rows.at(-3)![6]) - Number(rows.at(-2)![6])).toBe(Number(rows.at(-1)![6]));
    for (const line of lines) expect(Number(line[5]) * Number(line[4])).toBe(Number(line[6]));
  });

  it("heads the columns in English for an English reader, with English snapshots", async () => {
    const statement = await monthStatement(ownerA, "2026-12");
    const rows = parseCsv(statementCsv(statement, "en").slice(1));
    expect(rows[0]![0]).toBe("Order number");
    // Collected at 00:00 WIB on 1 December, which is still 30 November in UTC.
    expect(rows[1]).toEqual([
      "KS-261201-DES1",
      "2026-12-01",
      "Sendok perak",
      "Polos",
      "1",
      "45005",
      "45005",
    ]);
    expect(rows.slice(-3).map((row) => [row[0], row[6]])).toEqual([
      ["Total sales", "45005"],
      ["Cooperative's fee (10%)", "4501"],
      ["Net payable", "40504"],
    ]);
    const november = parseCsv(statementCsv(await monthStatement(ownerA, "2026-11"), "en").slice(1));
    expect(november[1]![2]).toBe('Betel box "Flower", bamboo-shoot motif');
    expect(november[1]![3]).toBe("Tembaga, ukir (EN)");
  });

  it("keeps a title a spreadsheet would run as a formula as plain text", async () => {
    const C = await signedInArtisan();
    await order(
      "KS-260405-FORM",
      "PICKED_UP",
      [{ owner: C, title: '=HYPERLINK("http://contoh.test","Klik")', unit: 10_000, quantity: 1 }],
      [["PICKED_UP", "2026-04-05T04:00:00Z"]],
    );
    const rows = parseCsv(statementCsv(await monthStatement(C, "2026-04"), "id").slice(1));
    expect(rows[1]![2]).toBe(`'=HYPERLINK("http://contoh.test","Klik")`);
  });

  it("gives a month without sales a header and zero totals", async () => {
    const rows = parseCsv(statementCsv(await monthStatement(ownerB, "2026-12"), "id").slice(1));
    expect(rows).toHaveLength(4);
    expect(rows.slice(1).map((row) => row[6])).toEqual(["0", "0", "0"]);
  });
});

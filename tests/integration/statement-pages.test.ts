// The artisan's statement pages in the studio: the last twelve months with a chart, one month's
// lines, and its CSV — each showing only the signed-in artisan's own sales and bank account.
import type { ComponentType } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { formatRupiah } from "~/lib/money";
import * as csvRoute from "~/routes/studio.statements.$month[.csv]";
import * as monthRoute from "~/routes/studio.statements.$month";
import * as indexRoute from "~/routes/studio.statements._index";
import { monthKey, shiftMonthKey } from "~/studio/payouts";
import { makeUser, sessionCookieFor, siteRequest, testContext } from "../setup/accounts";
import { answered } from "../setup/orders";
import { renderPage, textOf } from "../setup/render";
import { collectedOrder, inMonth, openSalesShop, type SalesShop } from "../setup/sales";

type IndexData = Awaited<ReturnType<typeof indexRoute.loader>>;
type MonthData = Awaited<ReturnType<typeof monthRoute.loader>>;

let shop: SalesShop;
let cookieA: string;
let cookieB: string;
let buyerCookie: string;
let artisanA: string;
let artisanB: string;

const now = new Date();
const current = monthKey(now);
const previous = shiftMonthKey(current, -1);
const twoAgo = shiftMonthKey(current, -2);
const next = shiftMonthKey(current, 1);

const TEPAK = 'Tepak sirih "Bunga", motif pucuk rebung';

beforeAll(async () => {
  shop = await openSalesShop();
  await prisma.cooperative.update({
    where: { id: shop.cooperativeId },
    data: { feeBasisPoints: 1000 },
  });
  const a = await makeUser({ role: "ARTISAN", name: "Rusmini" });
  const b = await makeUser({ role: "ARTISAN", name: "Hendra" });
  const buyer = await makeUser({ role: "BUYER" });
  artisanA = a.artisanId!;
  artisanB = b.artisanId!;
  [cookieA, cookieB, buyerCookie] = await Promise.all([
    sessionCookieFor(a.id),
    sessionCookieFor(b.id),
    sessionCookieFor(buyer.id),
  ]);
  await prisma.artisan.update({
    where: { id: artisanA },
    data: { bankName: "BRI", bankAccountNumber: "0123456789012", bankAccountName: "Rusmini" },
  });
  await prisma.artisan.update({
    where: { id: artisanB },
    data: {
      bankName: "Bank Sumsel Babel",
      bankAccountNumber: "9988776655",
      bankAccountName: "Hendra B",
    },
  });

  // Last month: two lines of A in one order, and an order A and B share.
  await collectedOrder(
    shop,
    "KS-PREV-0001",
    [
      { artisanId: artisanA, title: TEPAK, label: "Tembaga, ukir", unit: 150_000, quantity: 2 },
      { artisanId: artisanA, title: "Gantungan kunci", unit: 77_777, quantity: 1 },
    ],
    inMonth(previous, 9),
  );
  await collectedOrder(
    shop,
    "KS-PREV-0002",
    [
      { artisanId: artisanA, title: "Cincin perak ukir", unit: 45_000, quantity: 1 },
      { artisanId: artisanB, title: "Kalung perak milik B", unit: 999_999, quantity: 1 },
    ],
    inMonth(previous, 12),
  );
  await collectedOrder(
    shop,
    "KS-PREV-BBBB",
    [{ artisanId: artisanB, title: "Bros perak milik B", unit: 50_000, quantity: 1 }],
    inMonth(previous, 13),
  );
  // Two months ago: A, paid out already.
  await collectedOrder(
    shop,
    "KS-OLD-0001",
    [{ artisanId: artisanA, title: "Nampan tembaga", unit: 325_000, quantity: 1 }],
    inMonth(twoAgo, 4),
  );
  await prisma.payout.create({
    data: {
      artisanId: artisanA,
      month: new Date(`${twoAgo}-01T00:00:00Z`),
      grossRupiah: 325_000,
      feeRupiah: 32_500,
      netRupiah: 292_500,
      paidAt: inMonth(previous, 4),
      transferReference: "BRI-TRF-0042",
    },
  });
});

function indexOf(cookie: string | undefined, query = "") {
  return answered<IndexData>(
    indexRoute.loader({
      request: siteRequest(`/studio/statements${query}`, { cookie }),
      params: {},
      context: testContext,
    }),
  );
}

function monthOf(month: string, cookie: string | undefined, query = "") {
  return answered<MonthData>(
    monthRoute.loader({
      request: siteRequest(`/studio/statements/${month}${query}`, { cookie }),
      params: { month },
      context: testContext,
    }),
  );
}

async function csvOf(month: string, cookie: string | undefined, query = "") {
  try {
    return await csvRoute.loader({
      request: siteRequest(`/studio/statements/${month}.csv${query}`, { cookie }),
      params: { month },
      context: testContext,
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The file's text as a spreadsheet reads it, its byte order mark kept. */
async function csvText(month: string, cookie: string): Promise<string> {
  const response = await csvOf(month, cookie);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
}

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
  return rows;
}

const rp = (rupiah: number) => formatRupiah(rupiah).replace(/\u00a0/g, " ");

describe("the statements index", () => {
  it("lists the artisan's last twelve WIB months, newest first, with the payout state", async () => {
    const answer = await indexOf(cookieA);
    expect(answer.status).toBe(200);
    const { months, feePercent } = answer.body;
    expect(feePercent).toBe("10%");
    expect(months).toHaveLength(12);
    expect(months.map((month) => month.key).slice(0, 3)).toEqual([current, previous, twoAgo]);
    expect(months[0]).toMatchObject({ itemsSold: 0, grossRupiah: 0, state: "running" });
    // 2 × 150 000 + 77 777 + 45 000 = 422 777; 10 % is 42 277.7 → 42 278.
    expect(months[1]).toMatchObject({
      itemsSold: 4,
      grossRupiah: 422_777,
      feeRupiah: 42_278,
      netRupiah: 380_499,
      state: "unpaid",
      paid: null,
    });
    expect(months[2]).toMatchObject({
      grossRupiah: 325_000,
      netRupiah: 292_500,
      state: "paid",
      transferReference: "BRI-TRF-0042",
      paid: { grossRupiah: 325_000, feeRupiah: 32_500, netRupiah: 292_500 },
      difference: null,
    });
    expect(months.slice(3).every((month) => month.state === "nothing")).toBe(true);
  });

  it("draws the chart oldest month first, and says what it shows in words", async () => {
    const { chart } = (await indexOf(cookieA)).body;
    expect(chart.bars).toHaveLength(12);
    expect(chart.bars.at(-1)!.key).toBe(current);
    expect(chart.bars.at(-2)).toMatchObject({ key: previous, valueRupiah: 422_777 });
    expect(chart.summary.replace(/\u00a0/g, " ")).toContain(rp(747_777));

    const html = await renderPage(indexRoute.default as ComponentType, {
      url: "/studio/statements",
      loaderData: (await indexOf(cookieA)).body,
    });
    expect(html).toMatch(/<svg role="img" aria-labelledby="[^"]+"/);
    expect(html).toContain("<title");
    const text = textOf(html);
    expect(text).toContain("Penjualan 12 bulan terakhir");
    expect(text).toContain(rp(422_777));
    expect(text).toContain(rp(380_499));
    expect(text).toContain("Ref. transfer BRI-TRF-0042");
  });

  it("shows the artisan their own bank account, and never another artisan's", async () => {
    const forA = await indexOf(cookieA);
    expect(forA.body.bank).toEqual({
      bankName: "BRI",
      accountNumber: "0123456789012",
      accountName: "Rusmini",
    });
    const text = textOf(
      await renderPage(indexRoute.default as ComponentType, {
        url: "/studio/statements",
        loaderData: forA.body,
      }),
    );
    expect(text).toContain("0123456789012");
    expect(text).toContain("Minta admin koperasi mengubahnya");
    for (const secret of ["9988776655", "Hendra B", "Bank Sumsel Babel"]) {
      expect(JSON.stringify(forA.body)).not.toContain(secret);
      expect(text).not.toContain(secret);
    }
    const forB = await indexOf(cookieB);
    expect(forB.body.bank?.accountNumber).toBe("9988776655");
    expect(JSON.stringify(forB.body)).not.toContain("0123456789012");
  });

  it("gives each artisan only their own figures", async () => {
    const { months } = (await indexOf(cookieB)).body;
    expect(months[1]).toMatchObject({ itemsSold: 2, grossRupiah: 1_049_999 });
    expect(months[2]).toMatchObject({ itemsSold: 0, state: "nothing", paid: null });
  });

  it("is the artisan's alone: a buyer is refused, a visitor is sent to sign in", async () => {
    expect((await indexOf(buyerCookie)).status).toBe(403);
    const anonymous = await indexOf(undefined);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe("/sign-in?next=%2Fstudio%2Fstatements");
  });
});

describe("a month's statement", () => {
  it("lists the artisan's own lines in handover order, with totals and the fee", async () => {
    const answer = await monthOf(previous, cookieA);
    expect(answer.status).toBe(200);
    const { month, lines, exactFee } = answer.body;
    expect(
      lines.map((line) => [
        line.orderNumber,
        line.title,
        line.variant,
        line.quantity,
        line.unitPriceRupiah,
        line.lineTotalRupiah,
      ]),
    ).toEqual([
      ["KS-PREV-0001", TEPAK, "Tembaga, ukir", 2, 150_000, 300_000],
      ["KS-PREV-0001", "Gantungan kunci", "Polos", 1, 77_777, 77_777],
      ["KS-PREV-0002", "Cincin perak ukir", "Polos", 1, 45_000, 45_000],
    ]);
    expect(month).toMatchObject({
      key: previous,
      itemsSold: 4,
      grossRupiah: 422_777,
      feeRupiah: 42_278,
      netRupiah: 380_499,
      feePercent: "10%",
      state: "unpaid",
    });
    expect(exactFee?.replace(/\u00a0/g, " ")).toBe("Rp 42.277,7");
    const text = JSON.stringify(answer.body);
    for (const other of ["milik B", "KS-PREV-BBBB", "999999"]) expect(text).not.toContain(other);
  });

  it("writes the rounding rule down, with this month's own figures", async () => {
    const { body } = await monthOf(previous, cookieA);
    const text = textOf(
      await renderPage(monthRoute.default as ComponentType, {
        url: `/studio/statements/${previous}`,
        loaderData: body,
      }),
    );
    expect(text).toContain("dihitung satu kali dari total penjualan sebulan");
    expect(text).toContain("Setengah rupiah atau lebih dibulatkan ke atas");
    expect(text).toContain("10% × Rp 422.777 = Rp 42.277,7, dibulatkan menjadi Rp 42.278");
    expect(text).toContain("Rp 422.777 − Rp 42.278 = Rp 380.499");
    expect(text).toContain("Belum dibayar");
    expect(text).toContain(TEPAK);
    expect(text).not.toContain("milik B");
    await expect(html(body)).resolves.toContain(`href="/studio/statements/${previous}.csv"`);

    const english = (await monthOf(previous, cookieA, "?lng=en")).body;
    const englishText = textOf(
      await renderPage(monthRoute.default as ComponentType, {
        url: `/studio/statements/${previous}`,
        loaderData: english,
        locale: "en",
      }),
    );
    expect(englishText).toContain("Half a rupiah or more rounds up");
    expect(englishText).toContain("Not paid yet");
  });

  it("shows a paid month with its transfer, at the rate it was paid", async () => {
    const { body } = await monthOf(twoAgo, cookieA);
    expect(body.month).toMatchObject({ state: "paid", transferReference: "BRI-TRF-0042" });
    expect(body.paidFeePercent).toBe("10%");
    expect(body.exactFee).toBeNull();
  });

  it("answers 404 for what is not a month, or a month still to come", async () => {
    for (const bad of ["2026-13", "abc", "2026-1", "../2026-11", next]) {
      expect((await monthOf(bad, cookieA)).status, bad).toBe(404);
      expect((await csvOf(bad, cookieA)).status, bad).toBe(404);
    }
    expect((await monthOf(current, cookieA)).status).toBe(200);
  });

  it("is the artisan's alone", async () => {
    expect((await monthOf(previous, buyerCookie)).status).toBe(403);
    expect((await monthOf(previous, undefined)).status).toBe(302);
    expect((await csvOf(previous, buyerCookie)).status).toBe(403);
    expect((await csvOf(previous, undefined)).status).toBe(302);
  });
});

function html(body: MonthData): Promise<string> {
  return renderPage(monthRoute.default as ComponentType, {
    url: `/studio/statements/${body.month.key}`,
    loaderData: body,
  });
}

describe("the CSV download", () => {
  it("is a private attachment named after the month", async () => {
    const response = await csvOf(previous, cookieA);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="laporan-penjualan-${previous}.csv"`,
    );
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const english = await csvOf(previous, cookieA, "?lng=en");
    expect(english.headers.get("Content-Disposition")).toBe(
      `attachment; filename="sales-statement-${previous}.csv"`,
    );
  });

  it("holds the artisan's own lines and totals in exact whole rupiah", async () => {
    const text = await csvText(previous, cookieA);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]![0]).toBe("Nomor pesanan");
    const lines = rows.slice(1, -3);
    expect(lines.map((row) => [row[0], row[2], row[4], row[5], row[6]])).toEqual([
      ["KS-PREV-0001", TEPAK, "2", "150000", "300000"],
      ["KS-PREV-0001", "Gantungan kunci", "1", "77777", "77777"],
      ["KS-PREV-0002", "Cincin perak ukir", "1", "45000", "45000"],
    ]);
    expect(rows.slice(-3).map((row) => [row[0], row[6]])).toEqual([
      ["Total penjualan", "422777"],
      ["Potongan koperasi (10%)", "42278"],
      ["Bersih dibayarkan", "380499"],
    ]);
    for (const row of rows.slice(1)) {
      for (const cell of row.slice(4)) expect(cell).toMatch(/^(\d+)?$/);
    }
    expect(text).not.toContain("milik B");
    expect(text).not.toContain("KS-PREV-BBBB");

    const forB = parseCsv((await csvText(previous, cookieB)).slice(1));
    expect(forB.slice(1, -3).map((row) => row[0])).toEqual(["KS-PREV-0002", "KS-PREV-BBBB"]);
    expect(forB.at(-3)![6]).toBe("1049999");
  });
});

import {
  devices,
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Page,
} from "@playwright/test";
import { expectAccessible } from "./accessibility";

// Pickup operations end to end: two buyers order at Rest Area KM 56 B and pay at pickup; the
// artisan packs; the admin dispatches a consignment; the KM 56 operator, on a phone, checks it in
// parcel by parcel; the buyer's page says it is ready and a message went out; the operator hands
// one parcel over with its code and records the cash, and the other while the phone is offline,
// applied once when the signal returns. And the parcel the demo seed left waiting past its hold
// days is listed under "uncollected" and marked returned.
//
// One flow over shared demo stock, on the phone project only (the operator's device): the
// desktop project would take the same pieces from the same server.

const PASSWORD = "sungging-demo-2026";
const OPERATOR = "operator.km56@karyasungging.test";
const ARTISAN = "rosmawati-saleh@karyasungging.test";
const ADMIN = "admin@karyasungging.test";
// Ready stock (no lead time) made by the artisan above, so the order can be packed today.
const PIECE = "bunga-tanjung-filigree-earrings";
// Everyone in this flow is on a phone, as the operator is.
const { defaultBrowserType: _browser, ...PHONE } = devices["Pixel 7"];

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail atau nomor WhatsApp").fill(email);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

async function personIn(browser: Browser, baseURL: string | undefined, email?: string) {
  const context = await browser.newContext({ ...PHONE, baseURL });
  const page = await context.newPage();
  if (email) await signIn(page, email);
  return { context, page };
}

type Placed = { number: string; code: string; url: string; buyer: BrowserContext };

/** A guest orders one piece at Rest Area KM 56 B, paying at pickup, and reads their pickup code. */
async function placeOrder(
  browser: Browser,
  baseURL: string | undefined,
  name: string,
): Promise<Placed> {
  const { context, page } = await personIn(browser, baseURL);
  await page.goto(`/products/${PIECE}`);
  await page.getByRole("button", { name: "Tambah ke keranjang" }).click();
  await expect(page.getByRole("link", { name: "Keranjang 1 barang" })).toBeVisible();
  await page.goto("/cart");
  await page.getByRole("link", { name: "Lanjut pesan" }).click();
  await page.getByRole("radio", { name: /Rest Area KM 56 B/ }).check();
  await page.getByLabel("Hari dan jam ambil").selectOption({ index: 1 });
  await page.getByLabel("Nama").fill(name);
  await page.getByLabel("Nomor WhatsApp").fill("0812 3456 7890");
  await page.getByRole("radio", { name: /Bayar saat mengambil/ }).check();
  await page.getByRole("button", { name: "Pesan sekarang" }).click();
  await expect(page).toHaveURL(/\/orders\/KS-\d{6}-[0-9A-Z]{4}$/);
  const number = page.url().split("/orders/")[1]!;
  const code = await page
    .getByRole("region", { name: "Kartu ambil" })
    .getByText(/^\d{6}$/)
    .textContent();
  return { number, code: code!.trim(), url: page.url(), buyer: context };
}

/** The buyer's own browser opens their order page again. */
async function buyerSees(order: Placed, status: string): Promise<void> {
  const page = await order.buyer.newPage();
  await page.goto(order.url);
  await expect(page.getByRole("main")).toContainText(status);
  await page.close();
}

test.describe("pickup operations", () => {
  test.skip(
    () => test.info().project.name !== "phone",
    "One flow on shared demo stock, on the operator's phone",
  );

  test("dispatch, check-in, handover with the code and cash, and an offline handover applied once", async ({
    browser,
    baseURL,
  }) => {
    // Four people's browsers one after another: about a minute alone, far more on a busy CI core.
    test.setTimeout(240_000);
    const first = await placeOrder(browser, baseURL, "Siti Aminah");
    const second = await placeOrder(browser, baseURL, "Rahmat Hidayat");

    // The artisan packs both orders (the studio's packing page).
    const artisan = await personIn(browser, baseURL, ARTISAN);
    for (const order of [first, second]) {
      await artisan.page.goto(`/studio/orders/${order.number}`);
      await artisan.page
        .getByRole("button", { name: /^(Semua barang saya sudah dikemas|Sudah dikemas)\b/ })
        .first()
        .click();
      await expect(artisan.page.getByRole("status")).toContainText("sudah dikemas");
    }
    await artisan.context.close();

    // The admin builds the consignment on its dispatch day and marks it in transit.
    const admin = await personIn(browser, baseURL, ADMIN);
    // The dispatch day is the pickup day less the rest area's travel days: look ahead from today.
    for (let offset = 0; offset < 10; offset += 1) {
      const day = new Date(Date.now() + (7 * 60 + offset * 24 * 60) * 60_000)
        .toISOString()
        .slice(0, 10);
      await admin.page.goto(`/admin/dispatch?day=${day}`);
      if ((await admin.page.getByText(first.number).count()) > 0) break;
    }
    await expect(admin.page.getByText(first.number).first()).toBeVisible();
    const restArea = admin.page
      .getByRole("region", { name: /Rest Area KM 56 B/ })
      .or(admin.page.locator("section", { hasText: "Rest Area KM 56 B" }))
      .first();
    await expect(restArea.getByRole("checkbox", { name: new RegExp(first.number) })).toBeChecked();
    await expect(restArea.getByRole("checkbox", { name: new RegExp(second.number) })).toBeChecked();
    await restArea.getByRole("button", { name: "Buat konsinyasi" }).click();
    await expect(admin.page.getByRole("status")).toContainText(/Konsinyasi KR-.* dibuat/);
    const consignment = /KR-\d{6}-[A-Z0-9]+-\d+/.exec(
      (await admin.page.getByRole("status").textContent()) ?? "",
    )?.[0];
    expect(consignment).toBeTruthy();
    if (!(await admin.page.getByRole("button", { name: "Tandai dalam perjalanan" }).isVisible())) {
      await admin.page.getByRole("link", { name: `Buka konsinyasi ${consignment}` }).click();
    }
    await admin.page.getByRole("button", { name: "Tandai dalam perjalanan" }).click();
    await expect(admin.page.getByRole("status")).toContainText("dalam perjalanan");
    await buyerSees(first, "Dalam perjalanan");

    // The operator, on the phone, checks the consignment in parcel by parcel.
    const operator = await personIn(browser, baseURL, OPERATOR);
    const { page } = operator;
    await expect(page).toHaveURL("/operator");
    await page
      .getByRole("navigation", { name: /Pekerjaan loket Rest Area KM 56 B/ })
      .getByRole("link", { name: /^Kedatangan/ })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kedatangan");
    await expectAccessible(page);
    await page.getByRole("link", { name: `Terima paket ${consignment}` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Konsinyasi ${consignment}`);
    await expectAccessible(page);
    for (const order of [first, second]) {
      await page.getByRole("button", { name: `Terima ${order.number}` }).click();
      await expect(page.getByRole("status")).toContainText(`Paket ${order.number} diterima`);
    }
    // Checking a parcel in twice is not offered any more; the page says all are in.
    await expect(page.getByRole("button", { name: `Terima ${first.number}` })).toHaveCount(0);

    // The buyer's page says it is ready, and the message went to the outbox.
    await buyerSees(first, "Siap diambil");
    await admin.page.goto(`/admin/orders/${first.number}`);
    await expect(
      admin.page.getByRole("region", { name: "Pesan ke pembeli" }).getByText("order.ready"),
    ).toBeVisible();

    // Handover with the code; the buyer pays cash.
    await page.getByRole("link", { name: "Serah terima" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Serah terima");
    await expectAccessible(page);
    await page.getByLabel("Kode ambil atau nomor pesanan").fill(first.code);
    await page.getByRole("main").getByRole("button", { name: "Cari" }).click();
    const found = page.getByRole("article", { name: `Paket ${first.number} untuk Siti` }).first();
    await expect(found).toContainText("Bayar di loket");
    const total = /Rp\s?[\d.]+/.exec((await found.textContent()) ?? "")?.[0];
    expect(total).toBeTruthy();
    await found.getByRole("radio", { name: "Tunai" }).check();
    await found.getByLabel("Jumlah yang diterima (Rp)").fill(total!);
    await found.getByRole("button", { name: "Catat pembayaran dan serahkan" }).click();
    await expect(page.getByRole("status").first()).toContainText(
      `Paket ${first.number} diserahkan kepada Siti`,
    );
    await buyerSees(first, "Sudah diambil");

    // The signal drops: the second handover waits on the phone and goes when it returns.
    await page.reload();
    await page.evaluate(async () => {
      await navigator.serviceWorker?.ready;
    });
    await operator.context.setOffline(true);
    await page.getByText(`Serahkan ${second.number}`).click();
    const form = page.getByRole("form", { name: `Serahkan paket ${second.number}` });
    await form.getByLabel("Kode ambil pembeli").fill(second.code);
    await form.getByRole("radio", { name: "Tunai" }).check();
    await form.getByLabel("Jumlah yang diterima (Rp)").fill(total!);
    await form.getByRole("button", { name: "Catat pembayaran dan serahkan" }).click();
    await expect(
      page.getByText(`Menunggu sinyal — akan dikirim otomatis (${second.number})`),
    ).toBeVisible();
    await expect(
      page.getByText(/Menunggu sinyal — 1 serah terima akan dikirim otomatis/),
    ).toBeVisible();
    // Still readable offline: the kept arrivals page opens.
    await page
      .getByRole("navigation", { name: "Menu loket" })
      .getByRole("link", { name: "Kedatangan" })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kedatangan");

    await operator.context.setOffline(false);
    await expect(page.getByText(`Paket ${second.number} diserahkan kepada Rahmat`)).toBeVisible({
      timeout: 15_000,
    });
    await buyerSees(second, "Sudah diambil");
    // Applied once: one thank-you message, and the parcel is no longer waiting.
    await admin.page.goto(`/admin/orders/${second.number}`);
    await expect(admin.page.getByText("order.picked_up", { exact: true })).toHaveCount(1);
    await page.goto("/operator/handover");
    await expect(page.getByText(`Serahkan ${second.number}`)).toHaveCount(0);

    await operator.context.close();
    await admin.context.close();
    await first.buyer.close();
    await second.buyer.close();
  });

  test("a parcel past its hold days shows under uncollected and is marked returned", async ({
    page,
  }) => {
    // The demo seed leaves one of Dewi's parcels waiting at KM 56 A since before its hold ran out.
    await signIn(page, OPERATOR);
    await page.goto("/operator/uncollected");
    const parcel = page.getByRole("listitem").filter({ hasText: "Dewi" });
    await expect(parcel).toHaveCount(1);
    await expect(parcel).toContainText("Rest Area KM 56 A");
    const number = (await parcel.getByText(/^KS-\d{6}-[0-9A-Z]{4}$/).textContent())!.trim();
    await parcel.getByRole("button", { name: `Tandai dikembalikan ${number}` }).click();
    await expect(page.getByRole("main")).toContainText(
      `Paket ${number} dicatat tidak diambil dan dikembalikan ke koperasi.`,
    );
    await expect(page.getByRole("listitem").filter({ hasText: number })).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tidak diambil");
    await expectAccessible(page);
  });
});

import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { deliverWebhook, fakeStripeEvent, fakeStripeRefunds } from "./stripe";

// Phone and desktop run side by side against one server, so each gives its own buyers their own
// pieces: the stock one project counts is never taken by the other.
type Pieces = { guest: string; card: string; expiry: string };

const PIECES: Record<"phone" | "desktop", Pieces> = {
  phone: {
    guest: "classic-aluminium-kettle",
    card: "flat-pempek-frying-pan",
    expiry: "cone-rice-steamer-insert",
  },
  desktop: {
    guest: "small-all-purpose-steamer-pot",
    card: "hand-hammered-aluminium-wok",
    expiry: "two-tier-aluminium-steamer",
  },
};

function pieces(): Pieces {
  return PIECES[test.info().project.name === "desktop" ? "desktop" : "phone"];
}

/** Puts `quantity` pieces of a product's first variant in the cart, from its page. */
async function addToCart(page: Page, slug: string, quantity = 1): Promise<void> {
  await page.goto(`/products/${slug}`);
  const cart = page.getByRole("link", { name: /^Keranjang \d+ barang$/ });
  const before = Number(/\d+/.exec((await cart.getAttribute("aria-label")) ?? "0")?.[0] ?? 0);
  await page.getByLabel("Jumlah").fill(String(quantity));
  await page.getByRole("button", { name: "Tambah ke keranjang" }).click();
  await expect(
    page.getByRole("link", { name: `Keranjang ${before + quantity} barang` }),
  ).toBeVisible();
}

/** How many pieces of the product's first variant are free to sell, as the cart reports it. */
async function stockOf(page: Page, slug: string): Promise<number> {
  await page.goto(`/products/${slug}`);
  const variantId = await page.locator('form input[name="variantId"]').first().inputValue();
  const response = await page.request.post("/cart", {
    form: { intent: "add", variantId, quantity: "99", redirectTo: "/cart" },
  });
  expect(response.status()).toBe(400);
  const left = /tinggal (\d+)/.exec(await response.text());
  if (!left?.[1]) throw new Error("The cart did not say how many are left");
  return Number(left[1]);
}

/** From the cart to a placed order at Rest Area KM 56 B, with the first day offered. */
async function checkOut(
  page: Page,
  payment: "Bayar saat mengambil" | "Kartu debit atau kredit",
): Promise<void> {
  await page.goto("/cart");
  await page.getByRole("link", { name: "Lanjut pesan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pesan dan ambil");
  await page.getByRole("radio", { name: /Rest Area KM 56 B/ }).check();
  await expect(page.getByRole("heading", { name: "2. Kapan diambil?" })).toBeVisible();
  await page.getByLabel("Hari dan jam ambil").selectOption({ index: 1 });
  await page.getByLabel("Nama").fill("Siti Aminah");
  await page.getByLabel("Nomor WhatsApp").fill("0812 3456 7890");
  await page.getByRole("radio", { name: new RegExp(payment) }).check();
  await page.getByRole("button", { name: "Pesan sekarang" }).click();
}

test.describe("checkout to pickup", () => {
  test("a guest pays at pickup and gets a pickup code and QR code", async ({ page }) => {
    await addToCart(page, pieces().guest);
    await checkOut(page, "Bayar saat mengambil");

    await expect(page).toHaveURL(/\/orders\/KS-\d{6}-[0-9A-Z]{4}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Pesanan KS-");
    await expect(page.getByRole("main")).toContainText("Dibayar saat diambil");
    const pass = page.getByRole("region", { name: "Kartu ambil" });
    await expect(pass.getByText(/^\d{6}$/)).toBeVisible();
    await expect(
      pass.getByRole("img", { name: /Kode QR untuk mengambil pesanan KS-/ }),
    ).toBeVisible();
    await expect(pass).toContainText("tunai atau QRIS");
    await expect(page.getByRole("link", { name: "Tambahkan ke kalender" })).toBeVisible();
    await expectAccessible(page);

    // The same browser opens the order again without any link; another browser cannot.
    const number = page.url().split("/orders/")[1];
    await page.goto(`/orders/${number}`);
    await expect(pass.getByText(/^\d{6}$/)).toBeVisible();
    const stranger = await page.context().browser()!.newContext();
    const elsewhere = await stranger.newPage();
    const response = await elsewhere.goto(new URL(`/orders/${number}`, page.url()).href);
    expect(response?.status()).toBe(404);
    await stranger.close();
  });

  test("a buyer without JavaScript checks out too", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto(`/products/${pieces().guest}`);
    await page.getByRole("button", { name: "Tambah ke keranjang" }).click();
    await expect(page).toHaveURL("/cart");
    await page.getByRole("link", { name: "Lanjut pesan" }).click();
    await page.getByRole("radio", { name: /Rest Area KM 56 B/ }).check();
    await page.getByRole("button", { name: "Tampilkan hari ambil" }).click();
    await page.getByLabel("Hari dan jam ambil").selectOption({ index: 1 });
    await page.getByLabel("Nama").fill("Budi");
    await page.getByLabel("Nomor WhatsApp").fill("12345");
    await page.getByRole("button", { name: "Pesan sekarang" }).click();

    // A number that is not one is refused with the form it should take; nothing typed is lost.
    await expect(page.getByText(/Tulis seperti 0812 3456 7890/)).toBeVisible();
    await expect(page.getByLabel("Nama")).toHaveValue("Budi");
    await page.getByLabel("Nomor WhatsApp").fill("+62 812-3456-7890");
    await page.getByLabel("Hari dan jam ambil").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Pesan sekarang" }).click();
    await expect(page).toHaveURL(/\/orders\/KS-/);
    await expect(
      page.getByRole("region", { name: "Kartu ambil" }).getByText(/^\d{6}$/),
    ).toBeVisible();
    await context.close();
  });

  test("a signed-in buyer pays by card; the order turns PAID from Stripe's webhook, and cancelling it refunds the card", async ({
    page,
  }) => {
    // Sign-up, checkout, Stripe's page, a webhook, the account page and a cancellation.
    test.slow();
    const email = `kartu-${test.info().project.name}-${Date.now()}@example.test`;
    await page.goto("/sign-up");
    await page.getByLabel("Nama").fill("Rahmat Hidayat");
    await page.getByLabel(/E-mail/).fill(email);
    await page.getByLabel("Kata sandi").fill("pempek kapal selam");
    await page.getByRole("button", { name: "Buat akun" }).click();
    // Whether the contact was new or taken, sign-up answers with the same screen.
    await expect(page.getByRole("heading", { name: "Periksa pesan Anda" })).toBeVisible();
    await page.getByRole("link", { name: "Lanjutkan" }).click();
    await expect(page).toHaveURL("/account");

    await addToCart(page, pieces().card, 2);
    await checkOut(page, "Kartu debit atau kredit");

    // Stripe Checkout (the fake): the buyer pays and comes back.
    await expect(page).toHaveURL(/\/pay\/cs_/);
    const sessionId = page.url().split("/pay/")[1]!;
    // The buyer's e-mail came with the order, so Stripe only shows where the receipt goes.
    await expect(page.getByText(`Receipt to ${email}`)).toBeVisible();
    await page.getByRole("button", { name: /^Pay Rp/ }).click();
    await expect(page).toHaveURL(/\/orders\/KS-.*session=cs_/);
    await expect(page.getByRole("heading", { name: /memastikan pembayaran/ })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Menunggu pembayaran");

    // Until Stripe says so, nothing is paid; then the page turns by itself.
    const completed = await fakeStripeEvent(page.request, sessionId, "complete");
    expect((await deliverWebhook(page.request, completed)).status()).toBe(200);
    await expect(page.getByRole("main")).toContainText("Sudah dibayar", { timeout: 15_000 });
    await expect(
      page.getByRole("region", { name: "Kartu ambil" }).getByText(/^\d{6}$/),
    ).toBeVisible();
    // Stripe delivers again: nothing is applied twice.
    const again = await deliverWebhook(page.request, completed);
    expect(await again.json()).toMatchObject({ outcome: "duplicate" });

    // "My orders" lists it.
    const number = /KS-\d{6}-[0-9A-Z]{4}/.exec(page.url())![0];
    await page.goto("/account");
    await expect(page.getByRole("link", { name: new RegExp(number) })).toBeVisible();
    await page.getByRole("link", { name: new RegExp(number) }).click();

    // Cancelling a paid order refunds the card in full.
    await page.getByRole("checkbox", { name: "Ya, batalkan pesanan ini" }).check();
    await page.getByRole("button", { name: "Batalkan pesanan" }).click();
    await expect(page.getByRole("main")).toContainText(/Dibatalkan|Dana dikembalikan/);
    const paymentIntent = (completed.data.object as { payment_intent: string }).payment_intent;
    const refund = (await fakeStripeRefunds(page.request)).find(
      (candidate) => candidate.payment_intent === paymentIntent,
    );
    expect(refund, "a refund was made at Stripe").toBeDefined();
    await page.reload();
    await expect(page.getByRole("main")).toContainText("Dana dikembalikan");
    await expectAccessible(page);
  });

  test("an unpaid card order that expires gives its pieces back", async ({ page }) => {
    const slug = pieces().expiry;
    const before = await stockOf(page, slug);
    await addToCart(page, slug, 3);
    await checkOut(page, "Kartu debit atau kredit");
    await expect(page).toHaveURL(/\/pay\/cs_/);
    const sessionId = page.url().split("/pay/")[1]!;
    expect(await stockOf(page, slug)).toBe(before - 3);

    // The buyer never pays; Stripe closes the page when its time is up.
    const expired = await fakeStripeEvent(page.request, sessionId, "expire");
    expect((await deliverWebhook(page.request, expired)).status()).toBe(200);
    expect(await stockOf(page, slug)).toBe(before);
  });

  test("a forged webhook changes nothing", async ({ request }) => {
    const response = await request.post("/webhooks/stripe", {
      data: JSON.stringify({ id: "evt_forged", type: "checkout.session.completed" }),
      headers: { "Content-Type": "application/json", "Stripe-Signature": "t=1,v1=forged" },
    });
    expect(response.status()).toBe(400);
  });
});

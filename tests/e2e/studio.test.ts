import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { expectAccessible } from "./accessibility";

// The artisan's studio on a phone: a new listing with two photos, published and found in the
// shop; a buyer orders it; the artisan packs it and prints the slip; the month's statement and
// its CSV. One artisan's own data, so it runs on the phone project only (the desktop project
// would post the same listing a second time).

const PASSWORD = "sungging-demo-2026";
const ARTISAN = "syamsuddin-latif@karyasungging.test";

test.skip(({ isMobile }) => !isMobile, "the studio journey is a phone journey");

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail atau nomor WhatsApp").fill(email);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL("/studio");
}

/** A phone photo of a piece: a JPEG with the copper tone of the shop's own pictures. */
async function photo(
  name: string,
  hue: string,
): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const buffer = await sharp({
    create: { width: 1600, height: 1200, channels: 3, background: hue },
  })
    .jpeg({ quality: 85 })
    .toBuffer();
  return { name, mimeType: "image/jpeg", buffer };
}

test("an artisan lists a piece with two photos, publishes it, packs its order and downloads the statement", async ({
  page,
  browser,
  baseURL,
}) => {
  // Photos processed, an order placed and packed: over a minute alone, more on a busy CI core.
  test.setTimeout(240_000);
  const title = `Gelang Tatah Pucuk Rebung ${Date.now().toString(36)}`;
  await signIn(page, ARTISAN);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Syamsuddin");
  await expectAccessible(page);

  // 1. A new listing, with the price typed the way people write it.
  await page
    .getByRole("navigation", { name: "Menu studio" })
    .getByRole("link", { name: "Produk" })
    .click();
  await expect(page).toHaveURL("/studio/listings");
  await page.getByRole("link", { name: "Tambah produk" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Produk baru");
  await page.getByLabel("Nama produk", { exact: true }).fill(title);
  await page
    .getByLabel("Cerita produk", { exact: true })
    .fill("Gelang perak bermotif pucuk rebung, ditatah tangan di Tanjung Batu.");
  await page.getByLabel("Kategori").selectOption({ index: 1 });
  await page.getByLabel("Logam utama").selectOption("SILVER");
  await page.getByLabel("Lama pembuatan (hari)").fill("0");
  await page.getByLabel("Nama varian", { exact: true }).fill("Ukuran 17");
  await page.getByLabel("Harga (Rp)").fill("Rp 250.000");
  await page.getByLabel("Stok", { exact: true }).fill("3");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Simpan dan lanjut ke foto" }).click();

  // 2. Two photos through the drop zone, each with its own description.
  await expect(page).toHaveURL(
    /\/studio\/listings\/gelang-tatah-pucuk-rebung-[a-z0-9-]+\/photos\?created=1/,
  );
  const slug = /\/studio\/listings\/([^/]+)\/photos/.exec(page.url())![1]!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Foto produk");
  await page
    .getByLabel(/Ketuk untuk memilih foto/)
    .setInputFiles([await photo("depan.jpg", "#b8692f"), await photo("samping.jpg", "#8f8f8f")]);
  await page
    .getByLabel("Keterangan depan.jpg (Bahasa Indonesia)")
    .fill("Gelang tatah, tampak depan");
  await page
    .getByLabel("Keterangan samping.jpg (Bahasa Indonesia)")
    .fill("Gelang tatah, tampak samping");
  await page.getByRole("button", { name: "Unggah 2 foto" }).click();
  const photos = page.getByRole("region", { name: "Foto produk, urut dari foto sampul" });
  await expect(photos.getByRole("listitem")).toHaveCount(2, { timeout: 30_000 });
  await expect(photos.getByRole("listitem").first()).toContainText("Foto sampul");
  await expectAccessible(page);

  // 3. Published, and there in the shop for everyone.
  await page.getByRole("link", { name: "Kembali ke produk" }).click();
  await expect(page).toHaveURL(`/studio/listings/${slug}`);
  await page.getByRole("button", { name: "Tayangkan di toko" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Produk sudah tayang di toko." }),
  ).toBeVisible();
  await expectAccessible(page);

  const buyerContext = await browser.newContext({ ...test.info().project.use, baseURL });
  const buyer = await buyerContext.newPage();
  await buyer.goto(`/products?q=${encodeURIComponent("pucuk rebung tatah")}`);
  await buyer
    .getByRole("link", { name: new RegExp(title) })
    .first()
    .click();
  await expect(buyer).toHaveURL(`/products/${slug}`);
  await expect(buyer.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(buyer.getByRole("main")).toContainText("Rp 250.000");
  // The cover first in the gallery, the side view after it.
  const gallery = buyer.getByRole("list", { name: "Foto produk" });
  await expect(gallery.getByRole("img").first()).toHaveAccessibleName("Gelang tatah, tampak depan");
  await expect(gallery.getByRole("img", { name: "Gelang tatah, tampak samping" })).toBeAttached();

  // A buyer orders it, paying at pickup.
  await buyer.getByRole("button", { name: "Tambah ke keranjang" }).click();
  await expect(buyer.getByRole("link", { name: "Keranjang 1 barang" })).toBeVisible();
  await buyer.goto("/cart");
  await buyer.getByRole("link", { name: "Lanjut pesan" }).click();
  await buyer.getByRole("radio", { name: /Rest Area KM 87 A/ }).check();
  await buyer.getByLabel("Hari dan jam ambil").selectOption({ index: 1 });
  await buyer.getByLabel("Nama").fill("Dewi Kartika Sari");
  await buyer.getByLabel("Nomor WhatsApp").fill("0812 7777 1234");
  await buyer.getByRole("radio", { name: /Bayar saat mengambil/ }).check();
  await buyer.getByRole("button", { name: "Pesan sekarang" }).click();
  await expect(buyer).toHaveURL(/\/orders\/KS-\d{6}-[0-9A-Z]{4}$/);
  const number = buyer.url().split("/orders/")[1]!;
  await buyerContext.close();

  // 4. The order waits on the studio's home and in "Pesanan"; the artisan packs it.
  await page.goto("/studio");
  await expect(page.getByRole("link", { name: new RegExp(number) })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Menu studio" })
    .getByRole("link", { name: "Pesanan" })
    .click();
  await expect(page).toHaveURL("/studio/orders");
  await page
    .getByRole("link", { name: new RegExp(number) })
    .first()
    .click();
  await expect(page).toHaveURL(`/studio/orders/${number}`);
  await expect(page.getByRole("main")).toContainText("Dewi");
  await expect(page.getByRole("main")).not.toContainText("Kartika Sari");
  await expect(page.getByRole("main")).not.toContainText("7777");
  await expectAccessible(page);
  await page.getByRole("button", { name: new RegExp(`^Sudah dikemas.*${title}`) }).click();
  await expect(page.getByRole("main")).toContainText(
    "Semua barang Anda di pesanan ini sudah dikemas.",
  );

  // The packing slip: the number and the buyer's first name, never the pickup code.
  await page.getByRole("link", { name: "Slip kemas" }).click();
  await expect(page).toHaveURL(`/studio/orders/${number}/slip`);
  await expect(page.getByRole("main")).toContainText(number);
  await expect(page.getByRole("main")).toContainText("Dewi");
  await expect(page.getByRole("main")).toContainText("Rest Area KM 87 A");
  await expectAccessible(page);

  // 5. This month's statement, and its CSV for Excel.
  await page
    .getByRole("navigation", { name: "Menu studio" })
    .getByRole("link", { name: "Laporan" })
    .click();
  await expect(page).toHaveURL("/studio/statements");
  await expect(page.getByRole("img", { name: /Penjualan/ })).toBeVisible();
  await expectAccessible(page);
  const month = new Intl.DateTimeFormat("id-ID", {
    timeZone: "Asia/Jakarta",
    month: "long",
    year: "numeric",
  }).format(new Date());
  await page.getByRole("link", { name: month }).first().click();
  await expect(page).toHaveURL(/\/studio\/statements\/\d{4}-\d{2}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(month);
  await expectAccessible(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Unduh CSV (untuk Excel)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^laporan-penjualan-\d{4}-\d{2}\.csv$/);
  const csv = await readFile(await download.path());
  // Excel reads the file as UTF-8 because of its byte-order mark.
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  // Nothing has been collected yet this month: the columns and the totals, all zero.
  const lines = csv.toString("utf8").slice(1).trim().split(/\r?\n/);
  expect(lines[0]).toBe(
    "Nomor pesanan,Tanggal diambil,Barang,Varian,Jumlah,Harga satuan (Rp),Total baris (Rp)",
  );
  expect(lines.at(-1)).toBe("Bersih dibayarkan,,,,,,0");
});

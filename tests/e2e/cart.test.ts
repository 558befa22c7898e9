import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./accessibility";

/** Opens the home page's first featured piece, the way a buyer would; returns its title. */
async function openFirstFeaturedProduct(page: Page): Promise<string> {
  await page.goto("/");
  const card = page.getByRole("region", { name: "Karya pilihan" }).getByRole("article").first();
  const title = (await card.getByRole("heading").textContent()) ?? "";
  await card.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return title;
}

/** A piece's title inside a pattern, matched as written. */
function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const stockLeftMessage = (title: string) =>
  new RegExp(`^Stok ${literally(title)} tinggal \\d+\\.$`);
const quantityOf = (title: string) => new RegExp(`^Jumlah ${literally(title)}`);

test.describe("a buyer's cart", () => {
  test("is empty at first and points the buyer to the products", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Keranjang 0 barang" }).click();
    await expect(page).toHaveURL("/cart");
    await expect(page).toHaveTitle("Keranjang belanja — Karya Sungging");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Keranjang");
    await expect(page.getByRole("heading", { name: "Keranjang Anda masih kosong" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Lihat produk" }).click();
    await expect(page).toHaveURL("/products");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Produk");
  });

  test("is one visitor's own page, never kept by a shared cache", async ({ request }) => {
    const response = await request.get("/cart");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("private, no-store");
  });

  test("refuses, in the buyer's language, what cannot be added, and remembers nothing", async ({
    page,
  }) => {
    const unknown = await page.request.post("/cart", {
      form: { intent: "add", variantId: "tidak-ada", quantity: "1", redirectTo: "/cart" },
    });
    expect(unknown.status()).toBe(400);
    expect(await unknown.text()).toContain(
      "Pilihan produk ini tidak ditemukan atau sudah tidak dijual.",
    );
    expect(unknown.headers()["set-cookie"]).toBeUndefined();

    const tooMany = await page.request.post("/cart?lng=en", {
      form: { intent: "add", variantId: "tidak-ada", quantity: "100", redirectTo: "/cart" },
    });
    expect(tooMany.status()).toBe(400);
    expect(await tooMany.text()).toContain("The quantity must be a whole number from 1 to 99.");

    await page.goto("/cart");
    await expect(page.getByRole("heading", { name: "Keranjang Anda masih kosong" })).toBeVisible();
  });
});

test.describe("a buyer filling the cart", () => {
  test("adds a piece from its page without leaving it, then changes and empties the cart", async ({
    page,
  }) => {
    const title = await openFirstFeaturedProduct(page);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const add = page.getByRole("button", { name: "Tambah ke keranjang" });

    // More than the artisans have is refused on the spot, naming the piece.
    await page.getByRole("spinbutton", { name: "Jumlah" }).fill("99");
    await add.click();
    await expect(page.getByText(stockLeftMessage(title))).toBeVisible();
    await expect(page.getByRole("link", { name: "Keranjang 0 barang" })).toBeVisible();

    // Added twice over the same page: it never reloads, and the header counts along.
    await page.getByRole("spinbutton", { name: "Jumlah" }).fill("1");
    await add.click();
    await expect(page.getByText("Ditambahkan ke keranjang")).toBeVisible();
    await expect(page.getByRole("link", { name: "Keranjang 1 barang" })).toBeVisible();
    await add.click();
    await expect(page.getByRole("link", { name: "Keranjang 2 barang" })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );

    await page.getByRole("link", { name: "Lihat keranjang" }).click();
    await expect(page).toHaveURL("/cart");
    const line = page.getByRole("list", { name: "Keranjang" }).getByRole("listitem");
    await expect(line).toHaveCount(1);
    await expect(line.getByRole("link", { name: title })).toBeVisible();
    const quantity = line.getByRole("spinbutton", { name: quantityOf(title) });
    await expect(quantity).toHaveValue("2");
    await expectAccessible(page);

    // More than the artisans have: refused by name, and what the buyer typed stays.
    await quantity.fill("99");
    await line.getByRole("button", { name: /^Perbarui/ }).click();
    await expect(line.getByText(stockLeftMessage(title))).toBeVisible();
    await expect(quantity).toHaveValue("99");
    await expect(page.getByRole("link", { name: "Keranjang 2 barang" })).toBeVisible();

    await quantity.fill("1");
    await line.getByRole("button", { name: /^Perbarui/ }).click();
    await expect(page.getByRole("link", { name: "Keranjang 1 barang" })).toBeVisible();
    const summary = page.getByRole("region", { name: "Ringkasan" });
    await expect(summary).toContainText("1 barang");
    const unitPrice = await line.getByText(/^Rp/).first().textContent();
    await expect(summary.getByText(/^Rp/)).toHaveText(unitPrice ?? "");

    await line.getByRole("button", { name: /^Hapus/ }).click();
    await expect(page.getByRole("heading", { name: "Keranjang Anda masih kosong" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Keranjang 0 barang" })).toBeVisible();
  });

  test("keeps the cart after the browser is closed and opened again", async ({ page, browser }) => {
    await openFirstFeaturedProduct(page);
    await page.getByRole("button", { name: "Tambah ke keranjang" }).click();
    await expect(page.getByRole("link", { name: "Keranjang 1 barang" })).toBeVisible();

    // A new browser with the cookies the last one saved to disk.
    const reopened = await browser.newContext({
      storageState: await page.context().storageState(),
    });
    const again = await reopened.newPage();
    await again.goto(new URL("/cart", page.url()).toString());
    await expect(again.getByRole("list", { name: "Keranjang" }).getByRole("listitem")).toHaveCount(
      1,
    );
    await reopened.close();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a buyer adds from the product page, lands on the cart, and changes it", async ({
    page,
  }) => {
    const title = await openFirstFeaturedProduct(page);
    await page.getByRole("button", { name: "Tambah ke keranjang" }).click();

    await expect(page).toHaveURL("/cart");
    await expect(page.getByRole("link", { name: "Keranjang 1 barang" })).toBeVisible();
    const line = page.getByRole("list", { name: "Keranjang" }).getByRole("listitem");
    const quantity = line.getByRole("spinbutton", { name: quantityOf(title) });
    await expect(quantity).toHaveValue("1");

    await quantity.fill("0");
    await line.getByRole("button", { name: /^Perbarui/ }).click();
    await expect(line.getByText("Jumlah harus bilangan bulat dari 1 sampai 99.")).toBeVisible();
    await expect(quantity).toHaveValue("0");

    await quantity.fill("2");
    await line.getByRole("button", { name: /^Perbarui/ }).click();
    await expect(page.getByRole("link", { name: "Keranjang 2 barang" })).toBeVisible();
    await line.getByRole("button", { name: /^Hapus/ }).click();
    await expect(page.getByRole("heading", { name: "Keranjang Anda masih kosong" })).toBeVisible();
  });

  test("a refused add from the product page is explained at the top of the cart", async ({
    page,
  }) => {
    const title = await openFirstFeaturedProduct(page);
    await page.getByRole("spinbutton", { name: "Jumlah" }).fill("99");
    await page.getByRole("button", { name: "Tambah ke keranjang" }).click();

    await expect(page).toHaveURL("/cart");
    await expect(page.getByRole("alert")).toHaveText(stockLeftMessage(title));
    await expect(page.getByRole("heading", { name: "Keranjang Anda masih kosong" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Keranjang 0 barang" })).toBeVisible();
  });
});

// A buyer's way through the shop: browse by metal, filter, search with a typo, open a piece,
// choose a variant, switch language, add to the cart and change the quantity — with JavaScript
// and without it.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./accessibility";

async function browseFilterAndSearch(
  page: Page,
  { checkAccessibility }: { checkAccessibility: boolean },
) {
  await page.goto("/");
  await page
    .getByRole("region", { name: "Pilih logam" })
    .getByRole("link", { name: /^Tembaga/ })
    .click();
  await expect(page).toHaveURL(/\/products\?metal=copper/);
  await expect(page.getByRole("heading", { level: 1, name: "Produk" })).toBeVisible();
  if (checkAccessibility) await expectAccessible(page);

  await page.getByText("Saring dan urutkan").click();
  await page.getByLabel("Kategori").selectOption("trays");
  await page.getByLabel("Urutkan").selectOption("price-asc");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/category=trays/);
  const trays = page.locator("main").getByRole("article");
  await expect(trays.first()).toBeVisible();
  for (const title of await trays.getByRole("heading").allTextContents()) {
    expect(title).toMatch(/Nampan/);
  }
  await expect(page.getByRole("navigation", { name: "Saringan aktif" })).toContainText("Tembaga");

  await page.getByRole("searchbox", { name: "Cari produk" }).first().fill("rantng alumunium");
  await page.getByRole("button", { name: "Cari", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Hasil pencarian “rantng alumunium”",
  );
  const first = page.locator("main").getByRole("article").first();
  await expect(first.getByRole("heading")).toContainText("Rantang");
  if (checkAccessibility) await expectAccessible(page);
  await first.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rantang");
}

test.describe("a buyer shopping on a phone", () => {
  test("finds a food carrier, chooses a size, and puts two in the cart", async ({ page }) => {
    test.slow();
    await browseFilterAndSearch(page, { checkAccessibility: true });
    await expectAccessible(page);

    const variants = page.getByRole("navigation", { name: "Pilih varian" }).getByRole("link");
    if ((await variants.count()) > 1) {
      const second = variants.nth(1);
      const label = await second.textContent();
      await second.click();
      await expect(page).toHaveURL(/variant=/);
      await expect(
        page
          .getByRole("navigation", { name: "Pilih varian" })
          .getByRole("link", { name: label ?? "" }),
      ).toHaveAttribute("aria-current", "true");
    }

    const indonesianTitle = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(indonesianTitle);
    const englishTitle = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
    await expectAccessible(page);

    await page.getByLabel("Quantity").fill("2");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText("Added to cart")).toBeVisible();
    // Added without leaving the page; the header's count follows.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(englishTitle);
    await expect(page.getByRole("link", { name: "Cart 2 items" })).toBeVisible();

    await page.getByRole("link", { name: "Cart 2 items" }).click();
    await expect(page).toHaveURL("/cart");
    await expectAccessible(page);
    const quantity = page.getByLabel("Quantity").first();
    await expect(quantity).toHaveValue("2");
    await quantity.fill("1");
    await page.getByRole("button", { name: "Update" }).first().click();
    await expect(page.getByRole("link", { name: "Cart 1 item" })).toBeVisible();
    await expect(page.getByLabel("Quantity").first()).toHaveValue("1");
  });

  test("is told clearly when asking for more than the artisan has", async ({ page }) => {
    await page.goto("/products?q=gelang&stock=1");
    await page.locator("main").getByRole("article").first().getByRole("link").click();
    await page.getByLabel("Jumlah").fill("99");
    await page.getByRole("button", { name: "Tambah ke keranjang" }).click();
    await expect(page.getByText(/tinggal \d+/)).toBeVisible();
    await expect(page.getByLabel("Jumlah")).toHaveValue("99");
  });
});

test.describe("the same journey without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("browses, filters, searches, adds to the cart and changes the quantity", async ({
    page,
  }) => {
    test.slow();
    await browseFilterAndSearch(page, { checkAccessibility: false });
    const title = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
    await page.getByLabel("Jumlah").fill("2");
    await page.getByRole("button", { name: "Tambah ke keranjang" }).click();
    await expect(page).toHaveURL("/cart");
    await expect(page.getByRole("link", { name: "Keranjang 2 barang" })).toBeVisible();
    await expect(page.locator("main")).toContainText(title.trim());
    await page.getByLabel("Jumlah").first().fill("1");
    await page.getByRole("button", { name: "Perbarui" }).first().click();
    await expect(page.getByRole("link", { name: "Keranjang 1 barang" })).toBeVisible();
  });
});

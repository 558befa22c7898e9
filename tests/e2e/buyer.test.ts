import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";

test.describe("a buyer on the home page", () => {
  test("sees the cooperative's featured pieces with photos and rupiah prices, in Indonesian", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Perak dan tembaga dari tangan perajin Ogan Ilir",
    );
    const featured = page.getByRole("region", { name: "Karya pilihan" }).getByRole("article");
    await expect(featured).toHaveCount(8);
    const first = featured.first();
    await expect(first.getByRole("heading")).not.toBeEmpty();
    await expect(first).toContainText(/Rp\s\d{1,3}(\.\d{3})+/);

    // Every featured photo really loads (renditions are served from the data folder).
    const photos = page.getByRole("region", { name: "Karya pilihan" }).getByRole("img");
    await expect(photos).toHaveCount(8);
    for (const photo of await photos.all()) {
      await photo.scrollIntoViewIfNeeded();
      await expect
        .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBeGreaterThan(0);
    }

    await expect(page.getByRole("link", { name: "Keranjang 0 barang" })).toBeVisible();
    await expect(page.getByRole("contentinfo")).toContainText("KUB Karya Usang Sungging");
    await expect(page.getByRole("heading", { name: "Lampung" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Rest Area KM 87 B" })).toBeVisible();
    await expectAccessible(page);
  });

  test("switches to English, and the shop remembers it on the next visit", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Silver and copper from the hands of Ogan Ilir's artisans",
    );
    await expect(page.getByRole("region", { name: "Featured pieces" })).toBeVisible();
    await expect(page.getByText("towards Lampung (southbound)").first()).toBeVisible();

    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "Ganti ke Bahasa Indonesia" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
  });

  test("gets a helpful page in their language for an address that does not exist", async ({
    page,
  }) => {
    const response = await page.goto("/tidak-ada-halaman-ini");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Kembali ke beranda" }).click();
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the home page and the language switch still work", async ({ page }) => {
    await page.goto("/");
    await expect(
      page.getByRole("region", { name: "Karya pilihan" }).getByRole("article"),
    ).toHaveCount(8);
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test("the health check answers while the database does", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.text()).toBe("ok");
});

test("every shop page names its Indonesian and English address and a picture for shared links", async ({
  page,
  request,
}) => {
  for (const path of ["/", "/products?metal=copper", "/artisans", "/pickup-points"]) {
    await page.goto(path);
    const head = page.locator("head");
    const english = await head.locator('link[rel="alternate"][hreflang="en"]').getAttribute("href");
    expect(english, path).toMatch(/[?&]lng=en$/);
    await expect(head.locator('link[rel="alternate"][hreflang="id"]')).toHaveCount(1);
    await expect(head.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveCount(1);
    await expect(head.locator('link[rel="canonical"]')).toHaveCount(1);
    const image = await head.locator('meta[property="og:image"]').getAttribute("content");
    expect(image, path).toMatch(/^http:\/\/localhost:\d+\/media\/.+\.jpg$/);
    const response = await request.get(image!);
    expect(response.headers()["content-type"]).toBe("image/jpeg");
  }
});

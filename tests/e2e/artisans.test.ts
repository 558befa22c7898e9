import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";

test.describe("a buyer getting to know the artisans", () => {
  test("finds an artisan from the menu, reads the story in both languages and sees their pieces", async ({
    page,
  }) => {
    // Five pages, each checked by axe: more than the default 30 s on a busy two-core machine.
    test.slow();
    await page.goto("/");
    await expectAccessible(page);
    await page
      .getByRole("navigation", { name: "Menu" })
      .getByRole("link", { name: "Perajin" })
      .click();
    await expect(page).toHaveURL("/artisans");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Perajin kami");
    await expect(page.getByRole("article")).toHaveCount(12);
    const card = page.getByRole("article").filter({ hasText: "Rosmawati Saleh" });
    await expect(card).toContainText("Tanjung Batu");
    await expect(card).toContainText("Perajin perak");
    await expect(card).toContainText("Berkarya sejak 1991");
    await expect(card).toContainText("5 karya dijual");
    await expect(page.getByRole("article").filter({ hasText: "Syamsuddin Latif" })).toContainText(
      "Perajin perak dan tembaga",
    );
    await expectAccessible(page);

    await card.getByRole("link", { name: "Rosmawati Saleh" }).click();
    await expect(page).toHaveURL("/artisans/rosmawati-saleh");
    await expect(page).toHaveTitle(/^Rosmawati Saleh, perajin perak/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rosmawati Saleh");
    await expect(page.getByText("Berkarya sejak 1991")).toBeVisible();
    const portrait = page.getByRole("img", { name: "Potret Rosmawati Saleh" });
    await expect
      .poll(() => portrait.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    await expect(page.getByRole("region", { name: "Kisah Rosmawati Saleh" })).toContainText(
      "Bu Rosmawati belajar kerawang dari ayahnya",
    );
    // Link previews in WhatsApp need the portrait's full address.
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
      "content",
      /^http:\/\/localhost:\d+\/media\/artisans\/.+\.jpg$/,
    );

    const pieces = page.getByRole("region", { name: "Karya Rosmawati Saleh" });
    await expect(pieces.getByRole("article")).toHaveCount(5);
    await expect(pieces.getByRole("article").first()).toContainText("oleh Rosmawati Saleh");
    const firstPiece = pieces.getByRole("link").first();
    expect(await firstPiece.getAttribute("href")).toMatch(/^\/products\/[a-z0-9-]+$/);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL("/artisans/rosmawati-saleh");
    await expect(page.getByRole("region", { name: "Rosmawati Saleh's story" })).toContainText(
      "Bu Rosmawati learned filigree from her father",
    );
    await expect(page.getByText("Crafting since 1991")).toBeVisible();
    await expect(page.getByRole("region", { name: "Pieces by Rosmawati Saleh" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "All artisans" }).click();
    await expect(page).toHaveURL("/artisans");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Our artisans");
    await expect(page.getByRole("article").filter({ hasText: "Syamsuddin Latif" })).toContainText(
      "Works in silver and copper",
    );
    await expectAccessible(page);
  });

  test("gets the not-found page for an artisan who does not exist", async ({ page }) => {
    for (const address of ["/artisans/tidak-ada", "/artisans/Rosmawati_Saleh"]) {
      const response = await page.goto(address);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
      await expectAccessible(page);
    }
    await page.getByRole("link", { name: "Kembali ke beranda" }).click();
    await expect(page).toHaveURL("/");
  });

  test("is never served a cached page meant for another visitor's cart or language", async ({
    request,
  }) => {
    for (const address of ["/artisans", "/artisans/rosmawati-saleh"]) {
      const response = await request.get(address);
      expect(response.status()).toBe(200);
      expect(response.headers()["cache-control"]).toBe("private, max-age=0, must-revalidate");
      expect(response.headers()["vary"]).toContain("Cookie");
    }
  });
});

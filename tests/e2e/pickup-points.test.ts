import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./accessibility";

const KM_56_B = "/pickup-points/km-56-b-indralaya-prabumulih";

async function openKm56bFromTheDirectory(page: Page): Promise<void> {
  await page.goto("/pickup-points");
  await page
    .getByRole("region", { name: "Palembang & Ogan Ilir" })
    .getByRole("region", { name: "Arah Palembang" })
    .getByRole("link", { name: "Rest Area KM 56 B" })
    .click();
  await expect(page).toHaveURL(KM_56_B);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rest Area KM 56 B");
}

async function expectKm56bMarkedAsMine(page: Page): Promise<void> {
  await expect(page.getByText("Rest area Anda:")).toBeVisible();
  await expect(page.getByRole("article", { name: "Rest Area KM 56 B" })).toContainText(
    "Rest area Anda",
  );
  await expect(page.getByRole("article", { name: "Rest Area KM 56 A" })).not.toContainText(
    "Rest area Anda",
  );
}

test.describe("a buyer choosing where to collect", () => {
  test("finds rest areas by region and direction of travel, with hours and the next pickup days", async ({
    page,
  }) => {
    const response = await page.goto("/pickup-points");
    expect(response?.headers()["cache-control"]).toBe("private, max-age=0, must-revalidate");
    expect(response?.headers()["vary"]).toContain("Cookie");
    await expect(page).toHaveTitle(/^Titik ambil/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Titik ambil");
    await expect(page.getByText("Jalur A dan Jalur B melayani arah yang berlawanan")).toBeVisible();
    for (const region of ["Palembang & Ogan Ilir", "Lampung", "Bengkulu"]) {
      await expect(page.getByRole("heading", { level: 2, name: region })).toBeVisible();
    }

    const lampung = page.getByRole("region", { name: "Lampung", exact: true });
    const km87a = lampung
      .getByRole("region", { name: "Arah Palembang" })
      .getByRole("article", { name: "Rest Area KM 87 A" });
    await expect(km87a).toContainText("Jalur A · arah Palembang (ke utara)");
    await expect(km87a).toContainText("Ruas Bakauheni–Terbanggi Besar");
    await expect(km87a).toContainText("Setiap hari, 08.00–20.00 WIB");
    await expect(km87a).toContainText("Food court 3 lantai");
    await expect(km87a.locator("time")).toHaveCount(3);
    await expect(km87a.locator("time").first()).toHaveText(/^[A-Z][a-z]+, \d{1,2} [A-Z][a-z]{2}$/);
    await expect(
      lampung
        .getByRole("region", { name: "Arah Bandar Lampung" })
        .getByRole("article", { name: "Rest Area KM 87 B" }),
    ).toContainText("Jalur B · arah Lampung (ke selatan)");
    // The seasonal Palindra rest area is closed for pickups in the seed.
    await expect(page.getByRole("link", { name: "Rest Area KM 20 Palindra" })).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Bengkulu", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Bengkulu" })).toBeInViewport();
  });

  test("opens KM 56 B, makes it their rest area and sees it marked", async ({ page }) => {
    // Three pages and three accessibility scans of the long directory.
    test.slow();
    await openKm56bFromTheDirectory(page);
    await expect(page).toHaveTitle(/^Rest Area KM 56 B, arah Palembang/);
    await expect(page.getByText("Jalur B · arah Palembang (dari Prabumulih)")).toBeVisible();
    const times = page.getByRole("region", { name: "Jam ambil" });
    await expect(times.getByRole("listitem")).toHaveText([
      "08.00–11.00 WIB",
      "11.00–14.00 WIB",
      "14.00–17.00 WIB",
      "17.00–20.00 WIB",
    ]);
    await expect(times).toContainText("Paket menunggu 3 hari");
    await expect(
      page.getByRole("region", { name: "Hari ambil paling cepat" }).getByRole("listitem"),
    ).toHaveCount(5);
    await expect(page.getByRole("region", { name: "Catatan" })).toContainText(
      "Rest area terdekat dari bengkel perajin",
    );
    // No coordinates were published for the seeded rest areas: no map link to nowhere.
    await expect(page.getByRole("link", { name: "Buka di Google Maps" })).toHaveCount(0);
    await expect(page.getByRole("status")).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Pilih sebagai rest area saya" }).click();
    await expect(page).toHaveURL(KM_56_B);
    await expect(page.getByRole("status")).toContainText("Ini rest area Anda");
    await expect(page.getByRole("button", { name: "Pilih sebagai rest area saya" })).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Semua titik ambil" }).click();
    await expectKm56bMarkedAsMine(page);
    await expectAccessible(page);
  });

  test("reads a rest area in English", async ({ page }) => {
    await page.goto("/pickup-points/km-87-a-bakauheni-terbanggi-besar?lng=en");
    await expect(page).toHaveTitle(/^Rest Area KM 87 A, towards Palembang/);
    await expect(page.getByText("Side A · towards Palembang (northbound)")).toBeVisible();
    await expect(page.getByRole("region", { name: "Pickup times" })).toContainText(
      "Parcels wait 3 days",
    );
    await expect(page.getByRole("button", { name: "Make this my rest area" })).toBeVisible();
    await expectAccessible(page);
  });

  test("is sent back only to a page of this shop after choosing", async ({ request }) => {
    const choose = (redirectTo: string) =>
      request.post(KM_56_B, { form: { redirectTo }, maxRedirects: 0 });
    const home = await choose("/products?metal=silver");
    expect(home.status()).toBe(302);
    expect(home.headers()["location"]).toBe("/products?metal=silver");
    expect(home.headers()["set-cookie"]).toContain("HttpOnly");
    const elsewhere = await choose("https://example.com/");
    expect(elsewhere.headers()["location"]).toBe(KM_56_B);
  });

  test("gets a helpful 404 for a rest area that does not exist or takes no pickups", async ({
    page,
    request,
  }) => {
    for (const path of [
      "/pickup-points/km-999-z-nowhere",
      "/pickup-points/km-20-palembang-indralaya",
      "/pickup-points/KM%2056%20B",
      `/pickup-points/${"k".repeat(101)}`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
    }
    await expectAccessible(page);
    const choosingNowhere = await request.post("/pickup-points/km-999-z-nowhere", {
      form: { redirectTo: "/" },
      maxRedirects: 0,
    });
    expect(choosingNowhere.status()).toBe(404);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  // axe runs as a script in the page, so it cannot check these; the same pages in the same
  // states are checked in the tests above.
  test("a buyer still chooses their rest area", async ({ page }) => {
    await openKm56bFromTheDirectory(page);
    await page.getByRole("button", { name: "Pilih sebagai rest area saya" }).click();
    await expect(page).toHaveURL(KM_56_B);
    await expect(page.getByRole("status")).toContainText("Ini rest area Anda");
    await page.getByRole("link", { name: "Semua titik ambil" }).click();
    await expectKm56bMarkedAsMine(page);
  });
});

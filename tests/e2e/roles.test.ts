import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./accessibility";

const PASSWORD = "sungging-demo-2026";

const people = [
  { role: "buyer", email: "pembeli@karyasungging.test", home: "/account" },
  { role: "artisan", email: "rosmawati-saleh@karyasungging.test", home: "/studio" },
  { role: "operator", email: "operator.km56@karyasungging.test", home: "/operator" },
  { role: "admin", email: "admin@karyasungging.test", home: "/admin" },
] as const;

const workspaceLinks = {
  artisan: "Studio perajin",
  operator: "Konsol rest area",
  admin: "Admin koperasi",
} as const;

const roleHomes = ["/studio", "/operator", "/admin"] as const;

async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail atau nomor WhatsApp").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

for (const person of people) {
  test(`the ${person.role} signs in, lands on ${person.home} and cannot open another role's pages`, async ({
    page,
  }) => {
    await signIn(page, person.email);
    await expect(page).toHaveURL(person.home);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);

    for (const other of roleHomes.filter((home) => home !== person.home)) {
      const response = await page.goto(other);
      expect(response?.status(), other).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Akses ditolak");
    }
  });
}

/** Headings, links and buttons showing a bare key such as "dashboard.title" (a missing text). */
async function bareKeys(page: Page): Promise<string[]> {
  const labels = await page
    .getByRole("heading")
    .or(page.getByRole("link"))
    .or(page.getByRole("button"))
    .allInnerTexts();
  return labels.filter((label) => /^[a-zA-Z]+(\.[a-zA-Z]+)+$/.test(label.trim()));
}

for (const person of people.filter((person) => person.role !== "buyer")) {
  test(`the ${person.role} goes from the shop into ${person.home} without a reload, and every text is there`, async ({
    page,
  }) => {
    await signIn(page, person.email);
    await expect(page).toHaveURL(person.home);
    // A shop page holds only the shop's texts; the workspace's own must arrive on the way in.
    await page.goto("/products");
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    // A slow network: the workspace's texts take a while, and the page must wait for them.
    await page.route(/\/locales\//, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await page.getByRole("banner").getByRole("link", { name: workspaceLinks[person.role] }).click();
    await expect(page).toHaveURL(person.home);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
    expect(await bareKeys(page)).toEqual([]);
  });
}

test("a visitor asked to sign in for the admin area comes back to it after signing in", async ({
  page,
}) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fusers$/);
  await page.getByLabel("E-mail atau nomor WhatsApp").fill("admin@karyasungging.test");
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL("/admin/users");
});

test("a wrong password keeps the typed contact and says so in the visitor's language", async ({
  page,
}) => {
  await signIn(page, "pembeli@karyasungging.test", "bukan-kata-sandinya");
  await expect(page.getByRole("alert")).toContainText(
    "E-mail/nomor WhatsApp atau kata sandi salah.",
  );
  await expect(page.getByLabel("E-mail atau nomor WhatsApp")).toHaveValue(
    "pembeli@karyasungging.test",
  );
  await expectAccessible(page);
});

test("a buyer signs up with a WhatsApp number, finds the header changed, and signs out", async ({
  page,
}, testInfo) => {
  const unique = String(Date.now()).slice(-7) + String(testInfo.parallelIndex);
  await page.goto("/sign-up");
  await expectAccessible(page);
  await page.getByLabel("Nama").fill("Nur Aisyah");
  await page.getByLabel(/Nomor WhatsApp/).fill(`0813 ${unique.slice(0, 4)} ${unique.slice(4)}`);
  await page.getByLabel("Kata sandi").fill("kain songket lepus");
  await page.getByRole("button", { name: "Buat akun" }).click();
  // Whether the contact was new or taken, sign-up answers with the same screen.
  await expect(page.getByRole("heading", { name: "Periksa pesan Anda" })).toBeVisible();
  await page.getByRole("link", { name: "Lanjutkan" }).click();
  await expect(page).toHaveURL("/account");
  await expect(page.getByRole("link", { name: "Akun saya", exact: true })).toBeVisible();

  await page.goto("/sign-out");
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL("/sign-in?signedOut=1");
  await expect(page.getByRole("status")).toContainText("Anda sudah keluar.");
  await expect(page.getByRole("link", { name: "Masuk" })).toBeVisible();
});

test("a buyer deletes their account and the shop says it is done", async ({ page }, testInfo) => {
  const email = `hapus-${Date.now()}-${testInfo.parallelIndex}@contoh.id`;
  await page.goto("/sign-up");
  await page.getByLabel("Nama").fill("Rahmat Hidayat");
  await page.getByLabel(/E-mail/).fill(email);
  await page.getByLabel("Kata sandi").fill("pempek kapal selam");
  await page.getByRole("button", { name: "Buat akun" }).click();
  // Whether the contact was new or taken, sign-up answers with the same screen.
  await expect(page.getByRole("heading", { name: "Periksa pesan Anda" })).toBeVisible();
  await page.getByRole("link", { name: "Lanjutkan" }).click();
  await expect(page).toHaveURL("/account");

  await page.goto("/account/delete");
  await expectAccessible(page);
  await page.getByLabel("Kata sandi Anda").fill("pempek kapal selam");
  await page.getByRole("button", { name: "Hapus akun saya selamanya" }).click();
  await expect(page).toHaveURL("/?accountDeleted=1");
  await expect(page.getByRole("status")).toContainText(
    "Akun Anda dan data pribadinya sudah dihapus",
  );
  await expect(page.getByRole("link", { name: "Masuk" })).toBeVisible();

  await signIn(page, email, "pempek kapal selam");
  await expect(page.getByRole("alert")).toContainText(
    "E-mail/nomor WhatsApp atau kata sandi salah.",
  );
});

test("every HTML page carries an enforced Content-Security-Policy with a fresh nonce on its scripts", async ({
  page,
}) => {
  const nonces: string[] = [];
  for (const path of ["/", "/products", "/sign-in", "/cart"]) {
    const response = await page.goto(path);
    const policy = response?.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, path).toBeTruthy();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
    // The page's own scripts run with that nonce (a violation would stop hydration).
    const scriptNonces = await page
      .locator("script:not([type='application/ld+json'])")
      .evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    nonces.push(nonce!);
  }
  expect(new Set(nonces).size).toBe(nonces.length);
});

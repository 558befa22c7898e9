import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The browser bundle is built before these tests run (playwright.config.ts's web server).
const CLIENT_BUILD = "build/client";

// What must never reach a phone: server configuration names, secrets' shapes, the database
// client, password hashing, and the demo password.
const FORBIDDEN = [
  "DATABASE_URL",
  "RATE_LIMIT_AUTH_PER_MINUTE",
  "PUBLIC_URL",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "sk_live_",
  "whsec_",
  "passwordHash",
  "tokenHash",
  "@prisma/client",
  "PrismaClient",
  "node:crypto",
  "sungging-demo-2026",
];

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(js|css|html|json|map)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test("the browser bundle holds no secret, no server configuration and no database code", async () => {
  const files = await filesUnder(CLIENT_BUILD);
  expect(files.length).toBeGreaterThan(5);
  const found: string[] = [];
  for (const file of files) {
    const text = await readFile(file, "utf8");
    for (const needle of FORBIDDEN) if (text.includes(needle)) found.push(`${needle} in ${file}`);
  }
  expect(found).toEqual([]);
});

test("a phone gets the shop's scripts brotli-compressed, kept for a year, without page headers", async ({
  request,
}) => {
  const home = await (await request.get("/")).text();
  const scripts = [...home.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map(
    (match) => match[1]!,
  );
  expect(scripts.length).toBeGreaterThan(3);
  let brotli = 0;
  for (const script of scripts) {
    const response = await request.get(script, { headers: { "Accept-Encoding": "br, gzip" } });
    expect(response.status(), script).toBe(200);
    const headers = response.headers();
    expect(headers["cache-control"], script).toBe("public, max-age=31536000, immutable");
    expect(headers["x-content-type-options"], script).toBe("nosniff");
    // The page's Content-Security-Policy governs documents; a script does not carry it.
    expect(headers["content-security-policy"], script).toBeUndefined();
    if (headers["content-encoding"] === "br") brotli += 1;
  }
  // The framework file and the bigger route files are stored compressed (tiny ones are not).
  expect(brotli).toBeGreaterThan(0);
  const framework = scripts.find((script) => script.includes("/framework-"));
  expect(framework).toBeDefined();
  const compressed = await request.get(framework!, { headers: { "Accept-Encoding": "br" } });
  expect(compressed.headers()["content-encoding"]).toBe("br");
  expect(Number(compressed.headers()["content-length"])).toBeLessThan(100_000);

  // The stylesheet too, with the prefixes older phones' browsers need.
  const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(home)?.[1];
  expect(stylesheet).toBeDefined();
  const css = await request.get(stylesheet!, { headers: { "Accept-Encoding": "br" } });
  expect(css.headers()["content-encoding"]).toBe("br");
  expect(await css.text()).toContain("-webkit-appearance:button");
});

test("a shop page preloads only the shop's texts; a workspace's texts are asked for apart", async ({
  request,
}) => {
  const home = await (await request.get("/")).text();
  const preload = /<link rel="preload" as="fetch"[^>]*href="([^"]+)"/
    .exec(home)?.[1]
    ?.replaceAll("&amp;", "&");
  expect(preload).toMatch(/^\/locales\/id\?set=shop&v=/);
  const shop = (await (await request.get(preload!)).json()) as object;
  expect(Object.keys(shop)).toContain("catalog");
  expect(Object.keys(shop)).not.toContain("admin");
  expect(Object.keys(shop)).not.toContain("studio");
  const all = (await (await request.get("/locales/id?set=all")).json()) as object;
  expect(Object.keys(all)).toEqual(
    expect.arrayContaining(["catalog", "admin", "studio", "operator"]),
  );
  expect(JSON.stringify(shop).length).toBeLessThan(JSON.stringify(all).length / 2);
});

test("a photo rendition is served as AVIF, and a missing one is a plain 404", async ({
  request,
}) => {
  const catalogue = await (await request.get("/products")).text();
  const avif = /srcSet="(\/media\/[^" ]+\.avif)/i.exec(catalogue)?.[1];
  expect(avif).toBeDefined();
  const photo = await request.get(avif!);
  expect(photo.status()).toBe(200);
  expect(photo.headers()["content-type"]).toBe("image/avif");
  expect(photo.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const missing = await request.get("/media/products/no-such-photo/480.avif");
  expect(missing.status()).toBe(404);
});

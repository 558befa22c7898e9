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

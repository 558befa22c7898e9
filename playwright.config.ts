import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import {
  FAKE_STRIPE_PORT,
  FAKE_STRIPE_URL,
  STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET,
} from "./tests/e2e/stripe";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// Debian's Chromium (Playwright cannot download its own browsers here); a machine that has
// Playwright's own Chromium can point CHROMIUM_PATH elsewhere, or at nothing.
const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.test.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // Most buyers and every operator are on a phone: that is the main project.
    { name: "phone", use: { ...devices["Pixel 7"], browserName: "chromium" } },
    { name: "desktop", use: { ...devices["Desktop Chrome"], browserName: "chromium" } },
  ],
  webServer: [
    {
      // Stripe's part, played by a local fake that the real SDK talks to.
      command: `npx tsx scripts/fake-stripe.ts --port ${FAKE_STRIPE_PORT}`,
      url: `${FAKE_STRIPE_URL}/_fake/stats`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The production build, on a fresh embedded database that the server seeds itself; rate
      // limits relaxed, since every test signs in from the same address.
      command: [
        `rm -rf .cache/e2e-${PORT} && npm run build &&`,
        `DATA_DIR=.cache/e2e-${PORT} PORT=${PORT}`,
        "RATE_LIMIT_AUTH_PER_MINUTE=1000 RATE_LIMIT_MUTATIONS_PER_MINUTE=10000",
        `STRIPE_SECRET_KEY=${STRIPE_SECRET_KEY} STRIPE_WEBHOOK_SECRET=${STRIPE_WEBHOOK_SECRET}`,
        `STRIPE_API_URL=${FAKE_STRIPE_URL} npm run serve`,
      ].join(" "),
      url: `http://localhost:${PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});

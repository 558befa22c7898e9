// npm run lighthouse: serves the production build on a seeded database and runs Lighthouse
// (mobile, simulated slow 4G, as Lighthouse does by default) in Debian's Chromium against the
// home page, the catalogue and a product page. Prints each category's score, the Core Web
// Vitals, the JavaScript a phone downloads and the largest image loaded before the LCP, next to
// the storefront's targets.
//   npm run lighthouse                  embedded database in .cache/lighthouse
//   npm run lighthouse -- --no-build    reuse build/
import { existsSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { someProductPath, startMeasureServer } from "./measure-server";

const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 3500);
const chromePath =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const targets = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
const JS_BUDGET_KB = 100;
const LCP_IMAGE_BUDGET_KB = 80;

type NetworkRequest = {
  url: string;
  resourceType?: string;
  transferSize?: number;
  networkEndTime?: number;
};

const server = await startMeasureServer({ port: PORT, name: "lighthouse" });
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const pages = [
  { name: "home", path: "/" },
  { name: "catalogue", path: "/products" },
  { name: "product page", path: await someProductPath(server.base) },
];

const kb = (bytes: number) => bytes / 1024;
const lines: string[] = [];
try {
  for (const page of pages) {
    // localhost, not 127.0.0.1: the same origin the shop's cookies and links use.
    const url = `http://localhost:${PORT}${page.path}`;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: Object.keys(targets),
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { lhr } = result;
    const requests = ((lhr.audits["network-requests"]?.details as { items?: NetworkRequest[] })
      ?.items ?? []) as NetworkRequest[];
    const lcpMs = lhr.audits["largest-contentful-paint"]?.numericValue ?? 0;
    const scriptBytes = requests
      .filter((r) => r.resourceType === "Script")
      .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
    const firstRequestStart = Math.min(...requests.map((r) => r.networkEndTime ?? Infinity));
    const imagesBeforeLcp = requests.filter(
      (r) =>
        r.resourceType === "Image" && (r.networkEndTime ?? Infinity) - firstRequestStart <= lcpMs,
    );
    const lcpImage = Math.max(0, ...imagesBeforeLcp.map((r) => r.transferSize ?? 0));

    lines.push(`\n${page.name} (${page.path})`);
    for (const [category, target] of Object.entries(targets)) {
      const score = Math.round((lhr.categories[category]?.score ?? 0) * 100);
      lines.push(
        `  ${category.padEnd(16)} ${String(score).padStart(3)}   target ≥ ${target}${score >= target ? "" : "   ← below target"}`,
      );
    }
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? "?";
    lines.push(
      `  LCP ${metric("largest-contentful-paint")} · FCP ${metric("first-contentful-paint")} · TBT ${metric("total-blocking-time")} · CLS ${metric("cumulative-layout-shift")}`,
    );
    lines.push(
      `  JavaScript ${kb(scriptBytes).toFixed(1)} KB transferred (budget ${JS_BUDGET_KB} KB)${kb(scriptBytes) > JS_BUDGET_KB ? "   ← over budget" : ""}`,
    );
    lines.push(
      `  largest image before LCP ${kb(lcpImage).toFixed(1)} KB (budget ${LCP_IMAGE_BUDGET_KB} KB)${kb(lcpImage) > LCP_IMAGE_BUDGET_KB ? "   ← over budget" : ""}`,
    );
    const work = (
      lhr.audits["mainthread-work-breakdown"]?.details as
        { items?: { groupLabel: string; duration: number }[] } | undefined
    )?.items;
    if (work?.length) {
      const top = [...work].sort((a, b) => b.duration - a.duration).slice(0, 3);
      lines.push(
        `  main thread: ${top.map((w) => `${w.groupLabel} ${Math.round(w.duration)} ms`).join(", ")}`,
      );
    }
    const failing = Object.values(lhr.audits)
      .filter(
        (audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary",
      )
      .map((audit) => audit.id);
    if (failing.length > 0) lines.push(`  failing audits: ${failing.join(", ")}`);
  }
} finally {
  await chrome.kill();
  server.stop();
}
console.log(lines.join("\n"));
process.exit(0);

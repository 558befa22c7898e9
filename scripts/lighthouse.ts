// npm run lighthouse: serves the production build on a seeded database and runs Lighthouse
// (mobile, simulated slow 4G, as Lighthouse does by default) in Debian's Chromium against the
// home page, the catalogue and a product page, and first against the bare route of `npm run bench`
// (a tiny fixed page with the site's layout and scripts: the framework's floor on this machine).
// Each page runs several times and the run with the median performance score is reported, with
// the range. Prints each category's score, the Core Web Vitals, the JavaScript a phone downloads
// and the largest image loaded before the LCP, next to the storefront's targets.
//   npm run lighthouse                  embedded database in .cache/lighthouse
//   npm run lighthouse -- --no-build    reuse build/
//   npm run lighthouse -- --runs 5      runs per page (3 by default)
//   npm run lighthouse -- --only /products   only the pages whose path starts with it
//   npm run lighthouse -- --json DIR    also writes each page's reported run to DIR/<page>.json
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import type { Result } from "lighthouse";
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

const option = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const runs = Math.max(1, Number(option("--runs") ?? 3));
const jsonDir = option("--json");
const only = option("--only");
if (jsonDir) mkdirSync(jsonDir, { recursive: true });

const server = await startMeasureServer({
  port: PORT,
  name: "lighthouse",
  env: { BENCH_FLOOR: "1" },
});
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const pages = [
  // A reference only: it is marked noindex and has no description, so its SEO score is low.
  { name: "floor (bare route)", path: "/bench/floor", reference: true },
  { name: "home", path: "/" },
  { name: "catalogue", path: "/products" },
  { name: "product page", path: await someProductPath(server.base) },
];

const kb = (bytes: number) => bytes / 1024;
const lines: string[] = [];
try {
  for (const page of pages.filter((page) => !only || page.path.startsWith(only))) {
    // localhost, not 127.0.0.1: the same origin the shop's cookies and links use.
    const url = `http://localhost:${PORT}${page.path}`;
    const results: Result[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: Object.keys(targets),
      });
      if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
      results.push(result.lhr);
    }
    const performance = (report: Result) =>
      Math.round((report.categories.performance?.score ?? 0) * 100);
    results.sort((a, b) => performance(a) - performance(b));
    const lhr = results[Math.floor(results.length / 2)]!;
    if (jsonDir)
      writeFileSync(`${jsonDir}/${page.name.replace(/\W+/g, "-")}.json`, JSON.stringify(lhr));
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

    lines.push(
      `\n${page.name} (${page.path}), median of ${runs}: performance ${performance(results[0]!)}–${performance(results.at(-1)!)}`,
    );
    for (const [category, target] of Object.entries(targets)) {
      const score = Math.round((lhr.categories[category]?.score ?? 0) * 100);
      lines.push(
        `  ${category.padEnd(16)} ${String(score).padStart(3)}   target ≥ ${target}${score >= target || "reference" in page ? "" : "   ← below target"}`,
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

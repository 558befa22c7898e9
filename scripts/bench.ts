// npm run bench: serves the production build on a seeded database (the embedded one, or
// DATABASE_URL's PostgreSQL server) and loads the storefront's main pages with autocannon at
// 50 connections, next to a tiny fixed page that shows what the framework itself costs here.
//   npm run bench                   embedded database in .cache/bench
//   DATABASE_URL=postgresql://… npm run bench
//   npm run bench -- --no-build     reuse build/
import autocannon from "autocannon";
import { someProductPath, startMeasureServer } from "./measure-server";

const PORT = Number(process.env.BENCH_PORT ?? 3400);
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const { base, stop: stopServer } = await startMeasureServer({
  port: PORT,
  name: "bench",
  // The bare route exists only while the benchmark runs.
  env: { BENCH_FLOOR: "1" },
});
const productPath = await someProductPath(base);

const pages = [
  { name: "floor (bare route)", path: "/bench/floor" },
  { name: "home /", path: "/" },
  { name: "catalogue /products", path: "/products" },
  { name: "catalogue, filtered", path: "/products?metal=copper&sort=price-asc" },
  { name: "product page", path: productPath },
  { name: "search (typo)", path: "/products?q=gelng" },
];

type Row = { name: string; rps: number; p50: number; p99: number; errors: number };
const rows: Row[] = [];
for (const page of pages) {
  // A short warm-up so that each page is measured hot, as on a running shop.
  await autocannon({ url: `${base}${page.path}`, connections: 10, duration: 2 });
  const result = await autocannon({
    url: `${base}${page.path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  rows.push({
    name: page.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  });
}

const floor = rows[0]?.rps ?? 1;
console.log(
  `\n${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}, ${CONNECTIONS} connections, ${SECONDS} s each\n`,
);
console.log("page                      req/s    p50 ms   p99 ms   × floor   errors");
for (const row of rows) {
  console.log(
    [
      row.name.padEnd(24),
      row.rps.toFixed(0).padStart(7),
      String(row.p50).padStart(9),
      String(row.p99).padStart(8),
      (row.rps / floor).toFixed(2).padStart(9),
      String(row.errors).padStart(8),
    ].join(" "),
  );
}
stopServer();
process.exit(0);

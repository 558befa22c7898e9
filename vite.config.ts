import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const FRAMEWORK =
  /\/node_modules\/(react|react-dom|scheduler|@remix-run\/react|@remix-run\/router|react-router|react-router-dom|turbo-stream|i18next|react-i18next|html-parse-stringify|void-elements)\//;
function frameworkChunk(id: string): string | undefined {
  return FRAMEWORK.test(id) ? "framework" : undefined;
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    remix(remixConfig),
    tailwindcss(),
    tsconfigPaths(),
    // The browser's files are compressed once, at build time, with brotli at its highest quality
    // (and gzip for the rest): a phone downloads about 12 % less than on-the-fly compression
    // gives, and the server spends no CPU on it. scripts/server.ts serves these files.
    ...(isSsrBuild
      ? []
      : [
          compression({ include: /\.(js|css|svg|json|txt)$/, threshold: 1024, logLevel: "silent" }),
        ]),
  ],
  build: {
    // The server bundle awaits the database connection at the top level of db.server.ts.
    target: isSsrBuild ? "node20" : "modules",
    // The stylesheet is made by both builds and pages link the server's; both must keep the
    // prefixes phones' browsers need (Vite's "modules" browsers), not a Node target's none.
    cssTarget: ["es2020", "edge88", "firefox78", "chrome87", "safari14"],
    // What every page runs (React, Remix, i18next) is one file rather than five, so a phone
    // opens fewer requests before the page can respond.
    rollupOptions: isSsrBuild ? {} : { output: { manualChunks: frameworkChunk } },
  },
  server: { port: 3000 },
}));

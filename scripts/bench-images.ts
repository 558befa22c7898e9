// npm run bench:images: what an artisan's photo upload costs on this machine. A realistic
// 12-megapixel phone photo (photo-like content, ~4 MB, EXIF orientation 6 and a GPS position)
// goes through the whole pipeline (inspect + process + store to a temporary folder):
//   - time per photo with sharp.concurrency(1) and with one libvips thread per core;
//   - the same pinned to a single core (taskset), the figure the target is about;
//   - photos per minute with two uploads at once;
//   - the size of every rendition.
// Target: under 2 s per photo on one core.
//   npm run bench:images                  5 runs per series (about a minute and a half)
//   BENCH_IMAGE_RUNS=10 npm run bench:images
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { contentTypes, extensions, processImage } from "~/images/renditions.server";
import { localDiskStorage } from "~/images/storage.server";
import { inspectUpload, processUpload, type UploadedImage } from "~/images/upload.server";
import { phonePhoto } from "../tests/setup/photos";
import { runMain } from "./run-main";

const TARGET_MS = 2000;
const RUNS = Number(process.env.BENCH_IMAGE_RUNS ?? 5);
const CHILD = process.env.BENCH_IMAGES_PINNED_CHILD;
const declared = { name: "IMG_20261004_094127.jpg", type: "image/jpeg" };

type Sample = { wallMs: number; cpuMs: number };

/** One upload, start to end, timed by the clock and by the CPU time of the whole process. */
async function upload(photo: Buffer, root: string): Promise<Sample & { image: UploadedImage }> {
  const storage = localDiskStorage(root);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await processUpload(photo, declared, { folder: "bench", storage });
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (!result.ok) throw new Error(`The benchmark photo was refused: ${result.reason}`);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, image: result.image };
}

async function series(photo: Buffer, root: string, runs: number): Promise<Sample[]> {
  await upload(photo, root); // warm-up: first use of each encoder
  const samples: Sample[] = [];
  for (let run = 0; run < runs; run++) {
    const { wallMs, cpuMs } = await upload(photo, root);
    samples.push({ wallMs, cpuMs });
  }
  return samples;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function summary(samples: Sample[]) {
  const wall = samples.map((s) => s.wallMs);
  const cpu = samples.map((s) => s.cpuMs);
  return {
    wallMedian: percentile(wall, 50),
    wallP95: percentile(wall, 95),
    cpuMedian: percentile(cpu, 50),
    cpuP95: percentile(cpu, 95),
  };
}

function line(label: string, samples: Sample[]): string {
  const s = summary(samples);
  return `${label.padEnd(44)} ${seconds(s.wallMedian).padStart(8)} ${seconds(s.wallP95).padStart(8)} ${seconds(s.cpuMedian).padStart(9)} ${seconds(s.cpuP95).padStart(8)}`;
}

/** In the child pinned to one core: the series, printed as JSON for the parent. */
async function pinnedChild(photoFile: string): Promise<void> {
  sharp.concurrency(1);
  const photo = await readFile(photoFile);
  const root = await mkdtemp(path.join(os.tmpdir(), "ks-bench-images-pinned-"));
  try {
    const samples = await series(photo, root, Math.max(3, RUNS - 1));
    process.stdout.write(JSON.stringify(samples));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The same series in a child process that the kernel keeps on CPU 0 only. */
async function pinnedSeries(photo: Buffer, root: string): Promise<Sample[] | null> {
  try {
    execFileSync("taskset", ["-c", "0", "true"], { stdio: "ignore" });
  } catch {
    return null;
  }
  const photoFile = path.join(root, "photo.jpg");
  await writeFile(photoFile, photo);
  const child = spawnSync(
    "taskset",
    ["-c", "0", process.execPath, ...process.execArgv, process.argv[1]!],
    {
      env: { ...process.env, BENCH_IMAGES_PINNED_CHILD: photoFile },
      encoding: "utf8",
      maxBuffer: 1024 * 1024,
    },
  );
  if (child.status !== 0) throw new Error(`The pinned run failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as Sample[];
}

/** Two artisans uploading at once, each several photos one after another. */
async function twoAtOnce(photo: Buffer, root: string, perUploader: number) {
  const start = performance.now();
  await Promise.all(
    [0, 1].map(async () => {
      for (let n = 0; n < perUploader; n++) await upload(photo, root);
    }),
  );
  const elapsed = performance.now() - start;
  return { photos: 2 * perUploader, elapsed, perMinute: (2 * perUploader * 60_000) / elapsed };
}

/** Where the time of one upload goes. */
async function phases(photo: Buffer, root: string) {
  let start = performance.now();
  await inspectUpload(photo, declared);
  const inspect = performance.now() - start;
  start = performance.now();
  const processed = await processImage(photo);
  const processing = performance.now() - start;
  const storage = localDiskStorage(root);
  start = performance.now();
  await Promise.all(
    processed.renditions.map((r) =>
      storage.put(
        `bench/phases/${r.width}.${extensions[r.format]}`,
        r.body,
        contentTypes[r.format],
      ),
    ),
  );
  return { inspect, processing, store: performance.now() - start };
}

async function main(): Promise<void> {
  if (CHILD) return pinnedChild(CHILD);
  const benchStart = performance.now();
  const defaultConcurrency = sharp.concurrency();
  const cores = os.availableParallelism();
  const root = await mkdtemp(path.join(os.tmpdir(), "ks-bench-images-"));
  try {
    let start = performance.now();
    const photo = await phonePhoto({ width: 4000, height: 3000, orientation: 6, quality: 90 });
    const header = await sharp(photo).metadata();
    console.log(
      `\nPhoto: ${header.width}×${header.height} JPEG, ${(photo.length / 1024 / 1024).toFixed(2)} MB, EXIF orientation ${header.orientation}, GPS position, ICC and XMP (made in ${seconds(performance.now() - start)})`,
    );
    console.log(
      `Machine: ${cores} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(
          " / ",
        )} (1/5/15 min); sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}; libuv threads ${process.env.UV_THREADPOOL_SIZE ?? "4 (default)"}`,
    );
    console.log(
      `sharp.concurrency(): ${defaultConcurrency} by default here (libvips threads per image; sharp uses 1 on glibc Linux without jemalloc)`,
    );

    start = performance.now();
    sharp.concurrency(1);
    const single = await series(photo, root, RUNS);
    sharp.concurrency(cores);
    const perCore = await series(photo, root, RUNS);
    sharp.concurrency(defaultConcurrency);
    const pinned = await pinnedSeries(photo, root);

    const split = await phases(photo, root);
    const together = await twoAtOnce(photo, root, 2);
    const { image } = await upload(photo, root);

    console.log(
      `\nOne photo, inspect + process + store (${RUNS} runs after a warm-up; p95 of so few runs is the slowest)`,
    );
    console.log(
      `${"".padEnd(44)} ${"median".padStart(8)} ${"p95".padStart(8)} ${"CPU med".padStart(9)} ${"CPU p95".padStart(8)}`,
    );
    console.log(line(`sharp.concurrency(1), ${cores} cores`, single));
    console.log(line(`sharp.concurrency(${cores}), ${cores} cores`, perCore));
    if (pinned) console.log(line("sharp.concurrency(1), pinned to 1 core", pinned));
    else console.log("(taskset not found: no run pinned to one core)");
    console.log(
      `\nWhere the time goes (concurrency ${defaultConcurrency}): inspect ${split.inspect.toFixed(0)} ms, process ${split.processing.toFixed(0)} ms, write the files ${split.store.toFixed(0)} ms`,
    );
    console.log(
      `Two uploads at once (concurrency ${defaultConcurrency}): ${together.photos} photos in ${seconds(together.elapsed)} → ${together.perMinute.toFixed(1)} photos/min (one at a time: ${(60_000 / summary(single).wallMedian).toFixed(1)} photos/min)`,
    );

    console.log("\nRenditions (KB)");
    const widths = [...new Set(image.files.map((f) => f.width))].sort((a, b) => a - b);
    console.log(`${"format".padEnd(8)}${widths.map((w) => `${w} px`.padStart(10)).join("")}`);
    for (const format of ["AVIF", "WEBP", "JPEG"] as const) {
      const cells = widths.map((width) => {
        const file = image.files.find((f) => f.format === format && f.width === width);
        return (file ? (file.bytes / 1024).toFixed(0) : "–").padStart(10);
      });
      console.log(`${format.padEnd(8)}${cells.join("")}`);
    }
    const total = image.files.reduce((sum, f) => sum + f.bytes, 0);
    console.log(
      `all nine: ${(total / 1024).toFixed(0)} KB; placeholder ${image.placeholder.length} characters`,
    );

    // On one core the wall time is the CPU time the pipeline needs; on a busy machine the clock
    // also counts the time other processes had the core, so the CPU time is the fairer figure.
    const oneCore = pinned ? summary(pinned) : summary(single);
    const met = oneCore.cpuMedian < TARGET_MS && oneCore.cpuP95 < TARGET_MS;
    console.log(
      `\nTarget: under ${seconds(TARGET_MS)} per photo on one core → ${met ? "MET" : "NOT MET"}: ${seconds(oneCore.cpuMedian)} median, ${seconds(oneCore.cpuP95)} p95 of CPU time${pinned ? " pinned to one core" : " (no pinned run: CPU time over all threads)"}; wall clock ${seconds(oneCore.wallMedian)} median at load ${os.loadavg()[0]!.toFixed(2)}`,
    );
    console.log(
      `Peak memory (whole bench, photo generation included): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; ran ${seconds(performance.now() - benchStart)}`,
    );
    if (!met) process.exitCode = 1;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await runMain(main);

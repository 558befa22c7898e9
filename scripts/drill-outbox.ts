// npm run drill:outbox: 10 000 messages through two notification worker processes, a channel
// peer that fails 20 % of the requests, and one worker killed with SIGKILL in the middle.
//
// A fresh database (the embedded PGlite in memory, or a scratch database on DATABASE_URL's
// PostgreSQL server) gets the migrations and 10 000 outbox rows for the WhatsApp channel. A local
// fake of the WhatsApp Cloud API plays the peer: of every request it refuses 10 % (500, nothing
// done) and loses the answer of another 10 % after taking the message (it delivers, then cuts
// the connection — the worker cannot know it arrived). It records every delivery by the
// message's own identity (biz_opaque_callback_data), and, like a peer that honours idempotency
// keys, hands a message to the recipient only the first time it sees its Idempotency-Key.
// Two worker processes (scripts/worker.ts, the real worker code, spawned as child processes)
// send the outbox with short retry delays; one is killed with SIGKILL once 40 % is delivered and
// started again a second later (--no-restart leaves it dead). Its claimed rows are taken over by
// the other worker when their lease runs out.
//
//   npm run drill:outbox
//   npm run drill:outbox -- --messages 10000 --fail-rate 0.2 --kill-at 0.4 --no-restart --seed 7
//   DATABASE_URL=postgresql://… npm run drill:outbox
//
// Exits 1 when a message is lost (neither delivered nor dead) or reached a recipient twice.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import pg from "pg";
import { createPGlite } from "~/db/embedded.server";
import { migrate } from "~/db/migrate.server";
import { heading, printTable, seededRandom } from "./drill-support";
import { serveSerialized } from "./pglite-serial-server";

const { values: options } = parseArgs({
  options: {
    messages: { type: "string", default: "10000" },
    "fail-rate": { type: "string", default: "0.2" },
    "kill-at": { type: "string", default: "0.4" },
    "no-restart": { type: "boolean", default: false },
    concurrency: { type: "string", default: "16" },
    seed: { type: "string", default: "20261128" },
  },
});
const MESSAGES = Number(options.messages);
const FAIL_RATE = Number(options["fail-rate"]);
const KILL_AT = Math.round(MESSAGES * Number(options["kill-at"]));
const RESTART = !options["no-restart"];
const CONCURRENCY = Number(options.concurrency);
const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 3;
const TIMEOUT_MS = 10 * 60_000;
const random = seededRandom(Number(options.seed));
const postgres = process.env.DATABASE_URL;

heading([
  "Outbox drill: notifications through two worker processes and a failing channel",
  `${postgres ? "PostgreSQL (a scratch database on DATABASE_URL's server)" : "embedded PGlite (in memory)"}, ${MESSAGES} WhatsApp messages`,
  `The peer fails ${Math.round(FAIL_RATE * 100)} % of requests: half refused (500), half taken and the answer lost`,
  `2 workers × ${CONCURRENCY} sends at a time; retries after 0.2 s doubling to 2 s, dead after ${MAX_ATTEMPTS} attempts, lease ${LEASE_SECONDS} s`,
  `Worker A is killed (SIGKILL) once ${KILL_AT} messages are delivered${RESTART ? ", and started again 1 s later" : ""}`,
]);

// ── a fresh database ─────────────────────────────────────────────────────────────────────────

type Database = { url: string; drop(): Promise<void> };

async function freshDatabase(): Promise<Database> {
  if (!postgres) {
    const served = await serveSerialized(await createPGlite());
    return { url: served.url, drop: () => served.stop() };
  }
  const name = `ks_drill_outbox_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgres });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(postgres);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: postgres });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

const database = await freshDatabase();
await migrate(database.url);
const sql = new pg.Client({ connectionString: database.url });
await sql.connect();

const keys = Array.from({ length: MESSAGES }, (_, i) => `drill:${String(i).padStart(5, "0")}`);
const enqueueStarted = performance.now();
for (let from = 0; from < MESSAGES; from += 1000) {
  const batch = keys.slice(from, from + 1000);
  await sql.query(
    `INSERT INTO "Notification" (id, "idempotencyKey", channel, recipient, template, locale, payload)
     SELECT 'drill' || k, k, 'WHATSAPP', '+62812' || lpad((row_number() OVER ())::text, 7, '0'),
       'order.cancelled', (CASE WHEN random() < 0.5 THEN 'id' ELSE 'en' END)::"Locale",
       jsonb_build_object('name', 'Pembeli', 'number', 'KS-261128-' || right(k, 4),
         'url', 'https://karyasungging.id/orders/KS-261128-' || right(k, 4),
         'refundRupiah', 0, 'byShop', false)
     FROM unnest($1::text[]) AS k`,
    [batch],
  );
}
console.log(
  `${MESSAGES} messages written to the outbox in ${((performance.now() - enqueueStarted) / 1000).toFixed(1)} s`,
);

// ── the peer: a fake WhatsApp Cloud API ──────────────────────────────────────────────────────

const TOKEN = `EAAGdrill${randomBytes(12).toString("hex")}`;
const PHONE_NUMBER_ID = "100200300400500";
const peer = {
  requests: 0,
  refused: 0,
  answerLost: 0,
  badRequests: 0,
  /** Requests whose Idempotency-Key the peer had already taken: repeats it answers, not sends. */
  repeats: 0,
  /** Messages handed to the recipient, per message identity (biz_opaque_callback_data). */
  handedOver: new Map<string, number>(),
  takenKeys: new Set<string>(),
  /** When the first message reached a recipient (the workers are up and sending). */
  firstDeliveryAt: 0,
};

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    peer.requests += 1;
    let body: { biz_opaque_callback_data?: string; to?: string; text?: { body?: string } };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof body;
    } catch {
      body = {};
    }
    const identity = body.biz_opaque_callback_data;
    if (
      request.url !== `/v21.0/${PHONE_NUMBER_ID}/messages` ||
      request.headers.authorization !== `Bearer ${TOKEN}` ||
      !identity ||
      !body.text?.body
    ) {
      peer.badRequests += 1;
      response.writeHead(400, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ error: { message: "Bad request", code: 100 } }));
      return;
    }
    const roll = random();
    if (roll < FAIL_RATE / 2) {
      peer.refused += 1;
      response.writeHead(500, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ error: { message: "Internal error", code: 1 } }));
      return;
    }
    // Taken: a key seen before is a repeat, answered as before and not sent again.
    const key = request.headers["idempotency-key"];
    const repeat = typeof key === "string" && peer.takenKeys.has(key);
    if (repeat) peer.repeats += 1;
    else {
      if (typeof key === "string") peer.takenKeys.add(key);
      peer.firstDeliveryAt ||= performance.now();
      peer.handedOver.set(identity, (peer.handedOver.get(identity) ?? 0) + 1);
    }
    if (roll < FAIL_RATE) {
      // Delivered, but the answer never reaches the worker.
      peer.answerLost += 1;
      request.socket.destroy();
      return;
    }
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(
      JSON.stringify({
        messaging_product: "whatsapp",
        contacts: [{ input: body.to, wa_id: body.to }],
        messages: [{ id: `wamid.${identity}` }],
      }),
    );
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const peerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v21.0`;

// ── the workers ──────────────────────────────────────────────────────────────────────────────

const workerEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production" as const,
  DATABASE_URL: database.url,
  WHATSAPP_TOKEN: TOKEN,
  WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
  WHATSAPP_API_URL: peerUrl,
  NOTIFY_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
  NOTIFY_RETRY_BASE_SECONDS: "0.2",
  NOTIFY_RETRY_MAX_SECONDS: "2",
  NOTIFY_LEASE_SECONDS: String(LEASE_SECONDS),
  NOTIFY_POLL_SECONDS: "0.05",
  NOTIFY_CONCURRENCY: String(CONCURRENCY),
};

function startWorker(name: string): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...workerEnv, WORKER_NAME: name },
    stdio: ["ignore", "ignore", "inherit"],
  });
  child.on("exit", (code, signal) => {
    if (signal !== "SIGKILL" && code !== 0)
      console.log(`worker ${name} exited with ${code ?? signal}`);
  });
  return child;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once("exit", () => resolve()));

async function outboxState(): Promise<Record<string, number>> {
  const { rows } = await sql.query<{ status: string; count: number }>(
    `SELECT status::text AS status, count(*)::int AS count FROM "Notification" GROUP BY status`,
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

const started = performance.now();
let workerA = startWorker("A");
const workerB = startWorker("B");
let kill: { deliveredAt: number; sendingAt: number; downSeconds: number } | null = null;
let lastReport = 0;
let state: Record<string, number> = {};
for (;;) {
  await new Promise((resolve) => setTimeout(resolve, 200));
  if (!kill && peer.handedOver.size >= KILL_AT) {
    workerA.kill("SIGKILL");
    await exited(workerA);
    const killedAt = performance.now();
    const sending = (await outboxState()).SENDING ?? 0;
    console.log(
      `worker A killed (SIGKILL) at ${peer.handedOver.size} delivered; ${sending} rows were SENDING`,
    );
    kill = { deliveredAt: peer.handedOver.size, sendingAt: sending, downSeconds: 0 };
    if (RESTART) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      workerA = startWorker("A2");
      kill.downSeconds = (performance.now() - killedAt) / 1000;
    }
  }
  state = await outboxState();
  const open = (state.PENDING ?? 0) + (state.SENDING ?? 0);
  if (performance.now() - lastReport > 3000) {
    lastReport = performance.now();
    console.log(
      `${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s: ${peer.handedOver.size} delivered, ${state.SENT ?? 0} sent, ${open} open, ${state.DEAD ?? 0} dead, ${peer.requests} requests`,
    );
  }
  if (open === 0) break;
  if (performance.now() - started > TIMEOUT_MS) {
    console.log("Timed out: some messages are still open");
    break;
  }
}
const finished = performance.now();
const seconds = (finished - started) / 1000;
const sendingSeconds = (finished - (peer.firstDeliveryAt || started)) / 1000;

for (const child of [workerA, workerB]) child.kill("SIGTERM");
await Promise.all([exited(workerA), exited(workerB)]);

// ── the figures ──────────────────────────────────────────────────────────────────────────────

const { rows } = await sql.query<{ key: string; status: string; attempts: number }>(
  `SELECT "idempotencyKey" AS key, status::text AS status, attempts FROM "Notification"`,
);
await sql.end();
server.close();
await database.drop();

const dead = rows.filter((row) => row.status === "DEAD").length;
const sentRows = rows.filter((row) => row.status === "SENT").length;
const delivered = keys.filter((key) => peer.handedOver.has(key)).length;
const lostOpen = rows.filter((row) => row.status !== "DEAD" && !peer.handedOver.has(row.key));
const missingRows = MESSAGES - rows.length;
const lost = lostOpen.length + missingRows;
const duplicatesDelivered = [...peer.handedOver.values()].reduce(
  (sum, count) => sum + Math.max(0, count - 1),
  0,
);
const attempts = rows.reduce((sum, row) => sum + row.attempts, 0);

console.log("");
printTable([
  ["", "value"],
  ["messages enqueued", String(MESSAGES)],
  ["delivered to the recipient (distinct messages)", String(delivered)],
  ["rows SENT / DEAD", `${sentRows} / ${dead}`],
  ["lost (neither delivered nor dead)", String(lost)],
  ["requests to the peer", String(peer.requests)],
  ["  refused (500, nothing sent)", String(peer.refused)],
  ["  taken, answer lost (connection cut)", String(peer.answerLost)],
  ["  malformed (400)", String(peer.badRequests)],
  ["raw repeats (a key the peer already had)", String(peer.repeats)],
  ["duplicates delivered to the recipient", String(duplicatesDelivered)],
  ["attempts per message (mean)", (attempts / Math.max(1, rows.length)).toFixed(2)],
  [
    "SIGKILL: delivered at kill / rows SENDING / down s",
    kill
      ? `${kill.deliveredAt} / ${kill.sendingAt} / ${RESTART ? kill.downSeconds.toFixed(1) : "–"}`
      : "no kill",
  ],
  ["wall time s (workers started → outbox empty)", seconds.toFixed(1)],
  ["  of which sending (first delivery → outbox empty)", sendingSeconds.toFixed(1)],
  ["throughput (delivered messages / s of wall time)", (delivered / seconds).toFixed(0)],
  ["throughput while sending (messages / s)", (delivered / sendingSeconds).toFixed(0)],
]);
console.log(`
How the idempotency key keeps a repeat from reaching the buyer twice: every outbox row has a
unique key, and every attempt at that row sends the same key (WhatsApp: the Idempotency-Key
header and biz_opaque_callback_data; e-mail: a Message-ID made from it and X-Idempotency-Key).
A worker that gets no answer — a cut connection, a timeout, or a SIGKILL before it could record
"sent" — cannot know whether the message arrived, so the row is sent again (after its backoff, or
after its lease when the worker died). That repeat is the "raw repeat" above: at-least-once
delivery. The peer keeps the keys it has taken and answers a repeat without sending it again, so
"duplicates delivered" counts what the buyer would actually receive twice.`);

const failures = [
  ...(lost > 0
    ? [
        `${lost} messages lost (${lostOpen
          .slice(0, 5)
          .map((r) => r.key)
          .join(", ")})`,
      ]
    : []),
  ...(duplicatesDelivered > 0 ? [`${duplicatesDelivered} duplicates reached a recipient`] : []),
  ...(peer.badRequests > 0 ? [`${peer.badRequests} malformed requests`] : []),
  ...(!kill ? ["the worker was never killed (the run ended first)"] : []),
];
console.log(
  failures.length === 0 ? "\nPASS" : `\nFAIL\n${failures.map((f) => `- ${f}`).join("\n")}`,
);
process.exit(failures.length === 0 ? 0 : 1);

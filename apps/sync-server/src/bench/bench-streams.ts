/**
 * `pnpm bench:streams`: what live streams cost one server process. The server runs in this process
 * (on PostgreSQL 15) and holds 2 000 multiplexed streams of stock levels, opened over loopback by a
 * client process, spread over shops and tills within the per-till and per-shop caps. Prints:
 * - `rss_per_stream_kb`, `heap_per_stream_kb`: this process's memory with the streams open minus
 *   before, after a GC, per stream;
 * - `fan_out_p50_ms`, `fan_out_p95_ms`: from a stock movement committed in every shop at once until
 *   the last of the 2 000 streams has it, over `--rounds` rounds; `delivery_p50_ms`/`p95`: the same
 *   per stream;
 * - `idle_cpu_percent`: this process's CPU (user + system, of one core) over 10 s with every stream
 *   open and nothing happening but heartbeats.
 *
 * `--streams 2000 --shops 4 --rounds 20`. Uses TEST_DATABASE_URL, or starts a throwaway PostgreSQL 15.
 */
import { fork } from "node:child_process";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { printFigure } from "@countertop/tooling/bench";
import { createApp } from "../app";
import { fixedKeys } from "../auth/signing-keys";
import { stockMovement } from "../chaos/chaos-shop";
import { defaultPaymentProviders } from "../checkout/payment-provider";
import { migrateToLatest, openDatabase } from "../db/database";
import { createLogger } from "../http/logger";
import { DEMO, seedDemo } from "../seed/demo";
import { openChangeFeed } from "../sync/change-feed";
import { DEFAULT_STREAM_CAPS } from "../sync/stream-limits";
import { callServer } from "../testing/http-client";
import { createScratchDatabase } from "../testing/scratch-database";
import type { FromClients } from "./stream-clients";

const { values: args } = parseArgs({
  options: {
    streams: { type: "string", default: "2000" },
    shops: { type: "string", default: "4" },
    rounds: { type: "string", default: "20" },
  },
});
const SIZE = { streams: Number(args.streams), shops: Number(args.shops), rounds: Number(args.rounds) };
const perShop = Math.ceil(SIZE.streams / SIZE.shops);
if (perShop > DEFAULT_STREAM_CAPS.perShop)
  throw new Error(`${perShop} streams per shop is past the cap of ${DEFAULT_STREAM_CAPS.perShop}: add --shops`);

const log = (message: string) => console.log(`bench:streams: ${message}`);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const pct = (xs: readonly number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl)
  throw new Error("TEST_DATABASE_URL is not set: run `pnpm bench:streams` at the root, which starts a throwaway PostgreSQL 15.");
const scratch = await createScratchDatabase(adminUrl, "streams");
const database = await openDatabase({ url: scratch.url, dataDir: "", poolSize: 20 });
await migrateToLatest(database.db);
await seedDemo(database.db, { now: new Date() });
const changes = await openChangeFeed(database);
const app = createApp({
  db: database.db,
  dbKind: database.kind,
  copyOut: database.copyOut,
  version: "bench",
  startedAt: new Date(),
  trustProxy: false,
  log: createLogger("error"),
  keys: fixedKeys("bench-secret-bench-secret-bench-secret"),
  changes,
  mail: { send: async () => undefined },
  payments: defaultPaymentProviders(database.db),
});
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((resolve) => server.once("listening", resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const clients = fork(new URL("./stream-clients.ts", import.meta.url), { execArgv: ["--import", "tsx"] });
const ask = (message: object, want: FromClients["type"]) =>
  new Promise<FromClients>((resolve, reject) => {
    const onMessage = (m: FromClients) => {
      if (m.type === "failed") reject(new Error(m.message));
      else if (m.type === want) {
        clients.off("message", onMessage);
        resolve(m);
      }
    };
    clients.on("message", onMessage);
    clients.send(message);
  });

try {
  // The shops: the demo shop and more, each with enough tills to hold its streams within the per-till cap.
  const owner = (await callServer(baseUrl, "POST", "/api/v1/auth/login", undefined, DEMO.owner)).token as string;
  const shops: { manager: string; locationId: string; variantId: string; tokens: string[] }[] = [];
  for (let s = 0; s < SIZE.shops; s++) {
    const email = s === 0 ? DEMO.manager.email : `manager@streams-${s}.test`;
    const password = s === 0 ? DEMO.manager.password : "streams-password";
    if (s > 0) {
      await callServer(baseUrl, "POST", "/api/v1/admin/tenants", owner, {
        slug: `streams-${s}`,
        name: `Streams ${s}`,
        currency: "EUR",
        planId: "scale", // up to 100 tills, like the demo shop
        managerEmail: email,
        managerPassword: password,
      });
    }
    const manager = (await callServer(baseUrl, "POST", "/api/v1/auth/login", undefined, { email, password })).token as string;
    const tokens: string[] = [];
    let locationId = "";
    for (let t = 0; t < Math.ceil(perShop / DEFAULT_STREAM_CAPS.perCaller); t++) {
      const till = await callServer(baseUrl, "POST", "/api/v1/devices", manager, { name: `Till ${t + 1}` });
      locationId = till.register.locationId;
      for (let k = 0; k < DEFAULT_STREAM_CAPS.perCaller && tokens.length < perShop; k++) tokens.push(till.token);
    }
    shops.push({ manager, locationId, variantId: crypto.randomUUID(), tokens });
  }
  const tokens = shops.flatMap((s) => s.tokens).slice(0, SIZE.streams);
  log(`${tokens.length} streams over ${SIZE.shops} shops, ${Math.ceil(perShop / DEFAULT_STREAM_CAPS.perCaller)} tills each`);

  gc();
  const before = process.memoryUsage();
  const opening = performance.now();
  await ask({ type: "open", url: `${baseUrl}/sync/v1/stream?collections=stock_levels`, tokens }, "opened");
  log(`opened in ${round(performance.now() - opening, 0)} ms`);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  gc();
  const after = process.memoryUsage();
  const rssPerStream = (after.rss - before.rss) / 1024 / tokens.length;
  const heapPerStream = (after.heapUsed - before.heapUsed) / 1024 / tokens.length;
  log(`memory: rss +${round((after.rss - before.rss) / 2 ** 20)} MiB, heap +${round((after.heapUsed - before.heapUsed) / 2 ** 20)} MiB`);

  // Idle: nothing but heartbeats (every stream re-checks its caller every 15 s).
  const cpuBefore = process.cpuUsage();
  const idleStarted = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const cpu = process.cpuUsage(cpuBefore);
  const idleCpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - idleStarted)) * 100;

  // Rounds: one stock movement committed in every shop at once; until every stream has it.
  const fanOut: number[] = [];
  const delivery: number[] = [];
  for (let r = 1; r <= SIZE.rounds; r++) {
    const arrived = ask({ type: "await", event: r }, "arrived");
    const committed = performance.timeOrigin + performance.now();
    await Promise.all(
      shops.map((s) =>
        callServer(baseUrl, "POST", "/sync/v1/stock_movements/push", s.manager, [stockMovement(s.locationId, s.variantId, 1)]),
      ),
    );
    const { at } = (await arrived) as Extract<FromClients, { type: "arrived" }>;
    const latencies = at.map((t) => t - committed);
    fanOut.push(Math.max(...latencies));
    delivery.push(...latencies);
  }
  const result = {
    streams: tokens.length,
    shops: SIZE.shops,
    rss_per_stream_kb: round(rssPerStream),
    heap_per_stream_kb: round(heapPerStream),
    fan_out_p50_ms: round(pct(fanOut, 50)),
    fan_out_p95_ms: round(pct(fanOut, 95)),
    delivery_p50_ms: round(pct(delivery, 50)),
    delivery_p95_ms: round(pct(delivery, 95)),
    rounds: SIZE.rounds,
    idle_cpu_percent: round(idleCpuPercent, 2),
  };
  log(`memory per stream: rss ${result.rss_per_stream_kb} KiB, heap ${result.heap_per_stream_kb} KiB`);
  log(`commit → all ${tokens.length} streams: p50 ${result.fan_out_p50_ms} ms, p95 ${result.fan_out_p95_ms} ms over ${SIZE.rounds} rounds`);
  log(`commit → one stream: p50 ${result.delivery_p50_ms} ms, p95 ${result.delivery_p95_ms} ms`);
  log(`CPU while idle with every stream open: ${result.idle_cpu_percent}% of one core over 10 s`);
  for (const [name, value] of Object.entries(result)) printFigure({ bench: "streams", name, value });
} finally {
  clients.send({ type: "close" });
  server.close();
  (server as Server).closeAllConnections();
  await changes.close();
  await database.close();
  await scratch.drop();
}

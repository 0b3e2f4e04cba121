/**
 * `pnpm bench:sync`: how fast sync is, against PostgreSQL 15, with raw `pg` baselines measured in
 * the same run so the ratios hold across machines. Prints each figure as it is measured, then one
 * JSON line per figure (tooling/bench.ts):
 * - `ingest_sales_per_s`: 3-line sales pushed by 50 concurrent tills across 10 tenants through
 *   `/sync/v1/sales/push` (conflict rules, re-pricing, stock movements and levels, notify);
 * - `ingest_vs_raw_insert`: that rate ÷ batched multi-row `INSERT`s of the bare sale documents;
 * - `ingest_vs_equal_work`: that rate ÷ hand-written SQL through `pg` making the same writes (sales,
 *   their stock movements, the levels, the sequence numbers) in the same batches and concurrency;
 * - the same three again with PostgreSQL's durable settings (`fsync`, `synchronous_commit`,
 *   `full_page_writes` on; suffix `_durable`) when the server runs without them, as the throwaway one does;
 * - `initial_pull_docs_per_s`: 50k products + 100k sales into a fresh Node RxDB client (memory storage; pages of 1 000 like the till's first sync, stored in writes of 5 000),
 *   from a settled database (`VACUUM ANALYZE` after seeding, for the pull and the raw SELECT alike);
 * - `pull_vs_raw_select`: that rate ÷ a raw `SELECT doc … ORDER BY seq` of the same rows (pages asked for uncompressed, like the SELECT);
 * - `pull_gzip_vs_raw_select`: the same pull with gzip-compressed pages (what a client across a network gets), no aim;
 * - `pull_pages_vs_raw_select`: the same pages fetched and parsed with nothing stored, the next two asked
 *   for on the last one's headers as the till does (the server's side of the pull; the raw SELECT
 *   stores nothing either), no aim;
 * - `pull_vs_select_into_storage`: the pull's rate ÷ the raw SELECT with its rows written into the same fresh
 *   client storage as the first sync writes them (equal work, no HTTP and no replication), no aim;
 * - `pull_client_floor_vs_raw_select`: the same pages' bytes, fetched beforehand, decoded, parsed and
 *   stored into a fresh client storage with nothing else running, ÷ the raw SELECT: the most a pull
 *   into that client could reach, no aim;
 * - `stream_p95_ms`: a sale inserted on till A until it is in till B's replica (live SSE).
 *
 * Beside each ingest figure it prints the CPU each process spent per push (the server, PostgreSQL,
 * this client), which says where a push's time goes on a shared machine better than wall time. The
 * ingest figures are a running server's: two rounds of pushes and of the hand-written SQL go first,
 * not measured.
 *
 * `--quick` runs a tenth of the sizes; `--profile DIR` writes the server's CPU profile there;
 * `--ingest-only` stops after the ingest figures; `--pull-only` skips them. Needs
 * TEST_DATABASE_URL (a superuser, to switch durability); `pnpm bench:sync` starts a throwaway PostgreSQL 15.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createReplicaDatabase, startReplication } from "@countertop/replica";
import pg from "pg";
import { getRxStorageMemory } from "rxdb/plugins/storage-memory";
import { openDatabase } from "../db/database";
import { withTenant } from "../db/tenant-scope";
import { writeDocuments } from "../documents/document.repository";
import { makeSale } from "../testing/fixtures";
import { createScratchDatabase } from "../testing/scratch-database";
import { startServerProcess } from "../testing/server-process";
import { printFigure, type Figure } from "@countertop/tooling/bench";
import { ownCpuMs, postgresCpuMs, processCpuMs, processSystemCpuMs } from "@countertop/tooling/cpu";
import { benchShops, equalWork, pushEverything, rawInsert, salesWork } from "./ingest";
import { clientFloor, pullIntoFreshClient, pullPages, rawSelect, selectIntoStorage } from "./pull";
import { syntheticProduct, syntheticSale } from "./synthetic";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    profile: { type: "string" },
    "ingest-only": { type: "boolean", default: false },
    "pull-only": { type: "boolean", default: false },
  },
});
const scale = args.quick ? 0.1 : 1;
const SIZE = {
  tenants: 10,
  tillsPerTenant: 5,
  salesPerTill: Math.round(200 * scale),
  pushBatch: 10,
  pullProducts: Math.round(50_000 * scale),
  pullSales: Math.round(100_000 * scale),
  pullBatch: 500,
  streamSamples: Math.round(200 * Math.max(scale, 0.5)),
};

const log = (message: string) => console.log(`bench: ${message}`);
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const figures: Figure[] = [];
const figure = (name: string, value: number, aim?: string) => figures.push({ bench: "sync", name, value, ...(aim ? { aim } : {}) });

/**
 * Turns PostgreSQL's durability on (every commit flushed to disk) or back to how the server was
 * started. Both settings take effect on reload, for every session.
 */
async function setDurable(raw: pg.Pool, on: boolean): Promise<void> {
  for (const setting of ["fsync", "synchronous_commit", "full_page_writes"])
    await raw.query(on ? `alter system set ${setting} = on` : `alter system reset ${setting}`);
  await raw.query("select pg_reload_conf()");
  await sleep(500);
  const { rows } = await raw.query<{ fsync: string }>("show fsync");
  if ((rows[0]?.fsync === "on") !== on) throw new Error(`PostgreSQL did not switch fsync ${on ? "on" : "back"}`);
}

async function main(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set: run `pnpm bench:sync`, which starts a throwaway PostgreSQL 15.");
  const scratch = await createScratchDatabase(adminUrl, "bench");
  const dataDir = mkdtempSync(path.join(tmpdir(), "ct-bench-"));
  const server = await startServerProcess(
    { DATABASE_URL: scratch.url, DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "error", JWT_SECRET: "bench-secret-bench-secret-bench-secret" },
    {
      nodeArgs: args.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args.profile)}`] : [],
    },
  );
  const { baseUrl } = server;
  const raw = new pg.Pool({ connectionString: scratch.url, max: 10 });
  try {
    // ── Ingest: 10 tenants × 5 tills, each pushing its sales in batches, all at once; as configured, then durable.
    const tills = await benchShops(baseUrl, SIZE);
    const totalSales = tills.length * SIZE.salesPerTill;
    const durability = await raw.query<{ fsync: string }>("show fsync");
    const modes = durability.rows[0]?.fsync === "off" ? (["", "_durable"] as const) : ([""] as const);
    const dataDirectory = (await raw.query<{ data_directory: string }>("show data_directory")).rows[0]!.data_directory;
    const batches = tills.length * Math.ceil(SIZE.salesPerTill / SIZE.pushBatch);
    /** A round's work: new sales (new ids) from every till, in its batches; each round pushes its own. */
    const freshSales = () => salesWork(tills, SIZE.salesPerTill, SIZE.pushBatch);
    /** CPU ms of the server (and of it in the kernel), PostgreSQL and this process while `run` runs. */
    const cpuSpent = async <T>(run: () => Promise<T>): Promise<{ result: T; ms: number[] }> => {
      const cpu = () => [processCpuMs(server.child.pid!), processSystemCpuMs(server.child.pid!), postgresCpuMs(dataDirectory), ownCpuMs()];
      const before = cpu();
      const result = await run();
      return { result, ms: cpu().map((ms, i) => ms - before[i]!) };
    };
    /** CPU ms per batch of the server, PostgreSQL and this process while `run` runs. */
    const cpuPerBatch = async <T>(run: () => Promise<T>): Promise<{ result: T; cpu: string }> => {
      const { result, ms } = await cpuSpent(run);
      const [serverMs, serverSystemMs, postgresMs, clientMs] = ms.map((total) => total / batches);
      return {
        result,
        cpu: `CPU per batch: server ${round(serverMs!)} ms (${round(serverSystemMs!)} in the kernel), PostgreSQL ${round(postgresMs!)} ms, bench client ${round(clientMs!)} ms`,
      };
    };
    /** CPU seconds of the server, PostgreSQL and this process while `run` runs. */
    const cpuSeconds = async <T>(run: () => Promise<T>): Promise<{ result: T; cpu: string }> => {
      const { result, ms } = await cpuSpent(run);
      const [serverMs, , postgresMs, clientMs] = ms.map((total) => total / 1000);
      return { result, cpu: `CPU: server ${round(serverMs!)} s, PostgreSQL ${round(postgresMs!)} s, bench client ${round(clientMs!)} s` };
    };
    // Two rounds of each first, not measured, each as big as a measured one: the server's code
    // compiled and its connections' caches filled, as a running server's are, and the hand-written
    // SQL's client likewise. Measured round after round on one server (10 000 sales each, fsync off),
    // pushes ran at 2 000 / 2 450 / 2 640–2 810 sales/s from the third round on (server CPU per push
    // 3.7 / 2.7 / 1.9–2.2 ms), the hand-written SQL at 3 800 / 4 570 / 4 590–4 970 from the second.
    if (!args["pull-only"]) {
      for (const warm of [1, 2]) {
        await pushEverything(baseUrl, freshSales());
        await equalWork(raw, freshSales(), `bench_eq_warm${warm}`);
      }
    }
    for (const mode of args["pull-only"] ? [] : modes) {
      if (mode === "_durable") await setDurable(raw, true);
      const { result: push, cpu: pushCpu } = await cpuPerBatch(() => pushEverything(baseUrl, freshSales()));
      const ingest = totalSales / push;
      figure(`ingest_sales_per_s${mode}`, round(ingest, 0));
      const setting = mode ? "durable: fsync and synchronous_commit on" : `fsync ${durability.rows[0]?.fsync}`;
      log(
        `ingest (${setting}): ${totalSales} 3-line sales from ${tills.length} tills in ${SIZE.tenants} tenants in ${round(push)} s = ${round(ingest, 0)} sales/s`,
      );
      log(`  ${pushCpu}`);
      const rawSeconds = await rawInsert(raw, freshSales(), `bench_raw${mode}`);
      figure(`ingest_vs_raw_insert${mode}`, round(rawSeconds / push, 3));
      log(`  raw batched INSERT of bare documents: ${round(totalSales / rawSeconds, 0)} rows/s → ratio ${round(rawSeconds / push, 3)}`);
      const { result: equalSeconds, cpu: equalCpu } = await cpuPerBatch(() => equalWork(raw, freshSales(), `bench_eq${mode}`));
      figure(`ingest_vs_equal_work${mode}`, round(equalSeconds / push, 3), ">= 0.5");
      log(`  hand-written SQL, same writes: ${round(totalSales / equalSeconds, 0)} sales/s → ratio ${round(equalSeconds / push, 3)}`);
      log(`    ${equalCpu}`);
      if (mode === "_durable") await setDurable(raw, false);
    }

    if (args["ingest-only"]) return figures.forEach(printFigure);

    // ── Initial pull: a big shop into a fresh client.
    const big = tills[0]!;
    const direct = await openDatabase({ url: scratch.url, dataDir: "" });
    let started = performance.now();
    for (const [table, count, make] of [
      ["products", SIZE.pullProducts, syntheticProduct],
      ["sales", SIZE.pullSales, (i: number) => syntheticSale(i, big)],
    ] as const) {
      for (let i = 0; i < count; i += 2_000) {
        const docs = Array.from({ length: Math.min(2_000, count - i) }, (_, k) => make(i + k));
        await withTenant(direct.db, big.tenantId, (trx) => writeDocuments(trx, big.tenantId, table, docs));
      }
    }
    await direct.close();
    log(`seeded ${SIZE.pullProducts} products + ${SIZE.pullSales} sales in one shop in ${round((performance.now() - started) / 1000)} s`);
    // Settled as a shop's database would be, for the pull and the raw SELECT alike: else autovacuum
    // works over the freshly written tables during the pull, and the pull's reads set every row's
    // hint bits for the SELECT after it (measured: ten times the blocks read per page).
    started = performance.now();
    await raw.query("VACUUM (ANALYZE)");
    log(`settled the seeded database (VACUUM ANALYZE) in ${round((performance.now() - started) / 1000)} s`);

    // The client is on this machine, like the raw SELECT below: its pages are asked for as they are,
    // so the ratio compares like with like. A client across a network gets them compressed; that
    // run is printed beside it (the compression's cost on both ends, which loopback never repays).
    const pull = { baseUrl, token: big.token, collections: ["products", "sales"] } as const;
    const { result: plain, cpu: pullCpu } = await cpuSeconds(() => pullIntoFreshClient("bench-pull", pull, "identity", SIZE.pullBatch));
    const pulled = plain.count;
    const pullRate = plain.count / plain.seconds;
    figure("initial_pull_docs_per_s", round(pullRate, 0));
    log(`initial pull: ${pulled} documents into a fresh RxDB client in ${round(plain.seconds)} s = ${round(pullRate, 0)} docs/s`);
    log(`  ${pullCpu}`);
    const packed = await pullIntoFreshClient("bench-pull-gzip", pull, "gzip", SIZE.pullBatch);
    log(`  the same pull with gzip-compressed pages: ${round(packed.count / packed.seconds, 0)} docs/s`);
    // The server's part alone: the same pages asked for and parsed, nothing stored (the raw SELECT below
    // stores nothing either). The rest of the pull above is the client's RxDB storage.
    const http = await pullPages(pull);
    log(`  the same pages fetched and parsed, nothing stored: ${round(http.count / http.seconds, 0)} docs/s`);

    const { result: selected, cpu: selectCpu } = await cpuSeconds(() => rawSelect(raw, big.tenantId, pull.collections));
    const rawSelectPerS = selected.count / selected.seconds;
    figure("pull_vs_raw_select", round(pullRate / rawSelectPerS, 3), ">= 0.5");
    // Equal work: the same SELECT, its rows stored into the same fresh client storage as the first
    // sync stores them (writes of STORAGE_WRITE_DOCUMENTS, RxDB's document fields added), no HTTP, no replication.
    const equal = await selectIntoStorage(raw, big.tenantId, pull.collections);
    log(`  the same SELECT stored into a fresh RxDB memory storage (equal work): ${round(equal.count / equal.seconds, 0)} docs/s`);
    figure("pull_vs_select_into_storage", round(pullRate / (equal.count / equal.seconds), 3));
    // The client's floor: the same pages' bytes decoded, parsed and stored with nothing else running.
    const floor = await clientFloor(pull);
    const floorRate = floor.count / floor.seconds;
    log(
      `  the same pages decoded, parsed and stored into a fresh RxDB memory storage, fetched beforehand: ${round(floorRate, 0)} docs/s ` +
        `(${round(floorRate / rawSelectPerS, 3)} of the raw SELECT: the most a pull into this client could reach; the pull reaches ${round(pullRate / floorRate, 3)} of it)`,
    );
    figure("pull_client_floor_vs_raw_select", round(floorRate / rawSelectPerS, 3));
    figure("pull_gzip_vs_raw_select", round(packed.count / packed.seconds / rawSelectPerS, 3));
    figure("pull_pages_vs_raw_select", round(http.count / http.seconds / rawSelectPerS, 3));
    log(
      `raw SELECT of the same ${selected.count} rows through pg: ${round(rawSelectPerS, 0)} rows/s → ratio ${round(pullRate / rawSelectPerS, 3)}`,
    );
    log(`  ${selectCpu}`);

    // ── Stream latency: till A sells, till B sees the sale.
    const [tillA, tillB] = [tills[10]!, tills[11]!];
    const [a, b] = await Promise.all(
      [1, 2].map((n) =>
        createReplicaDatabase({ name: `bench-stream-${n}`, storage: getRxStorageMemory(), collections: ["sales"], multiInstance: false }),
      ),
    );
    const syncs = [
      startReplication({ database: a!, baseUrl, token: () => tillA.token, streams: ["sales"], waitForLeadership: false }),
      startReplication({ database: b!, baseUrl, token: () => tillB.token, streams: ["sales"], waitForLeadership: false }),
    ];
    await Promise.all(syncs.map((s) => s.awaitInitialSync()));
    await sleep(500); // streams connected
    const arrivals = new Map<string, number>();
    b!.sales.insert$.subscribe((event) => arrivals.set(event.documentId, performance.now()));
    const latencies: number[] = [];
    for (let i = 0; i < SIZE.streamSamples; i++) {
      const sale = makeSale({
        registerId: tillA.id,
        locationId: tillA.locationId,
        lines: [0, 1, 2].map((j) => ({ variant: tillA.variants[j]!, qty: 1 })),
      });
      const at = performance.now();
      await a!.sales.insert(sale as never);
      const deadline = at + 10_000;
      while (!arrivals.has(String(sale.id)) && performance.now() < deadline) await sleep(1);
      latencies.push((arrivals.get(String(sale.id)) ?? Number.POSITIVE_INFINITY) - at);
      await sleep(20);
    }
    await Promise.all(syncs.map((s) => s.cancel()));
    await Promise.all([a!.close(), b!.close()]);
    latencies.sort((x, y) => x - y);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)]!;
    figure("stream_p95_ms", round(pct(0.95), 1));
    log(
      `stream: ${latencies.length} sales, till A insert → till B replica: p50 ${round(pct(0.5), 1)} ms, p95 ${round(pct(0.95), 1)} ms, max ${round(pct(1), 1)} ms`,
    );
  } finally {
    await raw.end();
    await server.stop().catch(() => undefined);
    await scratch.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  figures.forEach(printFigure);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("bench: failed:", error);
    process.exit(1);
  },
);

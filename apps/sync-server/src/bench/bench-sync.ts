/**
 * `pnpm bench:sync`: how fast sync is, against PostgreSQL 15, with a raw `pg` baseline measured in
 * the same run so the ratios hold across machines. Prints each figure as it is measured and ends
 * with one JSON line:
 * - `ingest_sales_per_s`: 3-line sales pushed by 50 concurrent tills across 10 tenants through
 *   `/sync/v1/sales/push` (conflict rules, re-pricing, stock movements and levels, notify);
 * - `ingest_vs_raw_insert`: that rate ÷ batched multi-row `INSERT`s of the same sale documents;
 * - `initial_pull_docs_per_s`: 50k products + 100k sales into a fresh Node RxDB client (memory storage);
 * - `pull_vs_raw_select`: that rate ÷ a raw `SELECT doc … ORDER BY seq` of the same rows;
 * - `stream_p95_ms`: a sale inserted on till A until it is in till B's replica (live SSE).
 *
 * `--quick` runs a tenth of the sizes; `--profile DIR` writes the server's CPU profile there. Needs TEST_DATABASE_URL; `pnpm bench:sync` starts a throwaway PostgreSQL 15.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createReplicaDatabase, startReplication } from "@countertop/replica";
import pg from "pg";
import { getRxStorageMemory } from "rxdb/plugins/storage-memory";
import { openDatabase } from "../db/database";
import type { Sale } from "@countertop/sync-protocol";
import { withTenant } from "../db/tenant-scope";
import { writeDocuments } from "../documents/document.repository";
import { DEMO } from "../seed/demo";
import { makeSale, type TestVariant } from "../testing/fixtures";
import { callServer } from "../testing/http-client";
import { createScratchDatabase } from "../testing/scratch-database";
import { startServerProcess } from "../testing/server-process";
import { syntheticProduct, syntheticSale } from "./synthetic";

const { values: args } = parseArgs({ options: { quick: { type: "boolean", default: false }, profile: { type: "string" } } });
const scale = args.quick ? 0.1 : 1;
const SIZE = {
  tenants: 10,
  tillsPerTenant: 5,
  salesPerTill: Math.round(60 * scale),
  pushBatch: 10,
  pullProducts: Math.round(50_000 * scale),
  pullSales: Math.round(100_000 * scale),
  pullBatch: 500,
  streamSamples: Math.round(200 * Math.max(scale, 0.5)),
};

const log = (message: string) => console.log(`bench: ${message}`);
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const call = callServer;

/** Runs `work` for each item with at most `concurrency` at a time. */
async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

interface Till {
  readonly tenantId: string;
  readonly id: string;
  readonly token: string;
  readonly locationId: string;
  readonly variants: readonly TestVariant[];
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
  const result: Record<string, number> = {};
  try {
    // ── Ingest: 10 tenants × 5 tills, each pushing its sales in batches, all at once.
    const owner = (await call(baseUrl, "POST", "/api/v1/auth/login", undefined, { email: DEMO.owner.email, password: DEMO.owner.password }))
      .token as string;
    const tills: Till[] = [];
    for (let t = 0; t < SIZE.tenants; t++) {
      const created = await call(baseUrl, "POST", "/api/v1/admin/tenants", owner, {
        slug: `bench-${t}`,
        name: `Bench shop ${t}`,
        currency: "EUR",
        managerEmail: `m${t}@bench.test`,
        managerPassword: "bench-password-123",
        // Room for every bench till (a new shop starts on the Starter plan: two tills).
        planId: "scale",
      });
      const manager = (
        await call(baseUrl, "POST", "/api/v1/auth/login", undefined, { email: `m${t}@bench.test`, password: "bench-password-123" })
      ).token as string;
      const products = Array.from({ length: 20 }, (_, i) => syntheticProduct(i));
      await call(
        baseUrl,
        "POST",
        "/sync/v1/products/push",
        manager,
        products.map((p) => ({ newDocumentState: p })),
      );
      const variants = products.flatMap((p) =>
        (p.variants as { id: string; sku: string; title: string; price: number }[]).map((v) => ({
          id: v.id,
          sku: v.sku,
          title: v.title,
          price: v.price,
          taxRate: 1900,
        })),
      );
      for (let k = 0; k < SIZE.tillsPerTenant; k++) {
        const device = await call(baseUrl, "POST", "/api/v1/devices", manager, { name: `Bench till ${k + 1}` });
        tills.push({
          tenantId: created.id as string,
          id: device.id,
          token: device.token,
          locationId: device.register.locationId,
          variants,
        });
      }
    }
    const work = tills.map((till) => {
      const sales = Array.from({ length: SIZE.salesPerTill }, (_, i) =>
        makeSale({
          registerId: till.id,
          locationId: till.locationId,
          lines: [0, 1, 2].map((j) => ({ variant: till.variants[(i * 3 + j) % till.variants.length]!, qty: 1 + (j % 2) })),
        }),
      );
      const batches: Sale[][] = [];
      for (let i = 0; i < sales.length; i += SIZE.pushBatch) batches.push(sales.slice(i, i + SIZE.pushBatch));
      return { till, batches };
    });
    const totalSales = tills.length * SIZE.salesPerTill;
    let started = performance.now();
    await Promise.all(
      work.map(async ({ till, batches }) => {
        for (const batch of batches)
          await call(
            baseUrl,
            "POST",
            "/sync/v1/sales/push",
            till.token,
            batch.map((s) => ({ newDocumentState: s })),
          );
      }),
    );
    const ingestSeconds = (performance.now() - started) / 1000;
    result.ingest_sales_per_s = round(totalSales / ingestSeconds, 0);
    log(
      `ingest: ${totalSales} 3-line sales from ${tills.length} tills in ${SIZE.tenants} tenants in ${round(ingestSeconds)} s = ${result.ingest_sales_per_s} sales/s`,
    );

    await raw.query(
      "create table bench_raw_sales (tenant_id uuid not null, id text not null, doc jsonb not null, primary key (tenant_id, id))",
    );
    started = performance.now();
    await pool(work, tills.length, async ({ till, batches }) => {
      for (const batch of batches) {
        const params = batch.flatMap((s) => [till.tenantId, String(s.id), JSON.stringify(s)]);
        const values = batch.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`).join(", ");
        await raw.query(`insert into bench_raw_sales (tenant_id, id, doc) values ${values}`, params);
      }
    });
    const rawInsertPerS = totalSales / ((performance.now() - started) / 1000);
    result.ingest_vs_raw_insert = round(result.ingest_sales_per_s / rawInsertPerS, 3);
    log(
      `raw batched INSERT of the same ${totalSales} documents through pg: ${round(rawInsertPerS, 0)} rows/s → ratio ${result.ingest_vs_raw_insert}`,
    );

    // ── Initial pull: a big shop into a fresh client.
    const big = tills[0]!;
    const direct = await openDatabase({ url: scratch.url, dataDir: "" });
    started = performance.now();
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

    const client = await createReplicaDatabase({
      name: "bench-pull",
      storage: getRxStorageMemory(),
      collections: ["products", "sales"],
      multiInstance: false,
    });
    started = performance.now();
    const sync = startReplication({
      database: client,
      baseUrl,
      token: () => big.token,
      live: false,
      waitForLeadership: false,
      batchSize: SIZE.pullBatch,
      push: [],
    });
    await sync.awaitInitialSync();
    const pullSeconds = (performance.now() - started) / 1000;
    const pulled = (await client.products.count().exec()) + (await client.sales.count().exec());
    await sync.cancel();
    await client.close();
    result.initial_pull_docs_per_s = round(pulled / pullSeconds, 0);
    log(`initial pull: ${pulled} documents into a fresh RxDB client in ${round(pullSeconds)} s = ${result.initial_pull_docs_per_s} docs/s`);

    started = performance.now();
    let selected = 0;
    for (const table of ["products", "sales"]) {
      const { rows } = await raw.query(`select doc from ${table} where tenant_id = $1 order by seq`, [big.tenantId]);
      selected += rows.length;
    }
    const rawSelectPerS = selected / ((performance.now() - started) / 1000);
    result.pull_vs_raw_select = round(result.initial_pull_docs_per_s / rawSelectPerS, 3);
    log(`raw SELECT of the same ${selected} rows through pg: ${round(rawSelectPerS, 0)} rows/s → ratio ${result.pull_vs_raw_select}`);

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
    result.stream_p95_ms = round(pct(0.95), 1);
    log(
      `stream: ${latencies.length} sales, till A insert → till B replica: p50 ${round(pct(0.5), 1)} ms, p95 ${result.stream_p95_ms} ms, max ${round(pct(1), 1)} ms`,
    );
  } finally {
    await raw.end();
    await server.stop().catch(() => undefined);
    await scratch.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("bench: failed:", error);
    process.exit(1);
  },
);

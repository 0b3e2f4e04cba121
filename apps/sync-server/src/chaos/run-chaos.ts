/**
 * `pnpm test:chaos`: convergence under faults. Tills in worker threads sell the same SKUs on their
 * own RxDB replicas while going offline, losing answers and duplicating pushes, and the server is
 * killed with SIGKILL and restarted while they do. Then every promise of the sync contract is
 * checked against PostgreSQL: the sales made (ids, count, sum), every stock level, every till's
 * replica of the levels, and an oversell item for exactly the SKUs that went below zero.
 *
 * Size: `--tills 10 --sales 15 --kills 3 --duration 10000` (the test command's small run);
 * `--large` is `--tills 20 --sales 120 --kills 5 --duration 40000`. Needs TEST_DATABASE_URL
 * (a PostgreSQL server to create a scratch database on); `pnpm test:chaos` starts one.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { DEMO } from "../seed/demo";
import { variantsOf, type TestVariant } from "../testing/fixtures";
import { callServer, type Json } from "../testing/http-client";
import { createScratchDatabase } from "../testing/scratch-database";
import { startServerProcess, type ServerProcess } from "../testing/server-process";
import type { FaultCounts, MadeSale, TillConfig, ToRunner, ToTill } from "./protocol";

const { values: args } = parseArgs({
  options: {
    tills: { type: "string" },
    sales: { type: "string" },
    kills: { type: "string" },
    duration: { type: "string" },
    seed: { type: "string" },
    large: { type: "boolean", default: false },
  },
});
const size = {
  tills: Number(args.tills ?? (args.large ? 20 : 10)),
  sales: Number(args.sales ?? (args.large ? 120 : 15)),
  kills: Number(args.kills ?? (args.large ? 5 : 3)),
  durationMs: Number(args.duration ?? (args.large ? 40_000 : 10_000)),
  seed: Number(args.seed ?? Date.now() % 1_000_000),
};
const SCARCE_STOCK = 4;
const PLENTIFUL_STOCK = 1_000_000;

const log = (message: string) => console.log(`chaos: ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const call = callServer;
async function pullAll(baseUrl: string, token: string, collection: string): Promise<Json[]> {
  const docs: Json[] = [];
  for (let seq = "0"; ;) {
    const page = await call(baseUrl, "GET", `/sync/v1/${collection}/pull?seq=${seq}&limit=1000`, token);
    if (page.documents.length === 0) return docs;
    docs.push(...page.documents);
    seq = page.checkpoint.seq;
  }
}

async function main(): Promise<boolean> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set: run `pnpm test:chaos`, which starts a throwaway PostgreSQL 15.");
  log(`${size.tills} tills × ${size.sales} sales over ~${size.durationMs} ms, ${size.kills} SIGKILLs, seed ${size.seed}`);
  const scratch = await createScratchDatabase(adminUrl, "chaos");
  const dataDir = mkdtempSync(path.join(tmpdir(), "ct-chaos-"));
  const env = { DATABASE_URL: scratch.url, DATA_DIR: dataDir, LOG_LEVEL: "error", JWT_SECRET: "chaos-secret-chaos-secret-chaos-secret" };
  let server: ServerProcess = await startServerProcess({ ...env, PORT: "0" });
  const { baseUrl, port } = server;
  const workers: Worker[] = [];
  try {
    // The shop: N registered tills, three scarce SKUs that will run out, three plentiful ones.
    const manager = (
      await call(baseUrl, "POST", "/api/v1/auth/login", undefined, { email: DEMO.manager.email, password: DEMO.manager.password })
    ).token as string;
    const tills: { id: string; token: string; locationId: string }[] = [];
    for (let i = 0; i < size.tills; i++) {
      const res = await call(baseUrl, "POST", "/api/v1/devices", manager, { name: `Chaos till ${i + 1}` });
      tills.push({ id: res.id, token: res.token, locationId: res.register.locationId });
    }
    const first = tills[0]!;
    const all = variantsOf(await pullAll(baseUrl, first.token, "products"), { standard: 1900, reduced: 700 });
    const scarce = all.slice(0, 3);
    const plentiful = all.slice(3, 6);
    const variants: TestVariant[] = [...scarce, ...plentiful];
    const levelsBefore = new Map((await pullAll(baseUrl, first.token, "stock_levels")).map((l) => [l.id as string, l.onHand as number]));
    // Two scarce SKUs run out; the third has stock for every unit the tills could sell.
    const scarceStock = [SCARCE_STOCK, SCARCE_STOCK, size.tills * size.sales * 6];
    const initial = new Map<string, number>(
      variants.map((v) => [v.id, scarce.includes(v) ? scarceStock[scarce.indexOf(v)]! : PLENTIFUL_STOCK]),
    );
    const adjustments = variants.map((v) => ({
      newDocumentState: {
        id: crypto.randomUUID(),
        locationId: first.locationId,
        variantId: v.id,
        delta: initial.get(v.id)! - (levelsBefore.get(`${first.locationId}:${v.id}`) ?? 0),
        reason: "count",
        occurredAt: new Date().toISOString(),
        _deleted: false,
      },
    }));
    // A stock count is a manager's to record, with their session.
    await call(
      baseUrl,
      "POST",
      "/sync/v1/stock_movements/push",
      manager,
      adjustments.filter((a) => a.newDocumentState.delta !== 0),
    );

    // The tills sell; the server dies under them.
    const done = tills.map((till, index) => {
      const config: TillConfig = {
        index,
        baseUrl,
        token: till.token,
        registerId: till.id,
        locationId: till.locationId,
        variants,
        refundable: plentiful.map((v) => v.id),
        sales: size.sales,
        durationMs: size.durationMs,
        seed: size.seed * 100 + index,
      };
      const worker = new Worker(new URL("./till-worker.bootstrap.mjs", import.meta.url), { workerData: config });
      workers.push(worker);
      return new Promise<{ made: readonly MadeSale[]; faults: FaultCounts }>((resolve, reject) => {
        worker.once("error", reject);
        worker.on("message", (m: ToRunner) => {
          if (m.type === "done") resolve(m);
          if (m.type === "failed") reject(new Error(m.message));
        });
      });
    });
    for (const d of done) d.catch(() => undefined); // awaited below; a till failing early must not crash the runner
    const started = Date.now();
    for (let k = 0; k < size.kills; k++) {
      const at = (size.durationMs * (k + 0.5)) / size.kills;
      await sleep(Math.max(0, started + at - Date.now()));
      await server.kill();
      const downFor = 300 + Math.floor(Math.random() * 1200);
      log(`SIGKILL ${k + 1}/${size.kills} at ${Date.now() - started} ms; down for ${downFor} ms plus start-up`);
      await sleep(downFor);
      server = await startServerProcess({ ...env, PORT: String(port) });
    }
    const results = await Promise.all(done);
    log(`tills done after ${Date.now() - started} ms`);

    // What the tills made, and what must follow from it.
    const made = results.flatMap((r) => r.made);
    const faults = results.reduce<FaultCounts>(
      (sum, r) => ({
        offlinePeriods: sum.offlinePeriods + r.faults.offlinePeriods,
        refusedOffline: sum.refusedOffline + r.faults.refusedOffline,
        duplicatedPushes: sum.duplicatedPushes + r.faults.duplicatedPushes,
        lostAnswers: sum.lostAnswers + r.faults.lostAnswers,
      }),
      { offlinePeriods: 0, refusedOffline: 0, duplicatedPushes: 0, lostAnswers: 0 },
    );
    const expectedLevels = new Map(initial);
    for (const sale of made)
      for (const line of sale.lines)
        expectedLevels.set(line.variantId, expectedLevels.get(line.variantId)! + (sale.kind === "refund" ? line.qty : -line.qty));

    const failures: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) failures.push(what);
      log(`${ok ? "ok  " : "FAIL"} ${what}`);
    };
    const serverSales = (await pullAll(baseUrl, first.token, "sales")).filter((s) => !s._deleted);
    const madeIds = new Set(made.map((m) => m.id));
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    check(serverSales.length === made.length, `sales: ${serverSales.length} in the database, ${made.length} made`);
    check(
      serverSales.every((s) => madeIds.has(s.id)) && new Set(serverSales.map((s) => s.id)).size === madeIds.size,
      "sales: the same ids, each once",
    );
    check(
      sum(serverSales.map((s) => s.total)) === sum(made.map((m) => m.total)),
      `sales: sum of totals ${sum(serverSales.map((s) => s.total))} = ${sum(made.map((m) => m.total))}`,
    );

    const serverLevels = new Map((await pullAll(baseUrl, first.token, "stock_levels")).map((l) => [l.id as string, l.onHand as number]));
    for (const v of variants) {
      const id = `${first.locationId}:${v.id}`;
      check(
        serverLevels.get(id) === expectedLevels.get(v.id),
        `stock ${v.sku}: ${serverLevels.get(id)} = initial ${initial.get(v.id)} − sold + refunded = ${expectedLevels.get(v.id)}`,
      );
    }

    // Scarce SKUs are never refunded, so their levels only fall: below zero at the end = ever below zero.
    const oversold = new Set(scarce.filter((v) => expectedLevels.get(v.id)! < 0).map((v) => v.id));
    const items = (await pullAll(baseUrl, first.token, "reconciliation")).filter((i) => i.kind === "oversell" && !i._deleted);
    const flagged = new Set(items.map((i) => i.details.variantId as string));
    check(
      oversold.size === flagged.size && [...oversold].every((id) => flagged.has(id)),
      `oversell items for exactly the ${oversold.size} SKUs that went below zero (${flagged.size} raised)`,
    );

    const levelsObject = Object.fromEntries(serverLevels);
    const verified = await Promise.all(
      workers.map(
        (worker) =>
          new Promise<boolean>((resolve) => {
            worker.on("message", (m: ToRunner) => m.type === "verified" && resolve(m.ok));
            worker.postMessage({ type: "verify", levels: levelsObject, timeoutMs: 30_000 } satisfies ToTill);
          }),
      ),
    );
    check(
      verified.every(Boolean),
      `every till's replica of stock_levels equals the server's (${verified.filter(Boolean).length}/${verified.length})`,
    );

    const report = {
      tills: size.tills,
      sales_made: made.length,
      refunds: made.filter((m) => m.kind === "refund").length,
      kills: size.kills,
      seed: size.seed,
      ...faults,
      ok: failures.length === 0,
    };
    console.log(JSON.stringify(report));
    return failures.length === 0;
  } finally {
    for (const worker of workers) worker.postMessage({ type: "stop" } satisfies ToTill);
    await Promise.all(workers.map((w) => Promise.race([new Promise((r) => w.once("exit", r)), sleep(5_000).then(() => w.terminate())])));
    await server.stop().catch(() => undefined);
    await scratch.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error("chaos: crashed:", error);
    process.exit(1);
  },
);

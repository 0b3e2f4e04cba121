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
import { createScratchDatabase } from "../testing/scratch-database";
import { startServerProcess, type ServerProcess } from "../testing/server-process";
import { prepareChaosShop } from "./chaos-shop";
import { checkInvariants } from "./invariants";
import { startTillFleet, type TillFleet } from "./till-fleet";

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

const log = (message: string) => console.log(`chaos: ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<boolean> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set: run `pnpm test:chaos`, which starts a throwaway PostgreSQL 15.");
  log(`${size.tills} tills × ${size.sales} sales over ~${size.durationMs} ms, ${size.kills} SIGKILLs, seed ${size.seed}`);
  const scratch = await createScratchDatabase(adminUrl, "chaos");
  const dataDir = mkdtempSync(path.join(tmpdir(), "ct-chaos-"));
  const env = { DATABASE_URL: scratch.url, DATA_DIR: dataDir, LOG_LEVEL: "error", JWT_SECRET: "chaos-secret-chaos-secret-chaos-secret" };
  let server: ServerProcess = await startServerProcess({ ...env, PORT: "0" });
  const { baseUrl, port } = server;
  let fleet: TillFleet | undefined;
  try {
    const shop = await prepareChaosShop(baseUrl, size.tills, size.sales);
    // The tills sell; the server dies under them.
    fleet = startTillFleet(shop, baseUrl, size);
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
    const { made, faults } = await fleet.done;
    log(`tills done after ${Date.now() - started} ms`);
    const failures = await checkInvariants(baseUrl, shop, made, new Map(), fleet, log);
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
    await fleet?.stop();
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

/**
 * `pnpm bench:import`: a 20 000-row catalog CSV imported through the REST API while two production
 * POS tills run in headless Chromium, on PostgreSQL 15. Prints each figure and ends with one JSON line:
 * - `dry_run_s`: the check of the file (every row planned, nothing written);
 * - `import_s`: the import itself (one transaction: products, categories, price history);
 * - `live_till_s`: from the import's answer until a till that was already running shows the last row;
 * - `new_till_first_sync_s`: a till registered after the import, from registration to its lock screen
 *   (its whole first sync, the 20 000 products included).
 *
 * Each till runs in a Chromium of its own with its profile on disk.
 *
 * `--rows N` for another size. Needs TEST_DATABASE_URL (`pnpm bench:import` starts a throwaway
 * PostgreSQL 15) and a built POS (`pnpm bench:import` builds it).
 */
import { parseArgs } from "node:util";
import { printFigure } from "@countertop/tooling/bench";
import type { Page } from "@playwright/test";
import { startBenchServer } from "./bench-server";
import { bulkCatalogCsv } from "../support/catalog-csv";
import { launchOnDisk } from "../support/chromium";
import { openShift, registerTill } from "../support/till";

const { values: args } = parseArgs({ options: { rows: { type: "string", default: "20000" } } });
const ROWS = Number(args.rows);
const PORT = 8798;
const BASE = `http://127.0.0.1:${PORT}`;
const log = (message: string) => console.log(`bench:import: ${message}`);
const seconds = (from: number) => Math.round((performance.now() - from) / 100) / 10;

/** The tills' browsers, closed (their profiles removed) at the end. */
const closers: (() => Promise<void>)[] = [];

/**
 * A till registered in a Chromium of its own with its profile on disk, as a tablet's is (an
 * off-the-record context keeps IndexedDB in memory: see `launchOnDisk`); resolves at its lock
 * screen, first sync done.
 */
async function newTill(name: string): Promise<Page> {
  const { context, close } = await launchOnDisk("bench-import-till", { viewport: { width: 1280, height: 800 }, baseURL: BASE });
  closers.push(close);
  await context.addInitScript("globalThis.__name = (fn) => fn;");
  const page = await context.newPage();
  await registerTill(page, name, { timeout: 600_000 });
  return page;
}

async function main(): Promise<void> {
  const server = await startBenchServer(PORT);
  const result: Record<string, number> = { rows: ROWS };
  try {
    const live = await newTill("Live till");
    await openShift(live);
    const { token } = await server.call("POST", "/api/v1/auth/login", undefined, { email: "manager@demo.test", password: "demo-manager" });
    const csv = bulkCatalogCsv(ROWS);
    log(`${ROWS} rows, ${Math.round(csv.length / 1024)} KiB of CSV`);
    const upload = async (dryRun: boolean) => {
      const res = await fetch(`${BASE}/api/v1/catalog/import?dryRun=${dryRun ? 1 : 0}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
        body: csv,
      });
      const body = (await res.json()) as { added: number; refused: unknown[] };
      if (!res.ok || body.added !== ROWS) throw new Error(`import answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    };
    let t0 = performance.now();
    await upload(true);
    result.dry_run_s = seconds(t0);
    log(`dry run: ${result.dry_run_s} s`);
    t0 = performance.now();
    await upload(false);
    result.import_s = seconds(t0);
    log(`import: ${result.import_s} s`);

    t0 = performance.now();
    const last = `Bulk item ${String(ROWS).padStart(5, "0")}`;
    await live.getByLabel("Search products").fill(last);
    await live.getByRole("button", { name: new RegExp(`^${last}`) }).waitFor({ timeout: 600_000 });
    result.live_till_s = seconds(t0);
    log(`a running till shows the last row ${result.live_till_s} s after the import answered`);

    t0 = performance.now();
    await newTill("New till");
    result.new_till_first_sync_s = seconds(t0);
    log(`a till registered now: first sync (catalog of ${ROWS + 60} products) done in ${result.new_till_first_sync_s} s`);
  } finally {
    for (const close of closers) await close();
    await server.stop();
  }
  for (const [name, value] of Object.entries(result)) printFigure({ bench: "import", name, value });
}

await main();

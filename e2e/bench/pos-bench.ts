/**
 * `pnpm bench:pos`: the production POS build in headless Chromium with a big shop in its replica
 * (20,000 products, 100,000 sales of 300 of them over 45 days by three cashiers, 1,000 open reconciliation items). Prints each figure as measured and ends with one JSON line per figure (tooling/bench.ts):
 * - `offline_cold_start_ms`: a new tab, offline, from navigation to the sell screen (name and PIN tapped
 *   by the bench from inside the page the moment each shows);
 * - `search_p95_first_s_ms`: a keystroke in the search box until the product grid in the page shows its results,
 *   typed throughout the first second after the cold start's sell screen showed;
 * - `pay_to_receipt_p95_first_s_ms`: the pay tap until the sale is in IndexedDB and the receipt is on
 *   screen, for the five sales right after those searches;
 * - `search_p95_ms`, `pay_to_receipt_p95_ms`: the same, five seconds later (steady state);
 * - `initial_sync_docs_per_s`: the first sync of a newly registered till, once the seeded database is settled
 *   (`VACUUM ANALYZE`, as a running shop's is; else autovacuum and first reads of the fresh rows fall in the sync's window);
 * - `initial_sync_vs_raw_idb`: that rate ÷ a raw IndexedDB `put` loop of the same documents in the same browser,
 *   in a plain page of another origin of the same server (`localhost`) in an instance of that Chromium launched for the
 *   loops and closed after them (their IndexedDB's clean-up otherwise took a core from the later phases for minutes), with the till closed: none of the till's
 *   own work slows the reference, and the reference's writes (and their deletion) stay out of the till's
 *   IndexedDB (an origin's databases share one LevelDB in Chromium: the later phases' sale writes took
 *   0.3–1.8 s while it worked off the references' 240 000 documents and their deletion, a load no till in a shop carries);
 * - `initial_sync_vs_indexed_idb`: the same ÷ the storage's equal work, the same loop into a database per
 *   collection with the indexes the replica keeps, each document with the fields a first sync gives it
 *   (RxDB's revision and replication mark: ~170 bytes; no aim: printed beside, to show where the time goes);
 * - `initial_sync_ceiling_vs_raw_idb`: that equal work ÷ the bare loop (no aim). Not a ceiling, despite its name:
 *   the loops write one collection after another, one transaction at a time, and a first sync, which writes
 *   several collections' pages at once, passes it (1.1–1.5 times on this 2-core machine);
 * - `initial_sync_storage_mb`: what the till's origin then takes on disk (`navigator.storage.estimate()`);
 * - `report_store_build_s`: after the first sync, until the till's report store has counted every sale;
 * - `dashboard_ms`: manager mode's Reports (today against last week and the 30-day range), p95 over repeated opens;
 * - `reconciliation_open_ms`: the reconciliation queue with 1 000 open items, p95 over repeated opens;
 * - `pay_to_receipt_during_report_p95_ms`: pay-to-receipt at the till (the tab in front) while another tab re-opens the
 *   30-day report back to back; `…_till_behind_p95_ms` the same with the report's tab in front (no aim);
 * - `customer_dialog_open_p95_ms`, `customer_search_p95_ms`: last, with 20 000 customers pushed to the shop and
 *   pulled by the till, its sell screen's customer dialog: the tap until its list shows (`…_first_open_ms` its
 *   first open with them), and a keystroke until the list shows that search's customers.
 *
 * The till's Chromium and the references' keep their profiles on disk, as an installed till does: in an
 * off-the-record context (Playwright's `newContext()`) Chromium keeps IndexedDB in memory, where it is far
 * slower with indexes (`launchOnDisk`), and every figure above measured that storage until this was changed.
 *
 * `--quick` uses a tenth of the catalog, sales and open items (`--open-items <n>` sets those apart); `--first-sync`
 * stops after the first sync's figures, `--till` after the till's own (cold start, search, pay). With
 * `BENCH_PROFILE=<dir>` it writes Chromium CPU profiles there: the first sync's, the last cold start's, the first second's, the steady searches' and
 * payments' (`first-sync`, `cold-start`, `first-second`, `search`, `pay`), and manager mode's phases (`dashboard-manager`, `queue-manager`,
 * `during-manager`, `during-till`); open them in DevTools. Needs TEST_DATABASE_URL (`pnpm bench:pos` starts a
 * throwaway PostgreSQL 15) and a built POS (`pnpm bench:pos` builds it).
 */
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { printFigure } from "@countertop/tooling/bench";
import { COLLECTIONS } from "@countertop/sync-protocol/client";
import { examples } from "@countertop/sync-protocol/testing";
import { startBenchServer, type BenchServer } from "./bench-server";
import { describeCpu, measureCpu } from "./chromium-cpu";
import { fetchEverything, putLoop, replicaIndexes } from "./idb-reference";
import { measureCustomers } from "./customer-bench";
import { keepOpenItems, measureManagerMode, reportStoreCounted, seedHistory, settleDatabase } from "./manager-bench";
import { defineBenchUntil, keystrokeTimes, LOCK_SCREEN, type BenchPage, p50, p95, payOne, profile, round, saleWrites } from "./till-tab";
import { launchOnDisk } from "../support/chromium";
import { beginRegistration, enterPin, tillOf } from "../support/till";
import type { Page } from "@playwright/test";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    "open-items": { type: "string" },
    "first-sync": { type: "boolean", default: false },
    till: { type: "boolean", default: false },
  },
});
const scale = args.quick ? 0.1 : 1;
const SIZE = {
  products: Math.round(20_000 * scale),
  sales: Math.round(100_000 * scale),
  days: 45,
  openItems: args["open-items"] ? Number(args["open-items"]) : Math.round(1_000 * scale),
  customers: Math.round(20_000 * scale),
  searches: 40,
  payments: 20,
  opens: 15,
};
const DATABASE_URL_FILE = path.join(os.tmpdir(), `countertop-bench-pos-${process.pid}.url`);
process.env.E2E_DATABASE_URL_FILE = DATABASE_URL_FILE;
// BENCH_PORT: another port, for two benches on one machine at once.
const PORT = Number(process.env.BENCH_PORT ?? 8797);
const BASE = `http://127.0.0.1:${PORT}`;
/** The same server under another origin: the IndexedDB references' own storage, apart from the till's. */
const REFERENCE_BASE = `http://localhost:${PORT}`;
const log = (message: string) => console.log(`bench:pos: ${message}`);

let server!: BenchServer;
const call: BenchServer["call"] = (...args) => server.call(...args);

/** A big catalog and recent history, pushed through the sync API like a back office and tills would. */
async function seed(): Promise<void> {
  const manager = (await call("POST", "/api/v1/auth/login", undefined, { email: "manager@demo.test", password: "demo-manager" }))
    .token as string;
  const seeder = await call("POST", "/api/v1/devices", manager, { name: "History" });
  const made = { id: crypto.randomUUID(), sku: "BENCH-MADE", title: "Regular", price: 300, trackStock: false };
  const products = Array.from({ length: SIZE.products }, (_, i) => ({
    ...examples.products,
    id: crypto.randomUUID(),
    name: `Bench product ${String(i).padStart(5, "0")} ${["tea", "bread", "soap", "jam", "rice"][i % 5]}`,
    categoryId: undefined,
    variants:
      i === 0
        ? [made]
        : [{ id: crypto.randomUUID(), sku: `B-${i}`, barcode: undefined, title: "Each", price: 100 + (i % 900), trackStock: false }],
    updatedAt: new Date().toISOString(),
  })).map((p) => JSON.parse(JSON.stringify(p)) as Record<string, unknown>);
  for (let i = 0; i < products.length; i += 500)
    await call(
      "POST",
      "/sync/v1/products/push",
      manager,
      products.slice(i, i + 500).map((p) => ({ newDocumentState: p })),
    );
  // 45 days of history, sold by three cashiers from 300 of the products; all but the open items
  // the server raised for it (late syncs) are cleared, as a shop that keeps up would have.
  const sold = products.slice(1, 301).map((p) => (p.variants as { id: string; sku: string; price: number }[])[0]!);
  await seedHistory(call, { token: seeder.token, id: seeder.id, locationId: seeder.register.locationId }, sold, SIZE.sales, SIZE.days);
  const databaseUrl = readFileSync(DATABASE_URL_FILE, "utf8");
  const open = await keepOpenItems(databaseUrl, SIZE.openItems);
  log(`kept ${open} open reconciliation items`);
  log(`settled the seeded database (VACUUM ANALYZE) in ${round(await settleDatabase(databaseUrl), 1)} s`);
}

async function main(): Promise<void> {
  server = await startBenchServer(PORT);
  // The till's Chromium keeps its profile on disk, as an installed till does (launchOnDisk).
  const till = await launchOnDisk("bench-till", { viewport: { width: 1280, height: 800 }, baseURL: BASE });
  const { context } = till;
  const result: Record<string, number> = {};
  try {
    let started = performance.now();
    await seed();
    log(
      `seeded ${SIZE.products} products and ${SIZE.sales} sales through the sync API in ${round((performance.now() - started) / 1000)} s`,
    );

    // Initial sync of a freshly registered till.
    // tsx compiles this file with esbuild's keepNames, which wraps named functions in evaluate() callbacks with __name().
    await context.addInitScript("globalThis.__name = (fn) => fn;");
    await context.addInitScript(defineBenchUntil);
    const setup = await context.newPage();
    await beginRegistration(setup, "Bench till");
    await setup.getByRole("heading", { name: "Getting the shop onto this till" }).waitFor();
    started = performance.now();
    const syncCpu = measureCpu();
    const stopSync = await profile(setup, "first-sync");
    await setup.getByRole("heading", { name: LOCK_SCREEN }).waitFor({ timeout: 600_000 });
    const syncSeconds = (performance.now() - started) / 1000;
    const syncSplit = syncCpu();
    await stopSync();
    log(`  the first sync in its tab (ms from navigation): ${await timeline(setup)}`);
    log(`  where it ran: ${describeCpu(syncSplit)}`);
    // What the replica takes on the till's disk (the origin's usage, IndexedDB's files, as Chromium counts them).
    const usage = await setup.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    result.initial_sync_storage_mb = round(usage / 1_048_576, 1);
    log(`  the till's storage after it: ${result.initial_sync_storage_mb} MB`);
    // The raw reference runs with the till closed: in the till's own tab it was slowed by what the
    // till does after a first sync (the report store counting every sale), and the ratio flattered the sync.
    // It runs in another origin, with the till's token: its writes stay out of the till's storage. And in
    // a browser of its own (the same Chromium, its profile on disk too), closed once measured: IndexedDB's clean-up after the
    // loops' 240 000 documents and their deletion went on in the browser process for minutes after,
    // taking a core of this 2-core machine from the till's cold starts, searches and payments.
    const { token: tillToken } = await tillOf(setup);
    if (!tillToken) throw new Error("no till registered in the till's origin");
    await setup.close();
    const reference = await launchOnDisk("bench-reference");
    const referenceContext = reference.context;
    await referenceContext.addInitScript("globalThis.__name = (fn) => fn;");
    const raw = await referenceContext.newPage();
    await raw.goto(`${REFERENCE_BASE}/bench-blank`);
    const fetched = performance.now();
    const docs = await fetchEverything(raw, COLLECTIONS, tillToken);
    // Where the first sync's time goes: the same documents fetched and parsed in pages of 1 000, no storage.
    const fetchSeconds = (performance.now() - fetched) / 1000;
    log(`the same ${docs} documents fetched and parsed in pages of 1 000, one collection after the other: ${round(fetchSeconds, 2)} s`);
    result.initial_sync_docs_per_s = round(docs / syncSeconds, 0);
    log(`initial sync: ${docs} documents in ${round(syncSeconds, 2)} s = ${result.initial_sync_docs_per_s} docs/s`);
    const rawCpu = measureCpu();
    const rawPerS = docs / (await putLoop(raw));
    const rawSplit = rawCpu();
    result.initial_sync_vs_raw_idb = round(result.initial_sync_docs_per_s / rawPerS, 3);
    log(`raw IndexedDB put loop of the same ${docs} documents: ${round(rawPerS, 0)} docs/s → ratio ${result.initial_sync_vs_raw_idb}`);
    log(`  where it ran: ${describeCpu(rawSplit)}`);
    // The storage's equal work: the same loop into a database per collection with the replica's indexes.
    const indexedCpu = measureCpu();
    const indexedPerS = docs / (await putLoop(raw, replicaIndexes(COLLECTIONS)));
    const indexedSplit = indexedCpu();
    result.initial_sync_vs_indexed_idb = round(result.initial_sync_docs_per_s / indexedPerS, 3);
    log(
      `  the same put loop with the replica's indexes (a database per collection): ${round(indexedPerS, 0)} docs/s → ratio ${result.initial_sync_vs_indexed_idb}`,
    );
    log(`    where it ran: ${describeCpu(indexedSplit)}`);
    // The storage's equal work against the bare loop, one transaction at a time.
    result.initial_sync_ceiling_vs_raw_idb = round(indexedPerS / rawPerS, 3);
    log(
      `  the put loop with the replica's indexes ÷ the bare one: ${result.initial_sync_ceiling_vs_raw_idb} (one transaction at a time: the first sync, several at once, passes it)`,
    );
    await reference.close();
    if (args["first-sync"]) return printFigures(result);
    const page = await context.newPage();
    await page.goto(`${BASE}/pos/`);

    // Shift open, service worker in control, then a cold start with no network.
    await enterPin(page, "1234", { timeout: 120_000 });
    await page.getByRole("button", { name: "Open shift" }).click();
    await page.getByRole("heading", { name: "Cart" }).waitFor();
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.close();
    await context.setOffline(true);
    const cold: number[] = [];
    for (let i = 0; i < 3; i++) {
      const tab = await context.newPage();
      // The last start's profile, from before its navigation to its sell screen.
      const stopCold = i === 2 ? await profile(tab, "cold-start") : undefined;
      await tab.goto(`${BASE}/pos/`, { waitUntil: "commit" });
      const at = await tab.evaluate(signInAtOnce);
      await stopCold?.();
      cold.push(at.sell);
      log(`  cold start ${i + 1}: PIN screen after ${round(at.lock, 0)} ms, sell screen after ${round(at.sell, 0)} ms`);
      log(`    in the tab (ms from navigation): ${await timeline(tab)}`);
      if (i < 2) await tab.close();
    }
    result.offline_cold_start_ms = round([...cold].sort((a, b) => a - b)[1]!, 0);
    log(
      `offline cold start (new tab → sell screen with ${SIZE.products} products, PIN typed): ${cold.map((c) => round(c, 0)).join(", ")} ms; median ${result.offline_cold_start_ms} ms`,
    );
    const tab = context.pages().at(-1)!;

    // The first second after the sell screen shows: the till is still busy with what follows a start
    // (the rest of the catalog, leadership, catching up, the report store), and the cashier types and pays.
    const stopFirst = await profile(tab, "first-second");
    const firstSearchCpu = measureCpu();
    const firstSearch = await searchTimes(tab, { forMs: 1000 });
    const firstSearchSplit = firstSearchCpu();
    const firstPay: number[] = [];
    for (let i = 0; i < 5; i++) firstPay.push(await payOne(tab));
    await stopFirst();
    log(`    the sale's own write (inside those): ${(await saleWrites(tab)).join(", ")} ms`);
    result.search_p95_first_s_ms = round(p95(firstSearch));
    result.pay_to_receipt_p95_first_s_ms = round(p95(firstPay));
    log(
      `right after the sell screen showed: ${firstSearch.length} searches, p50 ${round(p50(firstSearch))} ms, p95 ${result.search_p95_first_s_ms} ms`,
    );
    // What else ran meanwhile on this 2-core machine: a keystroke's tail is often time its tab did not get a core.
    log(`  where the searches ran: ${describeCpu(firstSearchSplit)}`);
    log(
      `right after the sell screen showed: 5 sales, ${firstPay.map((n) => round(n, 0)).join(", ")} ms; p95 ${result.pay_to_receipt_p95_first_s_ms} ms`,
    );

    // Steady state: a few seconds on, whatever the till still does in the background.
    const idleCpu = measureCpu();
    const countedBefore = await reportStoreCounted(tab);
    await tab.waitForTimeout(5000);
    log(`  the till idle for 5 s before them: ${describeCpu(idleCpu())}`);
    // After a first sync the till counts every sale into its report store, in its background turns;
    // IndexedDB does that work beside the cashier's searches and sales.
    log(`  its report store meanwhile: ${countedBefore} sales and orders counted, then ${await reportStoreCounted(tab)}`);
    const stopSearch = await profile(tab, "search");
    const countedBeforeSearch = await reportStoreCounted(tab);
    const searchCpu = measureCpu();
    const search = await searchTimes(tab, { count: SIZE.searches });
    const searchSplit = searchCpu();
    await stopSearch();
    result.search_p95_ms = round(p95(search));
    log(`search over ${SIZE.products} products: p50 ${round(p50(search))} ms, p95 ${result.search_p95_ms} ms`);
    log(`  where they ran: ${describeCpu(searchSplit)}`);
    // The report store waits for a pause between customers: what it counted while the cashier typed.
    log(`  its report store meanwhile: ${countedBeforeSearch} counted, then ${await reportStoreCounted(tab)}`);
    log(`  keystrokes in order (ms): ${search.map((n) => round(n, 1)).join(", ")}`);

    // Pay → durable sale → receipt on screen, offline.
    const pay: number[] = [];
    const stopPay = await profile(tab, "pay");
    for (let i = 0; i < SIZE.payments; i++) pay.push(await payOne(tab));
    await stopPay();
    log(`    the sale's own write (inside those): ${(await saleWrites(tab)).slice(5).join(", ")} ms`);
    result.pay_to_receipt_p95_ms = round(p95(pay));
    log(`pay to receipt (sale written to IndexedDB first): p50 ${round(p50(pay))} ms, p95 ${result.pay_to_receipt_p95_ms} ms`);
    if (args.till) return printFigures(result);
    await measureManagerMode(context, tab, result, { base: BASE, size: SIZE, log });
    await measureCustomers(tab, call, result, { count: SIZE.customers, opens: SIZE.opens, searches: SIZE.searches, log });
  } finally {
    await till.close();
    await server.stop();
    rmSync(DATABASE_URL_FILE, { force: true });
  }
  printFigures(result);
}

/** One JSON line per figure measured. */
function printFigures(result: Record<string, number>): void {
  const figures = {
    offline_cold_start_ms: result.offline_cold_start_ms,
    search_p95_first_s_ms: result.search_p95_first_s_ms,
    search_p95_ms: result.search_p95_ms,
    pay_to_receipt_p95_first_s_ms: result.pay_to_receipt_p95_first_s_ms,
    pay_to_receipt_p95_ms: result.pay_to_receipt_p95_ms,
    initial_sync_docs_per_s: result.initial_sync_docs_per_s,
    initial_sync_vs_raw_idb: result.initial_sync_vs_raw_idb,
    initial_sync_vs_indexed_idb: result.initial_sync_vs_indexed_idb,
    initial_sync_ceiling_vs_raw_idb: result.initial_sync_ceiling_vs_raw_idb,
    initial_sync_storage_mb: result.initial_sync_storage_mb,
    report_store_build_s: result.report_store_build_s,
    dashboard_ms: result.dashboard_ms,
    reconciliation_open_ms: result.reconciliation_open_ms,
    pay_to_receipt_during_report_p95_ms: result.pay_to_receipt_during_report_p95_ms,
    pay_to_receipt_during_report_till_behind_p95_ms: result.pay_to_receipt_during_report_till_behind_p95_ms,
    customer_dialog_first_open_ms: result.customer_dialog_first_open_ms,
    customer_dialog_open_p95_ms: result.customer_dialog_open_p95_ms,
    customer_search_p95_ms: result.customer_search_p95_ms,
  };
  for (const [name, value] of Object.entries(figures)) {
    if (value !== undefined) printFigure({ bench: "pos", name, value });
  }
}

/**
 * In the tab, from the start of its navigation: picks Alex Brandt at the lock screen, types 1234 and
 * OK the moment each is on screen (taps from inside the page: the bench's own clicking from outside
 * took ~1.2 s of a cold start on this machine, time no till spends), and returns when the lock
 * screen and then the sell screen's first tile were in the page.
 */
async function signInAtOnce(): Promise<{ lock: number; sell: number }> {
  const { benchUntil: until } = globalThis as unknown as BenchPage;
  const button = (text: (label: string) => boolean) => () =>
    Array.from(document.querySelectorAll("button")).find((b) => text(b.textContent?.trim() ?? ""));
  await until(() => Array.from(document.querySelectorAll("h1")).find((h) => h.textContent === "Who is signing in?"));
  const lock = performance.now();
  (await until(button((t) => t.startsWith("Alex Brandt")))).click();
  for (const digit of "1234") (await until(button((t) => t === digit))).click();
  (await until(button((t) => t === "OK"))).click();
  await until(() => document.querySelector(".grid .tile"));
  return { lock, sell: performance.now() };
}

/** The tab's own timeline: the document and script loaded, and the till's `performance.mark`s. */
async function timeline(tab: Page): Promise<string> {
  const entries = await tab.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const marks = performance.getEntriesByType("mark").map((m) => [m.name, m.startTime] as const);
    return [["html", nav?.responseEnd ?? 0], ["DOMContentLoaded", nav?.domContentLoadedEventEnd ?? 0], ...marks] as const;
  });
  return entries.map(([name, at]) => `${name} ${Math.round(at)}`).join(", ");
}

/** The sell screen's search: its catalog section names the search its grid shows. */
const PRODUCT_SEARCH = {
  input: 'input[type="search"]',
  shows: ".catalog",
  words: ["b", "be", "ben", "bench", "bench p", "tea", "bread", "00042", "soap", "jam"],
} as const;

/** Keystrokes in the sell screen's search box, each until the product grid shows its results ({@link keystrokeTimes}). */
const searchTimes = (tab: Page, limit: { count?: number; forMs?: number }) => keystrokeTimes(tab, PRODUCT_SEARCH, limit);

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("bench:pos failed:", error);
    process.exit(1);
  },
);

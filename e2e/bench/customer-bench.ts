/**
 * The POS bench's customer figures: a big shop's customers (pushed through the sync API as its tills
 * and storefront would have made them) reach the till, then the sell screen's customer dialog is
 * opened and searched as a cashier does it. The till's tab must have {@link BenchPage.benchUntil} (pos-bench.ts gives it to every page).
 */
import type { Page } from "@playwright/test";
import { examples } from "@countertop/sync-protocol/testing";
import type { BenchServer } from "./bench-server";
import { keystrokeTimes, p50, p95, round, type BenchPage } from "./till-tab";

/** The customer dialog's search: its results name the search they show. */
const CUSTOMER_SEARCH = {
  input: '[role="dialog"] input[type="search"]',
  shows: '[role="dialog"] [data-search]',
  words: ["b", "be", "ben", "bench c", "mart", "müll", "01234", "7700 0042", "example.com", "lee"],
} as const;

const SURNAMES = ["Martin", "Lee", "Dubois", "Okafor", "Müller", "Silva", "Novak", "Rossi"];

/**
 * Pushes `count` customers as the shop's manager; then, in the till's tab (online, on the sell
 * screen, nothing in its cart), waits until its replica holds them all, and times
 * its first opening with them, then `opens` more (the tap until its list shows), and `searches`
 * keystrokes in it (until the list shows that search's customers). Sets
 * `customer_dialog_first_open_ms`, `customer_dialog_open_p95_ms` and `customer_search_p95_ms`.
 */
export async function measureCustomers(
  till: Page,
  call: BenchServer["call"],
  result: Record<string, number>,
  bench: { readonly count: number; readonly opens: number; readonly searches: number; readonly log: (message: string) => void },
): Promise<void> {
  const { count, log } = bench;
  const manager = (await call("POST", "/api/v1/auth/login", undefined, { email: "manager@demo.test", password: "demo-manager" }))
    .token as string;
  const now = new Date().toISOString();
  const started = performance.now();
  for (let i = 0; i < count; i += 500) {
    const rows = Array.from({ length: Math.min(500, count - i) }, (_, k) => {
      const n = i + k;
      return {
        newDocumentState: {
          ...examples.customers,
          id: crypto.randomUUID(),
          name: `Bench customer ${String(n).padStart(5, "0")} ${SURNAMES[n % SURNAMES.length]}`,
          email: `customer${n}@example.com`,
          phone: `+44 7700 ${String(n).padStart(6, "0")}`,
          addresses: [],
          createdAt: now,
          updatedAt: now,
        },
      };
    });
    await call("POST", "/sync/v1/customers/push", manager, rows);
  }
  await till.bringToFront();
  // In the till's replica, counted in its IndexedDB (not through the till's screens, so that the
  // dialog's first open below is its first with them).
  await till.waitForFunction(replicaCustomers, count, { timeout: 300_000, polling: 1_000 });
  log(`${count} customers pushed and in the till's replica after ${round((performance.now() - started) / 1000)} s`);
  await till.waitForTimeout(2_000);
  const [first] = await till.evaluate(dialogOpens, 1);
  result.customer_dialog_first_open_ms = round(first!);
  log(`customer dialog, its first open with ${count} customers: ${round(first!, 0)} ms`);

  const opens = await till.evaluate(dialogOpens, bench.opens);
  result.customer_dialog_open_p95_ms = round(p95(opens));
  log(
    `customer dialog with ${count} customers, tap until its list shows: ${opens.map((n) => round(n, 0)).join(", ")} ms; p95 ${result.customer_dialog_open_p95_ms} ms`,
  );

  await till.getByRole("button", { name: "Customer", exact: true }).click();
  const searches = await keystrokeTimes(till, CUSTOMER_SEARCH, { count: bench.searches });
  await till.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  result.customer_search_p95_ms = round(p95(searches));
  log(`customer search over ${count} customers: p50 ${round(p50(searches))} ms, p95 ${result.customer_search_p95_ms} ms`);
}

/** In the tab: whether the replica's customers table holds at least `least` documents (RxDB's Dexie table, counted in IndexedDB). */
async function replicaCustomers(least: number): Promise<boolean> {
  const name = (await indexedDB.databases()).map((d) => d.name ?? "").find((n) => n.endsWith("--customers"));
  if (!name) return false;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    const store = db.transaction(db.objectStoreNames[0]!, "readonly").objectStore(db.objectStoreNames[0]!);
    const counted = await new Promise<number>((resolve, reject) => {
      const request = store.count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return counted >= least;
  } finally {
    db.close();
  }
}

/** In the tab: taps "Customer" and times until the dialog's list shows, then cancels it; `times` over. */
async function dialogOpens(times: number): Promise<number[]> {
  const { benchUntil: until } = globalThis as unknown as BenchPage;
  const button = (label: string, within: ParentNode = document) =>
    Array.from(within.querySelectorAll("button")).find((b) => b.textContent?.trim() === label);
  const opens: number[] = [];
  for (let i = 0; i < times; i++) {
    const open = button("Customer")!;
    const t0 = performance.now();
    open.click();
    const dialog = await until(() => document.querySelector('[role="dialog"]'));
    await until(() => dialog.querySelector(".list-item"));
    opens.push(performance.now() - t0);
    button("Cancel", dialog)!.click();
    await until(() => (document.querySelector('[role="dialog"]') ? undefined : true));
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 50));
  }
  return opens;
}

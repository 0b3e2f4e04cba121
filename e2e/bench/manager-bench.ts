import { bp, minor, priceCart, qty, SALE_ROUNDING } from "@countertop/domain";
import { examples } from "@countertop/sync-protocol/testing";
import pg from "pg";
import type { BrowserContext, Page } from "@playwright/test";
import { sendManagerSignIn } from "../support/manager";
import { LOCK_SCREEN, p50, p95, payOne, profile, round, saleWrites } from "./till-tab";

/*
 * The manager-mode part of `pnpm bench:pos`: a shop's history in the till's replica (sales of many
 * products by several cashiers over weeks), 1 000 open reconciliation items, and the timings of
 * opening the reports and the queue.
 */

type Call = (method: string, url: string, token?: string, body?: unknown) => Promise<unknown>;

/** A variant the history sells: id, SKU and price. */
export interface HistoryVariant {
  readonly id: string;
  readonly sku: string;
  readonly price: number;
}

/**
 * Sales of the last `days` days, pushed through the sync API as a till would (priced with the
 * domain's own rules, so the server agrees with them): 1–3 lines of `variants`, three cashiers,
 * paid in cash, by card, or split.
 */
export async function seedHistory(
  call: Call,
  till: { token: string; id: string; locationId: string },
  variants: readonly HistoryVariant[],
  count: number,
  days: number,
): Promise<void> {
  const staff = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
  const now = Date.now();
  const span = days * 86_400_000;
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const {
    customerId: _c,
    cashRounding: _r,
    catalogSeq: _s,
    promotionsSeq: _p,
    ...base
  } = examples.sales as typeof examples.sales & {
    catalogSeq?: string;
    promotionsSeq?: string;
  };
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, k) => {
      const i = start + k;
      const createdAt = new Date(now - span + Math.floor((i * span) / count) + 60_000);
      const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const v = variants[Math.floor(random() * variants.length)]!;
        return {
          id: crypto.randomUUID(),
          variantId: v.id,
          sku: v.sku,
          name: v.sku,
          qty: qty(1 + Math.floor(random() * 3)),
          unitPrice: minor(v.price),
          taxRate: bp(700),
        };
      });
      const priced = priceCart({ lines, taxMode: "inclusive", rounding: SALE_ROUNDING, now: createdAt });
      const how = random();
      const card = how < 0.4 ? priced.total : how < 0.5 ? Math.floor(priced.total / 2) : 0;
      const payments = [
        ...(card < priced.total ? [{ method: "cash" as const, amount: priced.total - card }] : []),
        ...(card > 0 ? [{ method: "card" as const, amount: card }] : []),
      ];
      return {
        ...base,
        id: crypto.randomUUID(),
        number: `H-${String(i + 1).padStart(7, "0")}`,
        registerId: till.id,
        locationId: till.locationId,
        staffId: staff[i % 3]!,
        lines: priced.lines.map((l) => ({ ...l })),
        subtotal: priced.subtotal,
        discountTotal: priced.discountTotal,
        taxTotal: priced.taxTotal,
        total: priced.total,
        payments,
        createdAt: createdAt.toISOString(),
      };
    });
    await call(
      "POST",
      "/sync/v1/sales/push",
      till.token,
      batch.map((s) => ({ newDocumentState: s })),
    );
  }
}

/**
 * The history's sales are older than a day, so the server raised a `late_sync` item for each; a real
 * shop would have resolved them as they came. Keeps `open` of them, straight in the database.
 */
export async function keepOpenItems(databaseUrl: string, open: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `DELETE FROM reconciliation WHERE id NOT IN (SELECT id FROM reconciliation WHERE doc->>'kind' = 'late_sync' ORDER BY id LIMIT $1)`,
      [open],
    );
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM reconciliation WHERE doc->>'status' = 'open'`);
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

/**
 * Settles a freshly seeded database as a shop's would be: `VACUUM (ANALYZE)`, which autovacuum would
 * otherwise run over the seeded tables while the first measurement reads them (the first sync, in
 * its own window and not the references' after it), and the first reads would set every row's hint
 * bits. Returns the seconds it took.
 */
export async function settleDatabase(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const t0 = performance.now();
  try {
    await client.query("VACUUM (ANALYZE)");
    return (performance.now() - t0) / 1000;
  } finally {
    await client.end();
  }
}

/** How many sales and orders the till's report store (in `page`'s origin) has counted so far: 0 before it has begun. */
export async function reportStoreCounted(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const { tenantId } = JSON.parse(localStorage.getItem("countertop.pos.till") ?? "{}") as { tenantId: string };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(`countertop-pos-local-${tenantId}`);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains("reportCounted")) return 0;
      return await new Promise<number>((resolve, reject) => {
        const count = db.transaction("reportCounted").objectStore("reportCounted").count();
        count.onsuccess = () => resolve(count.result);
        count.onerror = () => reject(count.error);
      });
    } finally {
      db.close();
    }
  });
}

/** Waits until the till's report store has counted `sales` sales; returns the seconds it took from now. */
export async function reportStoreBuilt(page: Page, sales: number): Promise<number> {
  const t0 = performance.now();
  while ((await reportStoreCounted(page)) < sales) {
    if (performance.now() - t0 > 900_000) throw new Error(`the report store had not counted ${sales} sales in 15 minutes`);
    await page.waitForTimeout(1000);
  }
  return (performance.now() - t0) / 1000;
}

/** Enters manager mode with the password in a tab at the lock screen. */
export async function managerSignIn(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Manager mode" }).click();
  await sendManagerSignIn(page);
  await page.getByTestId("manager-how").waitFor();
}

/**
 * Opens a manager screen from the overview and waits until every `ready` selector is on screen: the
 * milliseconds from the tap to the first frame that shows them.
 */
export async function timeScreen(page: Page, screen: string, ready: readonly string[]): Promise<number> {
  return page.evaluate(
    async ({ screen, ready }) => {
      const tap = async (label: string) => {
        const nav = document.querySelector('nav[aria-label="Manager"]')!;
        Array.from(nav.querySelectorAll("button"))
          .find((b) => b.textContent?.startsWith(label))!
          .click();
      };
      await tap("Overview");
      await new Promise((r) => setTimeout(r, 50));
      const t0 = performance.now();
      await tap(screen);
      while (!ready.every((selector) => document.querySelector(selector)))
        await new Promise((r) => requestAnimationFrame(() => r(undefined)));
      return performance.now() - t0;
    },
    { screen, ready },
  );
}

/** What shows that the reports are open: the 30-day range's net sales and today's cards, with figures. */
export const REPORTS_READY = ['[data-testid="range-net"]', '[data-testid="dash-net-sales"] .figure'] as const;

/** What shows that the queue is open: its first item. */
export const QUEUE_READY = ['ul[aria-label="Open items"] button'] as const;

/** How much manager mode's phases do: sales in the replica, open items, opens of each screen, sales paid during the report. */
export interface ManagerBenchSize {
  readonly sales: number;
  readonly openItems: number;
  readonly opens: number;
  readonly payments: number;
}

/**
 * Manager mode in a second tab of the till: the report store counts the history, then the reports
 * and the queue are opened again and again; and the till pays sales while that tab keeps
 * re-opening the 30-day report.
 */
export async function measureManagerMode(
  context: BrowserContext,
  till: Page,
  result: Record<string, number>,
  bench: { readonly base: string; readonly size: ManagerBenchSize; readonly log: (message: string) => void },
): Promise<void> {
  const { base: BASE, size: SIZE, log } = bench;
  await context.setOffline(false);
  const manager = await context.newPage();
  await manager.goto(`${BASE}/pos/`);
  await manager.getByRole("heading", { name: LOCK_SCREEN }).waitFor({ timeout: 120_000 });
  result.report_store_build_s = round(await reportStoreBuilt(manager, SIZE.sales), 1);
  log(`report store: every one of ${SIZE.sales} sales counted within ${result.report_store_build_s} s of opening the manager tab`);
  await managerSignIn(manager);

  /** Opens `screen` SIZE.opens times (profiled as `profileName`): the p95, and a line with every open. */
  const timeOpens = async (screen: string, ready: readonly string[], profileName: string, what: string) => {
    const opens: number[] = [];
    const profiling = await profile(manager, profileName);
    for (let i = 0; i < SIZE.opens; i++) opens.push(await timeScreen(manager, screen, ready));
    await profiling();
    const ms = round(p95(opens));
    log(`${what}: ${opens.map((n) => round(n, 0)).join(", ")} ms; p95 ${ms} ms`);
    return ms;
  };
  result.dashboard_ms = await timeOpens(
    "Reports",
    REPORTS_READY,
    "dashboard-manager",
    `reports (today vs last week + the 30-day range of ${SIZE.sales} sales)`,
  );
  result.reconciliation_open_ms = await timeOpens(
    "Reconciliation",
    QUEUE_READY,
    "queue-manager",
    `reconciliation queue with ${SIZE.openItems} open items`,
  );

  // The manager's tab re-opens the 30-day report back to back while the till pays. First with the
  // till's tab in front — one tablet: the cashier sells in the tab they see, the report runs in a tab
  // behind (Chromium runs that tab's work at a lower priority, so it re-opens less often) — then
  // with the manager's tab in front and the till's behind, printed beside it.
  for (const front of ["till", "manager"] as const) {
    await (front === "till" ? till : manager).bringToFront();
    let paying = true;
    let reopened = 0;
    const reporting = (async () => {
      while (paying) {
        await timeScreen(manager, "Reports", REPORTS_READY);
        reopened++;
      }
    })();
    const during: number[] = [];
    const profilings = [await profile(manager, `during-manager-${front}-in-front`), await profile(till, `during-till-${front}-in-front`)];
    for (let i = 0; i < SIZE.payments; i++) during.push(await payOne(till));
    for (const stop of profilings) await stop();
    paying = false;
    await reporting;
    log(`    the sale's own write (inside those): ${(await saleWrites(till)).slice(-SIZE.payments).join(", ")} ms`);
    const name = front === "till" ? "pay_to_receipt_during_report_p95_ms" : "pay_to_receipt_during_report_till_behind_p95_ms";
    result[name] = round(p95(during));
    log(
      `pay to receipt while the other tab re-opened the 30-day report ${reopened} times, the ${front}'s tab in front: p50 ${round(p50(during))} ms, p95 ${result[name]} ms`,
    );
  }
}

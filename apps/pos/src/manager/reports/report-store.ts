import {
  addBucketFact,
  addDays,
  addProductFact,
  addPromotionFact,
  factsOf,
  localHourOf,
  orderReportDocument,
  saleReportDocument,
  type BucketFact,
  type ProductFact,
  type PromotionFact,
  type ReportDocument,
} from "@countertop/domain";
import type { Order, Sale } from "@countertop/sync-protocol";
import type { RxCollection } from "rxdb";
import { afterStartup, backgroundTurn, cashierActiveSince } from "../../data/background";
import { changedSince, type ChangeCheckpoint } from "../../data/changed-since";
import { countLive } from "../../data/count-live";
import type { CountedDocument, CustomerDocument, LocalDatabase, ReportStoreMeta } from "../../data/local-db";
import type { PosDatabase } from "../../data/replica";

/*
 * The report store: figures per hour, register and cashier, per product and day, and per promotion
 * and day, and each customer's sales and orders, kept in the till's local database and brought up
 * to date from the replica's change feed a page at a time. A 30-day dashboard then sums a few
 * hundred rows instead of reading thousands of sales, and the sell screen never waits for it: each
 * page is one short transaction, run when the till has an idle moment and no sale is being written
 * (`backgroundTurn`).
 */

/** Bump when what a fact holds changes: the store is then rebuilt from the replica. */
export const REPORT_STORE_VERSION = 2;

/** Rows older than this many days leave the store (the till's sales window is 90). */
export const REPORT_STORE_DAYS = 100;

/**
 * Sales read and counted per slice: small, so a sale written or a key typed meanwhile waits for no
 * long slice (with 250, the slice in flight held a keystroke 28 ms while a first count ran in the
 * 2-core bench machine's Chromium, its IndexedDB then in memory; a first count of 100 000 sales
 * takes 77–100 s on disk with 100).
 */
const PAGE = 100;

type Tables = Pick<
  LocalDatabase,
  "reportBuckets" | "reportProducts" | "reportPromotions" | "reportCounted" | "reportCustomers" | "reportMeta"
>;

/** The time zone reports count days and hours in: the shop's setting, or this device's. */
export function reportTimeZone(setting: string | undefined): string {
  return setting ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Adds (or with `sign` −1 takes away) documents' facts, reading and writing the rows they touch. */
async function applyFacts(local: Tables, docs: readonly { doc: ReportDocument; sign: 1 | -1 }[], timeZone: string): Promise<void> {
  const facts = docs.map(({ doc, sign }) => ({ ...factsOf(doc, timeZone), sign }));
  const bucketIds = [...new Set(facts.map((f) => f.bucket.id))];
  const productIds = [...new Set(facts.flatMap((f) => f.products.map((p) => p.id)))];
  const promotionIds = [...new Set(facts.flatMap((f) => f.promotions.map((p) => p.id)))];
  const byId = <T extends { id: string }>(rows: (T | undefined)[]) => new Map(rows.flatMap((row) => (row ? [[row.id, row] as const] : [])));
  const buckets = byId(await local.reportBuckets.bulkGet(bucketIds));
  const products = byId(await local.reportProducts.bulkGet(productIds));
  const promotions = byId<PromotionFact>(promotionIds.length > 0 ? await local.reportPromotions.bulkGet(promotionIds) : []);
  for (const { bucket, products: lines, promotions: used, sign } of facts) {
    buckets.set(bucket.id, addBucketFact(buckets.get(bucket.id), bucket, sign));
    for (const p of lines) products.set(p.id, addProductFact(products.get(p.id), p, sign));
    for (const p of used) promotions.set(p.id, addPromotionFact(promotions.get(p.id), p, sign));
  }
  await local.reportBuckets.bulkPut([...buckets.values()]);
  await local.reportProducts.bulkPut([...products.values()]);
  if (promotions.size > 0) await local.reportPromotions.bulkPut([...promotions.values()]);
}

/** One page of sales: each counted once (a sale is immutable; one synced again is the same sale). A sale leaving the window stays counted. */
async function countSales(local: Tables, sales: readonly Sale[], timeZone: string): Promise<void> {
  const live = sales.filter((s) => !s._deleted);
  const seen = new Set((await local.reportCounted.bulkGet(live.map((s) => s.id))).flatMap((c) => (c ? [c.id] : [])));
  const fresh = [...new Map(live.filter((s) => !seen.has(s.id)).map((s) => [s.id, s])).values()];
  await applyFacts(
    local,
    fresh.map((s) => ({ doc: saleReportDocument(s), sign: 1 })),
    timeZone,
  );
  const days = fresh.map((s) => localHourOf(s.createdAt, timeZone).day);
  await local.reportCounted.bulkPut(fresh.map((s, i) => ({ id: s.id, day: days[i]!, included: true })));
  await local.reportCustomers.bulkPut(
    fresh.flatMap((s, i) => (s.customerId ? [{ id: s.id, customerId: s.customerId, collection: "sales" as const, day: days[i]! }] : [])),
  );
}

/** One page of orders: an order counts while it is paid and not cancelled or refunded, so a change may add or take it away. */
async function countOrders(local: Tables, orders: readonly Order[], timeZone: string): Promise<void> {
  const latest = [...new Map(orders.map((o) => [o.id, o])).values()];
  const before = new Map((await local.reportCounted.bulkGet(latest.map((o) => o.id))).flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const changes: { doc: ReportDocument; sign: 1 | -1 }[] = [];
  const counted: CountedDocument[] = [];
  const customers: CustomerDocument[] = [];
  const without: string[] = [];
  for (const order of latest) {
    const doc = order._deleted ? undefined : orderReportDocument(order);
    const was = before.get(order.id)?.included ?? false;
    // Amounts of an order never change after checkout: taking it away takes away what was added.
    const asCounted = doc ?? orderReportDocument({ ...order, status: "paid" });
    if (doc && !was) changes.push({ doc, sign: 1 });
    if (!doc && was && asCounted) changes.push({ doc: asCounted, sign: -1 });
    const day = localHourOf(order.createdAt, timeZone).day;
    counted.push({ id: order.id, day, included: doc !== undefined });
    // An order's customer may be set or changed after checkout: its row follows the order as it is now.
    if (!order._deleted && order.customerId) customers.push({ id: order.id, customerId: order.customerId, collection: "orders", day });
    else without.push(order.id);
  }
  await applyFacts(local, changes, timeZone);
  await local.reportCounted.bulkPut(counted);
  await local.reportCustomers.bulkPut(customers);
  if (without.length > 0) await local.reportCustomers.bulkDelete(without);
}

/** Starts the store again (a new time zone, a new version of the facts), its total not yet known; answers the state it wrote. */
async function reset(local: Tables, timeZone: string): Promise<NonNullable<ReportStoreMeta["building"]>> {
  await Promise.all([
    local.reportBuckets.clear(),
    local.reportProducts.clear(),
    local.reportPromotions.clear(),
    local.reportCounted.clear(),
    local.reportCustomers.clear(),
  ]);
  const building = { counted: 0 };
  await local.reportMeta.put({ id: "facts", version: REPORT_STORE_VERSION, timeZone, building });
  return building;
}

/**
 * Brings the report store up to date with the replica: every sale and order changed since the
 * store's checkpoints, a page at a time, each page and its checkpoint in one transaction (so a page
 * is counted whole or not at all, whatever closes the tab). Rows older than the store keeps leave it.
 */
export async function catchUpReports(
  db: Pick<PosDatabase, "sales" | "orders">,
  local: LocalDatabase,
  timeZone: string,
  options: { readonly now?: Date } = {},
): Promise<void> {
  const pause = () => backgroundTurn({ betweenCustomers: true });
  const meta = await local.reportMeta.get("facts");
  let progress = meta?.building;
  if (!meta || meta.version !== REPORT_STORE_VERSION || meta.timeZone !== timeZone) {
    // Started again before it counts anything, so the figures say they are being added up while the
    // total is found; in a pause like the rest (clearing a store of 100 000 rows is no small write).
    await pause();
    progress = await reset(local, timeZone);
  }
  if (progress && progress.total === undefined) {
    // What there is to count, for the progress a manager sees: a slice at a time, between customers
    // like the counting itself (one count of a first sync's 100 000 sales held the till's IndexedDB ~1.6 s).
    const sales = await countLive(db.sales as unknown as RxCollection, pause);
    const orders = await countLive(db.orders as unknown as RxCollection, pause);
    await local.reportMeta.update("facts", { building: { ...progress, total: sales + orders } });
  }
  for (const name of ["sales", "orders"] as const) {
    await pause();
    const collection = db[name] as unknown as RxCollection;
    let dropped = false;
    for (;;) {
      const turn = performance.now();
      const stored = await local.reportMeta.get("facts");
      const page = await changedSince(collection, PAGE, stored?.[name] as ChangeCheckpoint | undefined);
      if (page.documents.length === 0) break;
      // The cashier started typing while the page was read: its write waits for the next pause
      // (once in a row, so a till that is never quiet still counts, at its starved pace).
      if (!dropped && cashierActiveSince(turn)) {
        dropped = true;
        await pause();
        continue;
      }
      dropped = false;
      const tables = [
        local.reportBuckets,
        local.reportProducts,
        local.reportPromotions,
        local.reportCounted,
        local.reportCustomers,
        local.reportMeta,
      ];
      await local.transaction("rw", tables, async () => {
        if (name === "sales") await countSales(local, page.documents as unknown as Sale[], timeZone);
        else await countOrders(local, page.documents as unknown as Order[], timeZone);
        const building = stored?.building && { ...stored.building, counted: stored.building.counted + page.documents.length };
        await local.reportMeta.update("facts", { [name]: page.checkpoint, ...(building ? { building } : {}) });
      });
      if (page.documents.length < PAGE) break;
      await pause();
    }
  }
  // Counted to the end: the figures are whole from here on.
  if ((await local.reportMeta.get("facts"))?.building) await local.reportMeta.update("facts", { building: undefined });
  const oldest = addDays(localHourOf(options.now ?? new Date(), timeZone).day, -REPORT_STORE_DAYS);
  await Promise.all([
    local.reportBuckets.where("day").below(oldest).delete(),
    local.reportProducts.where("day").below(oldest).delete(),
    local.reportPromotions.where("day").below(oldest).delete(),
    local.reportCounted.where("day").below(oldest).delete(),
    // A customer's orders stay (the replica keeps every order); their sales leave with the old days.
    local.reportCustomers
      .where("day")
      .below(oldest)
      .filter((row) => row.collection === "sales")
      .delete(),
  ]);
}

/** The stored facts of the shop's days `from` to `to`, both included; without `products`, only the hourly buckets. */
export async function readFacts(
  local: LocalDatabase,
  from: string,
  to: string,
  { products = true }: { readonly products?: boolean } = {},
): Promise<{ buckets: BucketFact[]; products: ProductFact[] }> {
  const [buckets, productRows] = await Promise.all([
    local.reportBuckets.where("day").between(from, to, true, true).toArray(),
    products ? local.reportProducts.where("day").between(from, to, true, true).toArray() : [],
  ]);
  return { buckets, products: productRows };
}

/**
 * Runs `work` while no other tab of this till runs it for the same store: the till and manager mode
 * in a second tab share the store, and the second to catch up then finds the first's pages counted
 * instead of reading the same sales again.
 */
async function oneTabAtATime(local: LocalDatabase, work: () => Promise<void>): Promise<void> {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  if (locks) await locks.request(`countertop-report-store-${local.name}`, work);
  else await work();
}

let running: Promise<void> | undefined;
let again = false;

/**
 * Keeps the report store current while the till runs: catches up once the till has started
 * (`afterStartup`: a cold start's lock screen, PIN and catalog come first), and again shortly after
 * any sale or order changes in the replica. One catch-up at a time per page; returns a stop function.
 */
export function keepReportsCurrent(db: PosDatabase, local: LocalDatabase, timeZone: () => string): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = oneTabAtATime(local, () => catchUpReports(db, local, timeZone()))
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(run, 400);
  };
  let subscriptions: { unsubscribe(): void }[] = [];
  void afterStartup().then(() => {
    if (stopped) return;
    run();
    subscriptions = [db.sales.$.subscribe(soon), db.orders.$.subscribe(soon)];
  });
  return () => {
    stopped = true;
    clearTimeout(timer);
    subscriptions.forEach((s) => s.unsubscribe());
  };
}

/** Resolves when the store has caught up with what the replica holds now (for a report to read). */
export async function reportsCaughtUp(): Promise<void> {
  while (running) await running;
}

/** The ids of the sales and orders of `customerIds` (a customer and those merged into them) the store keeps. */
export async function customerDocuments(
  local: Pick<LocalDatabase, "reportCustomers">,
  customerIds: readonly string[],
): Promise<{ sales: string[]; orders: string[] }> {
  const rows = await local.reportCustomers.where("customerId").anyOf(customerIds).toArray();
  return {
    sales: rows.filter((row) => row.collection === "sales").map((row) => row.id),
    orders: rows.filter((row) => row.collection === "orders").map((row) => row.id),
  };
}

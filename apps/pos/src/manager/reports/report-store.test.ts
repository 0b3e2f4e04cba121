import { daysFrom, netOf, summarize } from "@countertop/domain";
import { examples } from "@countertop/sync-protocol/testing";
import type { UpdatingHookContext } from "dexie";
import { describe, expect, it } from "vitest";
import type { ReportStoreMeta } from "../../data/local-db";
import { noteActivity, QUIET_MS } from "../../data/background";
import { openTestLocal } from "../../testing/test-local";
import { reportSale as sale } from "../../testing/test-sale";
import { openTestReplica } from "../../testing/test-till";
import { catchUpReports, customerDocuments, readFacts } from "./report-store";

async function summary(local: ReturnType<typeof openTestLocal>, from: string, to: string) {
  const { buckets, products } = await readFacts(local, from, to);
  return summarize(buckets, products, daysFrom(from, to));
}

describe("the report store", () => {
  it("counts each sale once, however often the replica writes it, and a split payment as one sale", async () => {
    const [db, local] = [await openTestReplica(), openTestLocal()];
    await db.sales.bulkInsert([sale("a", "2026-11-20T10:00:00Z"), sale("b", "2026-11-20T23:30:00Z", 2500)]);
    await catchUpReports(db, local, "Europe/Berlin", { now: new Date("2026-11-22T12:00:00Z") });
    // The replica writes a sale again (synced back from the server): nothing changes.
    await (await db.sales.findOne("a").exec())!.incrementalPatch({ seenAgain: true } as never);
    await catchUpReports(db, local, "Europe/Berlin", { now: new Date("2026-11-22T12:00:00Z") });

    const the20th = await summary(local, "2026-11-20", "2026-11-20");
    expect(the20th.totals).toMatchObject({ sales: 1, gross: 1000, cash: 900, card: 100 });
    // 23:30 UTC is after midnight in Berlin: the 21st's sale.
    expect((await summary(local, "2026-11-21", "2026-11-21")).totals).toMatchObject({ sales: 1, gross: 2500 });
    expect(netOf((await summary(local, "2026-11-19", "2026-11-22")).totals)).toBe(3500);
  });

  it("says how far it has come while it is built, and nothing once it has counted everything", async () => {
    const [db, local] = [await openTestReplica(), openTestLocal()];
    const sales = Array.from({ length: 300 }, (_, i) => sale(`s${i}`, `2026-11-2${i % 2}T10:00:00Z`));
    await db.sales.bulkInsert(sales);
    await db.orders.insert({ ...examples.orders, status: "paid" as const, createdAt: "2026-11-21T09:00:00Z" });
    const seen: unknown[] = [];
    local.reportMeta.hook("creating", (_key, meta) => void seen.push(meta.building));
    local.reportMeta.hook("updating", function (this: UpdatingHookContext<ReportStoreMeta, string>) {
      this.onsuccess = (meta) => void seen.push(meta.building);
    });
    await catchUpReports(db, local, "UTC", { now: new Date("2026-11-22T12:00:00Z") });
    // Made at once, before it knows its total; then three pages of sales, the order: then done.
    expect(seen).toEqual([
      { counted: 0 },
      { counted: 0, total: 301 },
      { counted: 100, total: 301 },
      { counted: 200, total: 301 },
      { counted: 300, total: 301 },
      { counted: 301, total: 301 },
      undefined,
    ]);
    expect((await local.reportMeta.get("facts"))?.building).toBeUndefined();
    // Keeping up with a new sale is no build: its one update says nothing of one.
    seen.length = 0;
    await db.sales.insert(sale("new", "2026-11-22T10:00:00Z"));
    await catchUpReports(db, local, "UTC", { now: new Date("2026-11-22T12:00:00Z") });
    expect(seen).toEqual([undefined]);
    expect((await summary(local, "2026-11-20", "2026-11-22")).totals.sales).toBe(302);
  });

  it("finds its total when it starts again after a tab closed before it knew it, and counts everything once", async () => {
    const [db, local] = [await openTestReplica(), openTestLocal()];
    await db.sales.bulkInsert([sale("a", "2026-11-20T10:00:00Z"), sale("b", "2026-11-21T10:00:00Z"), sale("c", "2026-11-21T11:00:00Z")]);
    await catchUpReports(db, local, "UTC", { now: new Date("2026-11-22T12:00:00Z") });
    // As a till leaves its store when it closes between making it and counting what there is.
    const { version, timeZone } = (await local.reportMeta.get("facts"))!;
    await local.reportMeta.put({ id: "facts", version, timeZone, building: { counted: 0 } });
    await Promise.all([local.reportBuckets.clear(), local.reportProducts.clear(), local.reportCounted.clear()]);
    const seen: unknown[] = [];
    local.reportMeta.hook("updating", function (this: UpdatingHookContext<ReportStoreMeta, string>) {
      this.onsuccess = (meta) => void seen.push(meta.building);
    });
    await catchUpReports(db, local, "UTC", { now: new Date("2026-11-22T12:00:00Z") });
    expect(seen).toEqual([{ counted: 0, total: 3 }, { counted: 3, total: 3 }, undefined]);
    expect((await summary(local, "2026-11-20", "2026-11-22")).totals.sales).toBe(3);
  });

  it("drops a page read while the cashier typed, and counts it in the next pause between customers", async () => {
    const [db, local] = [await openTestReplica(), openTestLocal()];
    await db.sales.bulkInsert([sale("a", "2026-11-20T10:00:00Z"), sale("b", "2026-11-20T11:00:00Z")]);
    await catchUpReports(db, local, "UTC", { now: new Date("2026-11-22T12:00:00Z") });
    await db.sales.insert(sale("c", "2026-11-21T10:00:00Z"));
    // A key while the next page is read, after the store's turn came (it reads its checkpoint
    // twice: to see whether to start again, then before the page).
    let typedAt: number | undefined;
    let reads = 0;
    local.reportMeta.hook("reading", (meta) => {
      if (++reads === 2) {
        typedAt = performance.now();
        noteActivity();
      }
      return meta;
    });
    let countedAt: number | undefined;
    local.reportCounted.hook("creating", () => void (countedAt ??= performance.now()));
    await catchUpReports(db, local, "UTC", { now: new Date("2026-11-22T12:00:00Z") });
    expect(countedAt! - typedAt!).toBeGreaterThanOrEqual(QUIET_MS - 5);
    // Read twice, counted once.
    expect((await summary(local, "2026-11-20", "2026-11-21")).totals.sales).toBe(3);
  });

  it("starts its store again in a pause between customers, not while the cashier is at work", async () => {
    const [db, local] = [await openTestReplica(), openTestLocal()];
    await db.sales.insert(sale("a", "2026-11-20T10:00:00Z"));
    const typedAt = performance.now();
    noteActivity();
    let madeAt: number | undefined;
    local.reportMeta.hook("creating", () => void (madeAt ??= performance.now()));
    await catchUpReports(db, local, "UTC", { now: new Date("2026-11-22T12:00:00Z") });
    expect(madeAt! - typedAt).toBeGreaterThanOrEqual(QUIET_MS - 5);
    expect((await summary(local, "2026-11-20", "2026-11-20")).totals.sales).toBe(1);
  });

  it("counts an order while it is paid and takes it away when it is cancelled", async () => {
    const [db, local] = [await openTestReplica(), openTestLocal()];
    const now = { now: new Date("2026-11-25T12:00:00Z") };
    const order = { ...examples.orders, status: "paid" as const, createdAt: "2026-11-24T09:00:00Z" };
    await db.orders.insert(order);
    await catchUpReports(db, local, "UTC", now);
    expect((await summary(local, "2026-11-24", "2026-11-24")).byChannel.online).toMatchObject({ sales: 1, gross: order.total });
    await (await db.orders.findOne(order.id).exec())!.incrementalPatch({ status: "cancelled" });
    await catchUpReports(db, local, "UTC", now);
    expect((await summary(local, "2026-11-24", "2026-11-24")).byChannel.online).toMatchObject({ sales: 0, gross: 0 });
    expect((await summary(local, "2026-11-24", "2026-11-24")).products.every((p) => p.units === 0)).toBe(true);
  });

  it("starts again in a new time zone, and lets rows older than it keeps go", async () => {
    const [db, local] = [await openTestReplica(), openTestLocal()];
    await db.sales.bulkInsert([sale("late", "2026-11-20T23:30:00Z"), sale("ancient", "2026-06-01T12:00:00Z")]);
    await catchUpReports(db, local, "UTC", { now: new Date("2026-11-22T12:00:00Z") });
    expect((await summary(local, "2026-11-20", "2026-11-20")).totals.sales).toBe(1);
    expect((await summary(local, "2026-06-01", "2026-06-01")).totals.sales).toBe(0);
    await catchUpReports(db, local, "Europe/Berlin", { now: new Date("2026-11-22T12:00:00Z") });
    expect((await summary(local, "2026-11-20", "2026-11-20")).totals.sales).toBe(0);
    expect((await summary(local, "2026-11-21", "2026-11-21")).totals.sales).toBe(1);
  });

  it("keeps each customer's sales and orders by the customer: an order follows its customer, old sales leave, orders stay", async () => {
    const [db, local] = [await openTestReplica(), openTestLocal()];
    const now = { now: new Date("2026-11-25T12:00:00Z") };
    await db.sales.bulkInsert([
      { ...sale("a", "2026-11-20T10:00:00Z"), customerId: "c1" },
      { ...sale("b", "2026-11-21T10:00:00Z"), customerId: "c2" },
      sale("anonymous", "2026-11-21T11:00:00Z"),
      { ...sale("old", "2026-06-01T12:00:00Z"), customerId: "c1" },
    ]);
    const order = { ...examples.orders, customerId: "c1", status: "paid" as const, createdAt: "2026-06-02T09:00:00Z" };
    await db.orders.insert(order);
    await catchUpReports(db, local, "UTC", now);
    // The sale of June left with the store's old days; the order of June stays.
    expect(await customerDocuments(local, ["c1"])).toEqual({ sales: ["a"], orders: [order.id] });
    expect(await customerDocuments(local, ["c1", "c2"])).toMatchObject({ sales: expect.arrayContaining(["a", "b"]) as unknown });

    await (await db.orders.findOne(order.id).exec())!.incrementalPatch({ customerId: "c2" });
    await catchUpReports(db, local, "UTC", now);
    expect(await customerDocuments(local, ["c1"])).toEqual({ sales: ["a"], orders: [] });
    expect((await customerDocuments(local, ["c2"])).orders).toEqual([order.id]);
    await (await db.orders.findOne(order.id).exec())!.remove();
    await catchUpReports(db, local, "UTC", now);
    expect((await customerDocuments(local, ["c2"])).orders).toEqual([]);
  });
});

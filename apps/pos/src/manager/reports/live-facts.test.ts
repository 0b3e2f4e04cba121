import { daysFrom, summarize } from "@countertop/domain";
import { Subject } from "rxjs";
import { describe, expect, it, vi } from "vitest";
import { openTestLocal } from "../../testing/test-local";
import { reportSale as sale } from "../../testing/test-sale";
import { openTestReplica } from "../../testing/test-till";
import { rangeFacts } from "./live-facts";
import { catchUpReports } from "./report-store";

const NOW = { now: new Date("2026-11-22T12:00:00Z") };

describe("a range's facts in memory", () => {
  it("are read once for every screen showing the range, and read again when the store counts more", async () => {
    const [db, local] = [await openTestReplica(), openTestLocal()];
    await db.sales.insert(sale("a", "2026-11-20T10:00:00Z", 1000));
    await catchUpReports(db, local, "UTC", NOW);
    // The store's changes (in the app, its meta row watched with Dexie's liveQuery; fake-indexeddb has none).
    const changes = new Subject<void>();
    const facts = rangeFacts(local, "2026-11-20", "2026-11-21", true, changes);
    expect(rangeFacts(local, "2026-11-20", "2026-11-21", true)).toBe(facts);
    const heard = vi.fn();
    const release = facts.subscribe(heard);
    changes.next();
    const sales = () => summarize(facts.snapshot()!.buckets, facts.snapshot()!.products, daysFrom("2026-11-20", "2026-11-21")).totals;
    await vi.waitFor(() => expect(facts.snapshot()).toBeDefined());
    expect(sales()).toMatchObject({ sales: 1, gross: 1000 });
    expect(facts.snapshot()!.products).toHaveLength(1);

    await db.sales.insert(sale("b", "2026-11-21T10:00:00Z", 2500));
    await catchUpReports(db, local, "UTC", NOW);
    changes.next();
    await vi.waitFor(() => expect(sales()).toMatchObject({ sales: 2, gross: 3500 }), { timeout: 3000 });
    expect(heard).toHaveBeenCalled();
    release();
    // Let go of, the figures stay for the next screen that shows the range.
    expect(facts.snapshot()).toBeDefined();
  });

  it("of the dashboard hold only the hourly buckets", async () => {
    const [db, local] = [await openTestReplica(), openTestLocal()];
    await db.sales.insert(sale("a", "2026-11-20T10:00:00Z", 1000));
    await catchUpReports(db, local, "UTC", NOW);
    const changes = new Subject<void>();
    const facts = rangeFacts(local, "2026-11-20", "2026-11-20", false, changes);
    const release = facts.subscribe(() => undefined);
    changes.next();
    await vi.waitFor(() => expect(facts.snapshot()).toBeDefined());
    expect(facts.snapshot()!.buckets).toHaveLength(1);
    expect(facts.snapshot()!.products).toEqual([]);
    release();
  });
});

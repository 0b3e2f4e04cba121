import { SALES_WINDOW_DAYS, salesWindowStart } from "@countertop/sync-protocol";
import { backgroundTurn } from "./background";
import type { PosDatabase } from "./replica";

const BATCH = 500;

/**
 * Drops the synced sales older than the window ({@link salesWindowStart}, where the server's pulls
 * of sales begin too) from the replica. The server keeps them (a local
 * deletion of a sale is never pushed); a sale still `waiting` to sync stays whatever its age. Runs in
 * the tab that replicates (the leader), a batch at a time, each when the till has a moment. Returns how many left.
 */
export async function dropSalesOutsideWindow(
  db: PosDatabase,
  waiting: ReadonlySet<string>,
  now = new Date(),
  days = SALES_WINDOW_DAYS,
): Promise<number> {
  const cutoff = salesWindowStart(now, days).toISOString();
  let dropped = 0;
  for (;;) {
    await backgroundTurn({ betweenCustomers: true });
    const old = await db.sales
      .find({ selector: { createdAt: { $lt: cutoff } }, sort: [{ createdAt: "asc" }], limit: BATCH + waiting.size })
      .exec();
    const ids = old.map((d) => d.id).filter((id) => !waiting.has(id));
    if (ids.length === 0) return dropped;
    await db.sales.bulkRemove(ids);
    dropped += ids.length;
    if (old.length < BATCH) return dropped;
  }
}

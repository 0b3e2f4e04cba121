import { SALES_WINDOW_DAYS, salesWindowStart, WINDOWED_COLLECTIONS, type WindowedCollection } from "@countertop/sync-protocol";
import { backgroundTurn } from "./background";
import type { PosDatabase } from "./replica";

const BATCH = 500;

/**
 * Drops the synced documents of `collection` older than the window ({@link salesWindowStart}, by its
 * {@link WINDOWED_COLLECTIONS} field, where the server's pulls of it begin too) from the replica. The server keeps them (a local
 * deletion of either is never pushed); a sale still `waiting` to sync stays whatever its age. Runs in
 * the tab that replicates (the leader), a batch at a time, each when the till has a moment. Returns how many left.
 */
export async function dropOutsideWindow(
  db: PosDatabase,
  collection: WindowedCollection,
  waiting: ReadonlySet<string>,
  now = new Date(),
  days = SALES_WINDOW_DAYS,
): Promise<number> {
  const field = WINDOWED_COLLECTIONS[collection];
  const cutoff = salesWindowStart(now, days).toISOString();
  // The two collections' documents differ; the query and removal below only touch `field` and ids.
  const documents = db[collection] as unknown as PosDatabase["sales"];
  let dropped = 0;
  for (;;) {
    await backgroundTurn({ betweenCustomers: true });
    const old = await documents
      .find({ selector: { [field]: { $lt: cutoff } }, sort: [{ [field]: "asc" }], limit: BATCH + waiting.size })
      .exec();
    const ids = old.map((d) => d.id).filter((id) => !waiting.has(id));
    if (ids.length === 0) return dropped;
    await documents.bulkRemove(ids);
    dropped += ids.length;
    if (old.length < BATCH) return dropped;
  }
}

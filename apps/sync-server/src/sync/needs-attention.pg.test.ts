import { createReplicaDatabase, startReplication, type NeedsAttentionRow, type ReplicaDatabase } from "@countertop/replica";
import type { CollectionName } from "@countertop/sync-protocol";
import { getRxStorageMemory } from "rxdb/plugins/storage-memory";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSale, variantsOf, type TestVariant } from "../testing/fixtures";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { pullAll } from "../testing/sync-client";

/*
 * A real replica (@countertop/replica on RxDB) pushes one batch holding a row that breaks the schema
 * and one the till may not write, beside good rows, to the whole server over real HTTP: the good rows
 * land, the two others reach the replica's "needs attention" callback with the local document and the
 * server's message, and the bad row holds up nothing afterwards.
 */

let counter = 0;
/** Without dev-mode, so that the replica stores a document its schema would refuse (as an old app version might). */
function openClient<const N extends CollectionName>(collections: readonly N[]): Promise<ReplicaDatabase<N>> {
  return createReplicaDatabase({
    name: `needs-attention-${process.pid}-${++counter}`,
    storage: getRxStorageMemory(),
    collections,
    multiInstance: false,
  });
}

describe.each(ENGINES)("a replica's needs-attention rows on %s", (engine) => {
  let server: TestServer;
  let baseUrl: string;
  let till: { id: string; token: string; locationId: string };
  let variants: TestVariant[];

  beforeAll(async () => {
    server = await startTestServer(engine);
    baseUrl = await server.listen();
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    till = await server.registerTill(manager, "Needs attention");
    variants = variantsOf((await pullAll(server, till.token, "products", 1000)).docs, { standard: 1900, reduced: 700 });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Replicates `database` as a till that also pushes products (as an old app version would), keeping what needs attention. */
  function replicate(database: ReplicaDatabase<"sales" | "products">, kept: NeedsAttentionRow[]) {
    return startReplication({
      database,
      baseUrl,
      token: () => till.token,
      push: ["sales", "products"],
      live: false,
      waitForLeadership: false,
      retryTime: 100,
      onNeedsAttention: (rows) => void kept.push(...rows),
    });
  }

  /** Pulls and pushes everything once, and stops. */
  async function syncOnce(database: ReplicaDatabase<"sales" | "products">, kept: NeedsAttentionRow[]): Promise<void> {
    const sync = replicate(database, kept);
    await sync.awaitInitialSync();
    await sync.awaitInSync();
    await sync.cancel();
  }

  it("lands the good rows of a batch, keeps the invalid row with the server's message, and is not held up by it", async () => {
    const database = await openClient(["sales", "products"]);
    const kept: NeedsAttentionRow[] = [];
    try {
      await syncOnce(database, kept);

      const sale = (i: number) =>
        makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: variants[i]!, qty: 1 }] });
      const good = [sale(0), sale(1), sale(2)];
      const bad = { ...sale(3), currency: "euros" };
      await database.sales.bulkInsert([good[0], bad, good[1], good[2]] as never);

      await syncOnce(database, kept);

      const serverSales = (await pullAll(server, till.token, "sales", 1000)).docs.map((s) => s.id);
      for (const s of good) expect(serverSales).toContain(s.id);
      expect(serverSales).not.toContain(bad.id);

      const invalid = kept.filter((k) => k.reason === "invalid");
      expect(invalid).toHaveLength(1);
      expect(invalid[0]).toMatchObject({
        collection: "sales",
        code: "bad_request",
        row: { newDocumentState: { id: bad.id, currency: "euros" } },
      });
      expect(invalid[0]!.message).toContain("currency");

      // The replica took the invalid row as it was typed and pushes it no more.
      expect((await database.sales.findOne(bad.id).exec())?.currency).toBe("euros");

      // The bad row holds up nothing: a later sale syncs, and the bad one is not pushed again.
      const later = sale(4);
      await database.sales.insert(later as never);
      const third = replicate(database, kept);
      await third.awaitInitialSync();
      await third.awaitInSync();
      expect((await pullAll(server, till.token, "sales", 1000)).docs.map((s) => s.id)).toContain(later.id);
      expect(kept).toHaveLength(1);

      // Fixed and re-sent, the sale lands.
      const outcome = await third.resend("sales", [{ ...bad, currency: "EUR" }]);
      expect(outcome).toMatchObject({ refused: [], invalid: [] });
      expect((await pullAll(server, till.token, "sales", 1000)).docs.map((s) => s.id)).toContain(bad.id);
      await third.cancel();
    } finally {
      await database.close();
    }
  });

  // A till may not write products (DESIGN: Authority): the server refuses that row on its own.
  it("keeps a row the till may not write, with the local document, before the replica takes the server's version", async () => {
    const database = await openClient(["sales", "products"]);
    const kept: NeedsAttentionRow[] = [];
    try {
      await syncOnce(database, kept);
      const product = (await database.products.find().exec())[0]!;
      const serverName = product.name;
      await product.incrementalPatch({ name: "Renamed by a till" } as never);
      const good = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: variants[5]!, qty: 1 }] });
      await database.sales.insert(good as never);

      await syncOnce(database, kept);

      expect((await pullAll(server, till.token, "sales", 1000)).docs.map((s) => s.id)).toContain(good.id);
      const refused = kept.filter((k) => k.reason === "refused");
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatchObject({
        collection: "products",
        row: { newDocumentState: { id: product.id, name: "Renamed by a till" } },
      });
      expect(refused[0]!.message.length).toBeGreaterThan(0);
      // The replica took the server's version of the refused row.
      expect((await database.products.findOne(product.id).exec())?.name).toBe(serverName);
    } finally {
      await database.close();
    }
  });
});

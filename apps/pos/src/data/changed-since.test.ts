import { examples } from "@countertop/sync-protocol/testing";
import { getChangedDocumentsSince, type RxCollection } from "rxdb";
import { describe, expect, it } from "vitest";
import { openTestReplica } from "../testing/test-till";
import { changedSince, type ChangeCheckpoint } from "./changed-since";

const id = (n: number) => `0193a1b2-0000-7000-8000-${String(n).padStart(12, "0")}`;

describe("reading the replica's change feed", () => {
  it("pages through every write in order and ends where RxDB's own read ends", async () => {
    const db = await openTestReplica();
    await db.categories.bulkInsert(Array.from({ length: 25 }, (_, i) => ({ ...examples.categories, id: id(i), name: `C${i}` })));
    await (await db.categories.findOne(id(3)).exec())!.incrementalPatch({ name: "C3 again" });
    const collection = db.categories as unknown as RxCollection;
    const seen: string[] = [];
    let checkpoint: ChangeCheckpoint | undefined;
    for (;;) {
      const page = await changedSince<{ id: string; name: string }>(collection, 10, checkpoint);
      if (page.documents.length === 0) break;
      seen.push(...page.documents.map((d) => d.name));
      checkpoint = page.checkpoint;
    }
    expect(seen).toHaveLength(25);
    expect(seen.at(-1)).toBe("C3 again");
    const rxdb = await getChangedDocumentsSince(collection.storageInstance, 100, undefined);
    expect(checkpoint).toEqual(rxdb.checkpoint);
  });
});

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, openTestDatabase } from "../testing/test-database";
import { copyTuples } from "./copy-out";
import type { OpenDatabase } from "./database";

/**
 * A binary COPY out through `pg`'s client, on both engines: the rows of the statements before it,
 * its tuples as bytes, one round trip, and failures that reject and leave the pool usable.
 */
describe.each(ENGINES)("binary COPY out on %s", (engine) => {
  let database: OpenDatabase;
  const tuples = (copied: Buffer) => [...copyTuples(copied)];

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await sql`create table copy_test (seq bigint primary key, doc jsonb, note text)`.execute(database.db);
    await sql`insert into copy_test values
      (1, '{"name": "Mug — blue", "q": "say \\"hi\\"\\n"}', 'tab\there'),
      (2, '{"emoji": "😀"}', null),
      (9007199254740993, '[]', '')`.execute(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("gives each tuple's fields as their bytes, text exactly as stored, nulls as null, in one round trip", async () => {
    const before = database.roundTrips.count;
    const { rowSets, copied } = await database.copyOut(
      "copy (select seq, doc, note from copy_test order by seq) to stdout (format binary)",
    );
    expect(database.roundTrips.count - before).toBe(1);
    expect(rowSets).toEqual([]);
    const rows = tuples(copied).map(([seq, doc, note]) => ({
      seq: seq!.readBigInt64BE(0).toString(),
      // jsonb's binary form: a version byte, then its text.
      version: doc![0],
      doc: JSON.parse(doc!.subarray(1).toString()) as unknown,
      note: note === null ? null : note!.toString(),
    }));
    expect(rows).toEqual([
      { seq: "1", version: 1, doc: { name: "Mug — blue", q: 'say "hi"\n' }, note: "tab\there" },
      { seq: "2", version: 1, doc: { emoji: "😀" }, note: null },
      { seq: "9007199254740993", version: 1, doc: [], note: "" },
    ]);
  });

  it("gives the rows of the statements before the COPY, parsed as pg parses them, and an empty COPY", async () => {
    const { rowSets, copied } = await database.copyOut(
      `select set_config('app.copy_test', 'on', true); select 'x'::text as a, true as b, '{"k": 1}'::jsonb as c, null::int as d;
       select current_setting('app.copy_test') as setting;
       copy (select seq from copy_test where seq < 0) to stdout (format binary)`,
    );
    expect(rowSets).toEqual([[{ set_config: "on" }], [{ a: "x", b: true, c: { k: 1 }, d: null }], [{ setting: "on" }]]);
    expect(tuples(copied)).toEqual([]);
  });

  it("rejects with PostgreSQL's error when a statement fails, runs nothing after it, and the pool goes on", async () => {
    await expect(
      database.copyOut(`insert into copy_test values (3, '{}', 'x'); select 1/0; copy (select 1) to stdout (format binary)`),
    ).rejects.toMatchObject({ code: "22012" });
    // One implicit transaction: the insert before the failure is rolled back.
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from copy_test where seq = 3`.execute(database.db);
    expect(rows).toEqual([{ n: "0" }]);
    const again = await database.copyOut("copy (select 42::int) to stdout (format binary)");
    expect(tuples(again.copied).map(([n]) => n!.readInt32BE(0))).toEqual([42]);
  });

  it("refuses bytes that are not a binary COPY", () => {
    expect(() => tuples(Buffer.from("1\t2\n"))).toThrow(/not a binary COPY/);
    const truncated = Buffer.concat([Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8), Buffer.from([0, 1, 0, 0, 0, 9, 65])]);
    expect(() => tuples(truncated)).toThrow(/runs past the end/);
  });
});

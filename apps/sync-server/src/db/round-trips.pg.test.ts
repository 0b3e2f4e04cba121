import { CompiledQuery, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, openTestDatabase } from "../testing/test-database";
import type { OpenDatabase } from "./database";
import { AT_COMMIT } from "./round-trips";

/**
 * Statements held for the COMMIT with parameters: prepared in SQL once per connection, run with
 * their values as literals, in the COMMIT's own message, on both engines.
 */
describe.each(ENGINES)("statements held for the commit on %s", (engine) => {
  let database: OpenDatabase;
  const insert = `${AT_COMMIT}insert into held_test (id, note) select $1::int, $2::text`;
  /** One transaction that holds the insert of (id, note) for its commit; the round trips it took. */
  const hold = async (id: number, note: string, text = insert): Promise<number> => {
    const before = database.roundTrips.count;
    await database.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      await trx.executeQuery(CompiledQuery.raw(text, [id, note]));
    });
    return database.roundTrips.count - before;
  };
  const rows = async () => (await sql<{ id: number; note: string }>`select id, note from held_test order by id`.execute(database.db)).rows;
  const prepared = async () =>
    (await sql<{ name: string }>`select name from pg_prepared_statements where name like 'ctc%'`.execute(database.db)).rows.length;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await sql`create table held_test (id int primary key, note text not null)`.execute(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("lands with the commit, values intact (quotes and backslashes too), in 2 round trips, prepared once", async () => {
    expect(await hold(1, "it's a \\ test")).toBe(2);
    expect(await hold(2, "plain")).toBe(2);
    expect(await rows()).toEqual([
      { id: 1, note: "it's a \\ test" },
      { id: 2, note: "plain" },
    ]);
    // PGlite's pool is one connection; PostgreSQL's may have used two.
    expect(await prepared()).toBeGreaterThanOrEqual(1);
    expect(await prepared()).toBeLessThanOrEqual(engine === "pglite" ? 1 : 2);
  });

  it("a commit that fails rolls back, and the next transaction prepares or reuses the statement as the session really has it", async () => {
    // A statement new to the connection, whose first run fails at commit (a stored id): it was
    // prepared in that same message, and PostgreSQL keeps it though the transaction rolled back.
    const other = `${insert} || ''`;
    const failed = await hold(1, "again", other).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(String(failed)).toMatch(/duplicate key/);
    expect(await hold(3, "after", other)).toBeGreaterThanOrEqual(2);
    expect(await hold(4, "and again", other)).toBe(2);
    expect((await rows()).map((r) => r.id)).toEqual([1, 2, 3, 4]);
    expect((await rows())[0]!.note).toBe("it's a \\ test");
  });

  it("is dropped with a rolled-back transaction", async () => {
    await database.db
      .transaction()
      .execute(async (trx) => {
        await trx.executeQuery(CompiledQuery.raw(insert, [9, "never"]));
        throw new Error("changed my mind");
      })
      .catch(() => undefined);
    expect((await rows()).map((r) => r.id)).toEqual([1, 2, 3, 4]);
  });
});

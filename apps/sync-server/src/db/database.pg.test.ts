import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "../testing/test-database";
import { ping } from "./database";
import { isDatabaseUnavailable } from "./unavailable";

describe("the PostgreSQL pool", () => {
  it("survives a connection killed under an open transaction: that request fails as unavailable, the next one works", async () => {
    const database = await openTestDatabase("postgres");
    try {
      const inTransaction = database.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(database.db);
        // The dead connection says so with an 'error' event now, while the transaction holds it.
        await new Promise((resolve) => setTimeout(resolve, 200));
        await sql`select 1`.execute(trx);
      });
      const error = await inTransaction.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(await ping(database.db)).toBe(true);
    } finally {
      await database.close();
    }
  });
});

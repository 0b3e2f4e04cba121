import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { migrateToLatest, openDatabase, type DatabaseKind, type OpenDatabase } from "../db/database";

declare module "vitest" {
  /** Set by scripts/test/postgres-global-setup.ts: a PostgreSQL 15 server to create test databases on. */
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}

/** Both engines the server runs on; every database suite runs once per engine. */
export const ENGINES: readonly DatabaseKind[] = ["pglite", "postgres"];

/** A fresh migrated database: in-memory PGlite, or a new database on the test PostgreSQL 15. */
export async function openTestDatabase(kind: DatabaseKind): Promise<OpenDatabase> {
  if (kind === "pglite") {
    const opened = await openDatabase({ dataDir: "memory://" });
    await migrateToLatest(opened.db);
    return opened;
  }
  const adminUrl = inject("testDatabaseUrl");
  const name = `ct_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ url: url.toString(), dataDir: "" });
  await migrateToLatest(opened.db);
  return {
    ...opened,
    close: async () => {
      await opened.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

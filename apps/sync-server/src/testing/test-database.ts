import { inject } from "vitest";
import { createScratchDatabase } from "./scratch-database";
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
  const scratch = await createScratchDatabase(inject("testDatabaseUrl"));
  const opened = await openDatabase({ url: scratch.url, dataDir: "" });
  await migrateToLatest(opened.db);
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await scratch.drop();
    },
  };
}

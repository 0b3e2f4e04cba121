import { randomBytes } from "node:crypto";
import pg from "pg";

/** An empty database of its own on a PostgreSQL server, and how to drop it. */
export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** Creates `ct_<prefix>_<random>` on the server at `adminUrl`. */
export async function createScratchDatabase(adminUrl: string, prefix = "test"): Promise<ScratchDatabase> {
  const name = `ct_${prefix}_${randomBytes(6).toString("hex")}`;
  const run = async (statement: string) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Starts the sync server for the e2e run on a brand-new PostgreSQL database (so every run begins
 * from the seeded demo shop), and drops that database when the server stops.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error("e2e needs TEST_DATABASE_URL (a PostgreSQL 15 server); `pnpm test` starts a throwaway one.");
  process.exit(1);
}
const name = `ct_e2e_${randomBytes(5).toString("hex")}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(adminUrl);
url.pathname = `/${name}`;
// A benchmark that prepares data the API can't make (a shop's years of history) reads where the database is.
if (process.env.E2E_DATABASE_URL_FILE) writeFileSync(process.env.E2E_DATABASE_URL_FILE, url.toString());

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../apps/sync-server");
// Every run starts with no mail written, so a journey reads the messages of this run only.
rmSync(path.join(serverDir, ".data-e2e", "mail"), { recursive: true, force: true });
const child = spawn("pnpm", ["exec", "tsx", "src/main.ts"], {
  cwd: serverDir,
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: url.toString(),
    PORT: process.env.E2E_PORT ?? "8799",
    HOST: "127.0.0.1",
    DATA_DIR: path.join(serverDir, ".data-e2e"),
    NODE_ENV: "test",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
    // The console's domain check reaches a shop's host name here, as DNS would send it.
    DOMAIN_CHECK_VIA: `127.0.0.1:${process.env.E2E_PORT ?? "8799"}`,
  },
});

async function dropDatabase(): Promise<void> {
  const dropper = new pg.Client({ connectionString: adminUrl });
  await dropper.connect();
  await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await dropper.end();
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code) => {
  void dropDatabase().finally(() => process.exit(code ?? 0));
});

import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../scripts/throwaway-postgres.sh");
const run = promisify(execFile);
const call = async (...args: string[]) => (await run("bash", [script, ...args])).stdout.trim();

/** A PostgreSQL 15 server of the run's own, which the run may kill (scripts/throwaway-postgres.sh). */
export interface KillablePostgres {
  readonly url: string;
  /** `pg_ctl stop -m immediate`: every backend dies at once, as in a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data; crash recovery replays the WAL. */
  resume(): Promise<void>;
  /** Stops it and removes its data. */
  remove(): Promise<void>;
}

/** Starts a throwaway PostgreSQL 15 whose acknowledged commits survive a kill (`--durable`). */
export async function startKillablePostgres(): Promise<KillablePostgres> {
  const [url, dir] = (await call("start", "--durable")).split(" ");
  if (!url || !dir) throw new Error("throwaway-postgres.sh start printed no URL and directory");
  return {
    url,
    kill: async () => void (await call("kill", dir)),
    resume: async () => void (await call("resume", dir)),
    remove: async () => void (await call("stop", dir)),
  };
}

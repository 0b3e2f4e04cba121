import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

const here = path.dirname(fileURLToPath(import.meta.url));

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}

/**
 * Gives the server tests a PostgreSQL 15: TEST_DATABASE_URL when set (CI starts one), otherwise a
 * throwaway server started for this run and stopped after it.
 */
export default function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide("testDatabaseUrl", given);
    return;
  }
  const out = execFileSync("bash", [path.join(here, "../throwaway-postgres.sh"), "start"], { encoding: "utf8" }).trim();
  const [url, dir] = out.split(" ");
  if (!url || !dir) throw new Error(`could not start a throwaway PostgreSQL: ${out}`);
  project.provide("testDatabaseUrl", url);
  return () => {
    execFileSync("bash", [path.join(here, "../throwaway-postgres.sh"), "stop", dir]);
  };
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServerProcess } from "./testing/server-process";

/** Starts `src/main.ts` on PGlite in `dataDir`, on a free port. */
const startServer = (dataDir: string) => startServerProcess({ DATABASE_URL: "", DATA_DIR: dataDir, PORT: "0", STATIC_ROOT: dataDir });
const stopServer = (running: { stop(): Promise<number | null> }) => running.stop();

describe("the start command on embedded PGlite", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ct-data-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("starts healthy with the demo shop, stops cleanly, and keeps its data across a restart", async () => {
    const first = await startServer(dataDir);
    const health = await fetch(`${first.baseUrl}/health`);
    expect(await health.json()).toMatchObject({ ok: true, db: "pglite" });
    expect(first.output()).toContain("seeded the demo tenant");
    expect(await stopServer(first)).toBe(0);

    const second = await startServer(dataDir);
    expect(await (await fetch(`${second.baseUrl}/health`)).json()).toMatchObject({ ok: true, db: "pglite" });
    // Same database: no migrations left to run and nothing seeded twice.
    expect(second.output()).not.toContain("seeded the demo tenant");
    expect(second.output()).not.toContain("migrations applied");
    expect(await stopServer(second)).toBe(0);
  }, 120_000);
});

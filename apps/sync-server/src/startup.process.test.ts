import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "./testing/scratch-database";
import { startServerProcess, type ServerProcess } from "./testing/server-process";

describe("several processes starting at once on one empty PostgreSQL database", () => {
  const dataDirs: string[] = [];
  const running: ServerProcess[] = [];
  let scratch: ScratchDatabase | undefined;
  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop()));
    await scratch?.drop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it("migrate once, seed one demo shop, and all come up healthy", async () => {
    scratch = await createScratchDatabase(inject("testDatabaseUrl"), "startup");
    const start = () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), "ct-startup-"));
      dataDirs.push(dataDir);
      return startServerProcess({ DATABASE_URL: scratch!.url, DATA_DIR: dataDir, PORT: "0", STATIC_ROOT: dataDir, LOG_LEVEL: "info" });
    };
    const started = await Promise.allSettled([start(), start(), start()]);
    for (const s of started) if (s.status === "fulfilled") running.push(s.value);
    expect(started.map((s) => (s.status === "rejected" ? String(s.reason) : "up"))).toEqual(["up", "up", "up"]);

    for (const p of running) expect(await (await fetch(`${p.baseUrl}/health`)).json()).toMatchObject({ ok: true, db: "postgres" });
    // Exactly one of them ran the migrations and exactly one seeded.
    expect(running.filter((p) => p.output().includes("migrations applied"))).toHaveLength(1);
    expect(running.filter((p) => p.output().includes("seeded the demo tenant"))).toHaveLength(1);

    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      const tenants = await client.query<{ slug: string }>("select slug from tenants");
      expect(tenants.rows).toEqual([{ slug: "demo" }]);
      const owners = await client.query("select email from platform_users");
      expect(owners.rowCount).toBe(1);
    } finally {
      await client.end();
    }
    // Any of them signs the demo manager in.
    for (const p of running) {
      const res = await fetch(`${p.baseUrl}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "manager@demo.test", password: "demo-manager" }),
      });
      expect(res.status).toBe(200);
    }
  }, 120_000);
});

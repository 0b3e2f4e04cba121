import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface Running {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  readonly output: () => string;
}

/** Starts `src/main.ts` as the README's start command does, on PGlite in `dataDir`, on a free port. */
function startServer(dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", NODE_ENV: "test", STATIC_ROOT: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /on http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ child, baseUrl: `http://127.0.0.1:${port}`, output: () => output });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

function stopServer(running: Running): Promise<number | null> {
  return new Promise((resolve) => {
    running.child.removeAllListeners("exit");
    running.child.on("exit", (code) => resolve(code));
    running.child.kill("SIGTERM");
  });
}

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

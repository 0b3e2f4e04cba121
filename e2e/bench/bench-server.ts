import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- server answers, read where used
export type Json = any;

/** A sync server of a benchmark: its origin, a JSON caller, and `stop()`. */
export interface BenchServer {
  readonly base: string;
  call(method: string, url: string, token?: string, body?: unknown): Promise<Json>;
  stop(): Promise<void>;
}

/** Starts the sync server on a fresh database (the e2e server script) on `port`, and waits for it. */
export async function startBenchServer(port: number): Promise<BenchServer> {
  const base = `http://127.0.0.1:${port}`;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "../support/serve.ts")], {
    env: { ...process.env, E2E_PORT: String(port), LOG_LEVEL: "error" },
    stdio: "inherit",
  });
  const stop = () =>
    new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : (child.on("exit", () => resolve()), child.kill("SIGTERM")),
    );
  const call: BenchServer["call"] = async (method, url, token, body) => {
    const res = await fetch(base + url, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const parsed: Json = await res.json();
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(parsed).slice(0, 300)}`);
    return parsed;
  };
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { base, call, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error("the server did not start");
}

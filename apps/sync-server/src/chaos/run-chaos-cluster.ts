/**
 * `pnpm test:chaos`, second part: several servers on one PostgreSQL, and both dying. Three server
 * processes share a PostgreSQL 15 of this run's own, behind a round-robin TCP proxy the tills talk
 * to. While the tills sell, each server process in turn is SIGKILLed and restarted, and PostgreSQL
 * itself is killed (`pg_ctl stop -m immediate`) and started again, twice: meanwhile every server
 * stays up and answers 503 `unavailable`, then finds its pool and its change feed again by itself.
 * Streams fan out across processes: after each database restart, and from every process to every
 * other at the end, a stock movement committed through one process reaches a stream held on another.
 * The run ends with the invariants of the single-server run (nothing lost, nothing doubled) and
 * prints its figures.
 *
 * Size: `--tills 6 --sales 15 --duration 20000`; `--large` is `--tills 12 --sales 60 --duration 40000`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { callServer } from "../testing/http-client";
import { createScratchDatabase } from "../testing/scratch-database";
import { startServerProcess, type ServerProcess } from "../testing/server-process";
import { openSse } from "../testing/sse-client";
import { prepareChaosShop, stockMovement } from "./chaos-shop";
import { checkInvariants } from "./invariants";
import { startRoundRobinProxy } from "./round-robin-proxy";
import { startKillablePostgres } from "./throwaway-postgres";
import { startTillFleet, type TillFleet } from "./till-fleet";

const { values: args } = parseArgs({
  options: {
    tills: { type: "string" },
    sales: { type: "string" },
    duration: { type: "string" },
    seed: { type: "string" },
    large: { type: "boolean", default: false },
  },
});
const size = {
  tills: Number(args.tills ?? (args.large ? 12 : 6)),
  sales: Number(args.sales ?? (args.large ? 60 : 15)),
  durationMs: Number(args.duration ?? (args.large ? 40_000 : 20_000)),
  seed: Number(args.seed ?? Date.now() % 1_000_000),
};
const PROCESSES = 3;
/** Server kills and database kills, interleaved; each server process dies once. */
const FAULTS = ["server", "database", "server", "database", "server"] as const;

const log = (message: string) => console.log(`chaos cluster: ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `fn` while it fails (a 503 while a pool reconnects), up to `tries` times; counts the retries. */
async function retrying<T>(fn: () => Promise<T>, onRetry: () => void, tries = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= tries) throw error;
      onRetry();
      await sleep(250);
    }
  }
}

async function main(): Promise<boolean> {
  log(
    `${PROCESSES} server processes behind a proxy, ${size.tills} tills × ${size.sales} sales over ~${size.durationMs} ms, seed ${size.seed}`,
  );
  const postgres = await startKillablePostgres();
  const scratch = await createScratchDatabase(postgres.url, "cluster");
  const dataDirs = Array.from({ length: PROCESSES }, () => mkdtempSync(path.join(tmpdir(), "ct-cluster-")));
  const env = (i: number, port = "0") => ({
    DATABASE_URL: scratch.url,
    DATA_DIR: dataDirs[i]!,
    STATIC_ROOT: dataDirs[i]!,
    LOG_LEVEL: "error",
    PORT: port,
  });
  // All three start at once on the empty database: one migrates and seeds, the others wait their turn.
  const servers: ServerProcess[] = await Promise.all(dataDirs.map((_, i) => startServerProcess(env(i))));
  const ports = servers.map((s) => s.port);
  const proxy = await startRoundRobinProxy(() => ports);
  const proxyUrl = `http://127.0.0.1:${proxy.port}`;
  const figures = { serverKills: 0, databaseKills: 0, probes503: 0, retried503: 0, fanOutMs: [] as number[] };
  let fleet: TillFleet | undefined;
  try {
    const shop = await prepareChaosShop(proxyUrl, size.tills, size.sales);
    const first = shop.tills[0]!;
    const moved = new Map<string, number>();
    const beaconId = `${first.locationId}:${shop.beacon.id}`;

    /** The multiplexed stream held on process `to` sees a stock movement committed through process `from`; how long it took. */
    const fanOut = async (from: number, to: number): Promise<number> => {
      const stream = await retrying(
        () => openSse(`${servers[to]!.baseUrl}/sync/v1/stream?collections=stock_levels`, first.token),
        () => figures.retried503++,
      );
      try {
        await stream.waitFor((data) => data === '"RESYNC"');
        const level = shop.initial.get(shop.beacon.id)! + (moved.get(shop.beacon.id) ?? 0) + 1;
        const started = Date.now();
        await retrying(
          () =>
            callServer(servers[from]!.baseUrl, "POST", "/sync/v1/stock_movements/push", shop.manager, [
              stockMovement(first.locationId, shop.beacon.id, 1),
            ]),
          () => figures.retried503++,
        );
        moved.set(shop.beacon.id, (moved.get(shop.beacon.id) ?? 0) + 1);
        await stream.waitFor((data) => carriesLevel(data, beaconId, level), 20_000);
        const ms = Date.now() - started;
        figures.fanOutMs.push(ms);
        return ms;
      } finally {
        stream.close();
      }
    };

    /** Every process answers 503 `unavailable` (JSON) while the database is away, and stays up. */
    const probeUnavailable = async (): Promise<void> => {
      for (const server of servers) {
        const deadline = Date.now() + 10_000;
        for (;;) {
          const res = await fetch(`${server.baseUrl}/sync/v1/stock_levels/pull?seq=0&limit=1`, {
            headers: { authorization: `Bearer ${first.token}` },
          });
          const body = (await res.json()) as { error?: { code?: string } };
          if (res.status === 503 && body.error?.code === "unavailable") {
            figures.probes503++;
            break;
          }
          if (Date.now() > deadline)
            throw new Error(`process on :${server.port} answered ${res.status} ${JSON.stringify(body)} with the database away`);
          await sleep(100);
        }
        if (server.child.exitCode !== null)
          throw new Error(`process on :${server.port} exited while the database was away:\n${server.output()}`);
      }
    };

    fleet = startTillFleet(shop, proxyUrl, size);
    const started = Date.now();
    for (const [k, fault] of FAULTS.entries()) {
      await sleep(Math.max(0, started + (size.durationMs * (k + 0.5)) / FAULTS.length - Date.now()));
      if (fault === "server") {
        const i = figures.serverKills++ % PROCESSES;
        await servers[i]!.kill();
        const downFor = 300 + Math.floor(Math.random() * 1200);
        log(`SIGKILL process ${i + 1} at ${Date.now() - started} ms; down for ${downFor} ms plus start-up`);
        await sleep(downFor);
        servers[i] = await startServerProcess(env(i, String(ports[i])));
      } else {
        figures.databaseKills++;
        await postgres.kill();
        log(`PostgreSQL killed (immediate) at ${Date.now() - started} ms`);
        await probeUnavailable();
        await sleep(1_000);
        await postgres.resume();
        const ms = await fanOut(figures.databaseKills % PROCESSES, (figures.databaseKills + 1) % PROCESSES);
        log(`PostgreSQL back at ${Date.now() - started} ms; a commit through one process reached another's stream in ${ms} ms`);
      }
    }
    const faultsOver = Date.now();
    const { made, faults } = await fleet.done;
    log(`tills done after ${Date.now() - started} ms`);
    for (let i = 0; i < PROCESSES; i++) await fanOut(i, (i + 1) % PROCESSES);
    const failures = await checkInvariants(proxyUrl, shop, made, moved, fleet, log);
    const convergeMs = Date.now() - Math.max(faultsOver, started + size.durationMs);
    const sorted = [...figures.fanOutMs].sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        processes: PROCESSES,
        tills: size.tills,
        sales_pushed: made.length,
        refunds: made.filter((m) => m.kind === "refund").length,
        server_kills: figures.serverKills,
        database_kills: figures.databaseKills,
        answers_503_seen: faults.unavailable + figures.probes503 + figures.retried503,
        tills_503: faults.unavailable,
        probes_503: figures.probes503,
        proxy_connections: proxy.stats.connections,
        proxy_refused: proxy.stats.refused,
        fan_out_ms: sorted,
        converge_ms: convergeMs,
        seed: size.seed,
        ...faults,
        ok: failures.length === 0,
      }),
    );
    return failures.length === 0;
  } catch (error) {
    for (const [i, server] of servers.entries()) if (server.output()) log(`process ${i + 1} said:\n${server.output().slice(-2000)}`);
    throw error;
  } finally {
    await fleet?.stop();
    await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
    await proxy.close();
    await scratch.drop().catch(() => undefined);
    await postgres.remove();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error("chaos cluster: crashed:", error);
    process.exit(1);
  },
);

/**
 * Whether a stream event's data carries the stock level `id` at `onHand`. Parsed, not matched as
 * text: documents reach the stream as PostgreSQL prints them (`"onHand": 3`), which is JSON all the same.
 */
function carriesLevel(data: string, id: string, onHand: number): boolean {
  let event: unknown;
  try {
    event = JSON.parse(data);
  } catch {
    return false;
  }
  const documents = (event as { documents?: unknown }).documents;
  return Array.isArray(documents) && documents.some((d: { id?: unknown; onHand?: unknown }) => d.id === id && d.onHand === onHand);
}

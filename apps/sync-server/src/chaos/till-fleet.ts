import { Worker } from "node:worker_threads";
import type { ChaosShop } from "./chaos-shop";
import type { FaultCounts, MadeSale, TillConfig, ToRunner, ToTill } from "./protocol";

/** The simulated tills of a chaos run, each in its own worker thread. */
export interface TillFleet {
  /** Resolves when every till has made its sales and pushed them all. */
  readonly done: Promise<{ made: readonly MadeSale[]; faults: FaultCounts }>;
  /** Asks every till whether its replica of stock_levels equals `levels`; how many do. */
  verify(levels: Record<string, number>, timeoutMs: number): Promise<{ ok: number; of: number }>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const NO_FAULTS: FaultCounts = { offlinePeriods: 0, refusedOffline: 0, duplicatedPushes: 0, lostAnswers: 0, unavailable: 0 };

/** Starts one worker per till of `shop`, talking to `baseUrl`, each making `sales` sales over about `durationMs`. */
export function startTillFleet(shop: ChaosShop, baseUrl: string, size: { sales: number; durationMs: number; seed: number }): TillFleet {
  const workers: Worker[] = [];
  const results = shop.tills.map((till, index) => {
    const config: TillConfig = {
      index,
      baseUrl,
      token: till.token,
      registerId: till.id,
      locationId: till.locationId,
      variants: shop.variants,
      refundable: shop.plentiful.map((v) => v.id),
      sales: size.sales,
      durationMs: size.durationMs,
      seed: size.seed * 100 + index,
    };
    const worker = new Worker(new URL("./till-worker.bootstrap.mjs", import.meta.url), { workerData: config });
    workers.push(worker);
    return new Promise<{ made: readonly MadeSale[]; faults: FaultCounts }>((resolve, reject) => {
      worker.once("error", reject);
      worker.on("message", (m: ToRunner) => {
        if (m.type === "done") resolve(m);
        if (m.type === "failed") reject(new Error(m.message));
      });
    });
  });
  for (const r of results) r.catch(() => undefined); // awaited through `done`; a till failing early must not crash the runner
  const done = Promise.all(results).then((all) => ({
    made: all.flatMap((r) => r.made),
    faults: all.reduce<FaultCounts>((sum, r) => {
      const next = { ...sum };
      for (const key of Object.keys(NO_FAULTS) as (keyof FaultCounts)[]) next[key] += r.faults[key];
      return next;
    }, NO_FAULTS),
  }));
  return {
    done,
    async verify(levels, timeoutMs) {
      const answers = await Promise.all(
        workers.map(
          (worker) =>
            new Promise<boolean>((resolve) => {
              worker.on("message", (m: ToRunner) => m.type === "verified" && resolve(m.ok));
              worker.postMessage({ type: "verify", levels, timeoutMs } satisfies ToTill);
            }),
        ),
      );
      return { ok: answers.filter(Boolean).length, of: answers.length };
    },
    async stop() {
      for (const worker of workers) worker.postMessage({ type: "stop" } satisfies ToTill);
      await Promise.all(workers.map((w) => Promise.race([new Promise((r) => w.once("exit", r)), sleep(5_000).then(() => w.terminate())])));
    },
  };
}

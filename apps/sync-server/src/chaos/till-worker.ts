import { parentPort, workerData } from "node:worker_threads";
import { createReplicaDatabase, startReplication, type Fetch } from "@countertop/replica";
import { getRxStorageMemory } from "rxdb/plugins/storage-memory";
import { makeSale } from "../testing/fixtures";
import type { FaultCounts, MadeSale, TillConfig, ToRunner, ToTill } from "./protocol";

/*
 * One simulated till in its own worker thread (RxDB's free tier opens 13 collections per realm):
 * it sells on its local RxDB replica while going offline, losing answers and duplicating pushes,
 * exactly as a till on a bad shop Wi-Fi would.
 */

const config = workerData as TillConfig;
const port = parentPort!;
const send = (message: ToRunner) => port.postMessage(message);

/** A small seeded PRNG (mulberry32), so a failing run can be replayed with its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(config.seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const faults: FaultCounts = { offlinePeriods: 0, refusedOffline: 0, duplicatedPushes: 0, lostAnswers: 0, unavailable: 0 };
let offline = false;

/** The network as this till sees it. */
const faultyFetch: Fetch = async (input, init) => {
  if (offline) {
    faults.refusedOffline++;
    throw new TypeError("fetch failed: the till is offline");
  }
  const isPush = init?.method === "POST";
  if (isPush && random() < 0.2) {
    faults.duplicatedPushes++;
    void fetch(input, init)
      .then((r) => r.arrayBuffer())
      .catch(() => undefined);
  }
  const response = await fetch(input, init);
  if (response.status === 503) faults.unavailable++;
  if (isPush && random() < 0.15) {
    faults.lostAnswers++;
    await response.arrayBuffer().catch(() => undefined);
    throw new TypeError("fetch failed: the connection dropped before the answer");
  }
  return response;
};

async function main(): Promise<void> {
  const database = await createReplicaDatabase({
    name: `chaos-till-${config.index}`,
    storage: getRxStorageMemory(),
    collections: ["sales", "stock_levels"],
    multiInstance: false,
  });
  const sync = startReplication({
    database,
    baseUrl: config.baseUrl,
    token: () => config.token,
    fetch: faultyFetch,
    streams: ["stock_levels"],
    pollInterval: 2_000,
    retryTime: 250,
    // The run squeezes a day into seconds: back off on the same scale.
    backoff: { base: 100, cap: 2_000 },
    waitForLeadership: false,
    batchSize: 20,
  });

  const made: MadeSale[] = [];
  const shiftId = crypto.randomUUID();
  const staffId = crypto.randomUUID();
  const pause = config.durationMs / Math.max(1, config.sales);
  for (let i = 0; i < config.sales; i++) {
    await sleep(pause * (0.5 + random()));
    if (random() < 0.15) {
      offline = !offline;
      if (offline) faults.offlinePeriods++;
    }
    const earlier = made.filter((m) => m.kind === "sale" && m.lines.some((l) => config.refundable.includes(l.variantId)));
    const refund = earlier.length > 0 && random() < 0.15;
    const refunded = refund ? pick(earlier).lines.find((l) => config.refundable.includes(l.variantId))?.variantId : undefined;
    const lines = refunded
      ? [{ variant: config.variants.find((v) => v.id === refunded)!, qty: 1 }]
      : Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ variant: pick(config.variants), qty: 1 + Math.floor(random() * 2) }));
    const sale = makeSale({
      registerId: config.registerId,
      locationId: config.locationId,
      shiftId,
      staffId,
      lines,
      kind: refunded ? "refund" : "sale",
      number: `C${config.index}-${i}`,
    });
    // Durable locally first: this is the moment the receipt would print.
    await database.sales.insert(sale as never);
    made.push({
      id: String(sale.id),
      kind: refunded ? "refund" : "sale",
      total: Number(sale.total),
      lines: lines.map((l) => ({ variantId: l.variant.id, qty: l.qty })),
    });
  }
  offline = false;
  sync.reSync();
  for (let waited = 0; (await sync.countPending()) > 0; waited += 100) {
    if (waited > 180_000) throw new Error(`till ${config.index}: sales still unpushed after 3 minutes`);
    await sleep(100);
  }
  send({ type: "done", made, faults });

  port.on("message", (message: ToTill) => {
    if (message.type === "stop") {
      void sync
        .cancel()
        .then(() => database.close())
        .then(() => process.exit(0));
      return;
    }
    void (async () => {
      const deadline = Date.now() + message.timeoutMs;
      let levels: Record<string, number> = {};
      for (;;) {
        levels = Object.fromEntries((await database.stock_levels.find().exec()).map((d) => [d.id, d.onHand]));
        const same =
          Object.keys(message.levels).length === Object.keys(levels).length &&
          Object.entries(message.levels).every(([id, n]) => levels[id] === n);
        if (same || Date.now() > deadline) return send({ type: "verified", ok: same, levels });
        sync.reSync();
        await sleep(250);
      }
    })();
  });
}

main().catch((error: unknown) =>
  send({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);

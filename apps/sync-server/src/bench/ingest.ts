import { randomUUID } from "node:crypto";
import http from "node:http";
import { stockLevelId, type Sale } from "@countertop/sync-protocol";
import type pg from "pg";
import { DEMO } from "../seed/demo";
import { makeSale, type TestVariant } from "../testing/fixtures";
import { callServer as call } from "../testing/http-client";
import { saleMovements } from "../sync/push/plans/sales.plan";
import { syntheticProduct } from "./synthetic";

/** A registered till of a bench shop, with the catalog it sells from. */
export interface Till {
  readonly tenantId: string;
  readonly id: string;
  readonly token: string;
  readonly locationId: string;
  readonly variants: readonly TestVariant[];
}

/** One till's sales, in the batches it pushes them in. */
export interface TillWork {
  readonly till: Till;
  readonly batches: readonly Sale[][];
}

/** Runs `work` for each item with at most `concurrency` at a time. */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** `tenants` shops with 20 products each (sold from by every till) and `tillsPerTenant` registered tills. */
export async function benchShops(baseUrl: string, size: { tenants: number; tillsPerTenant: number }): Promise<Till[]> {
  const owner = (await call(baseUrl, "POST", "/api/v1/auth/login", undefined, { email: DEMO.owner.email, password: DEMO.owner.password }))
    .token as string;
  const tills: Till[] = [];
  for (let t = 0; t < size.tenants; t++) {
    const login = { email: `m${t}@bench.test`, password: "bench-password-123" };
    const created = await call(baseUrl, "POST", "/api/v1/admin/tenants", owner, {
      slug: `bench-${t}`,
      name: `Bench shop ${t}`,
      currency: "EUR",
      managerEmail: login.email,
      managerPassword: login.password,
      // Room for every bench till (a new shop starts on the Starter plan: two tills).
      planId: "scale",
    });
    const manager = (await call(baseUrl, "POST", "/api/v1/auth/login", undefined, login)).token as string;
    const products = Array.from({ length: 20 }, (_, i) => syntheticProduct(i));
    await call(
      baseUrl,
      "POST",
      "/sync/v1/products/push",
      manager,
      products.map((p) => ({ newDocumentState: p })),
    );
    const variants = products.flatMap((p) =>
      p.variants.map((v) => ({ id: v.id, sku: v.sku, title: v.title, price: v.price, taxRate: 1900 })),
    );
    const shopTills: Till[] = [];
    for (let k = 0; k < size.tillsPerTenant; k++) {
      const device = await call(baseUrl, "POST", "/api/v1/devices", manager, { name: `Bench till ${k + 1}` });
      shopTills.push({
        tenantId: created.id as string,
        id: device.id,
        token: device.token,
        locationId: device.register.locationId,
        variants,
      });
    }
    // Goods on the shelves, as in a shop that receives its deliveries: the sales move stock down
    // without going below zero, so a push writes what the equal-work baseline writes (no oversell items).
    const receipts = [...new Set(shopTills.map((t) => t.locationId))].flatMap((locationId) =>
      variants.map((v) => ({
        id: randomUUID(),
        locationId,
        variantId: v.id,
        delta: 1_000_000,
        reason: "receive",
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        _deleted: false,
      })),
    );
    await call(
      baseUrl,
      "POST",
      "/sync/v1/stock_movements/push",
      manager,
      receipts.map((m) => ({ newDocumentState: m })),
    );
    tills.push(...shopTills);
  }
  return tills;
}

/** Fresh 3-line sales for every till, `perTill` each, in batches of `batch`. */
export function salesWork(tills: readonly Till[], perTill: number, batch: number): TillWork[] {
  return tills.map((till) => {
    const sales = Array.from({ length: perTill }, (_, i) =>
      makeSale({
        registerId: till.id,
        locationId: till.locationId,
        lines: [0, 1, 2].map((j) => ({ variant: till.variants[(i * 3 + j) % till.variants.length]!, qty: 1 + (j % 2) })),
      }),
    );
    const batches: Sale[][] = [];
    for (let i = 0; i < sales.length; i += batch) batches.push(sales.slice(i, i + batch));
    return { till, batches };
  });
}

/**
 * POSTs a JSON body over a kept-alive connection of `agent` and reads the answer; throws unless 2xx.
 * The load's own client is Node's `http`, not `fetch`: the tills it stands for are other machines,
 * and on this one every millisecond the client spends is taken from the server it measures
 * (`fetch` cost ~1.8 ms of CPU per push here, `http` ~1.1 ms).
 */
function postJson(agent: http.Agent, url: URL, token: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: `Bearer ${token}` },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new Error(`POST ${url.pathname} → ${status} ${Buffer.concat(chunks).toString().slice(0, 300)}`));
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** Every till pushes its batches through `/sync/v1/sales/push`, all tills at once; returns the seconds taken. */
export async function pushEverything(baseUrl: string, work: readonly TillWork[]): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: work.length });
  const url = new URL("/sync/v1/sales/push", baseUrl);
  const started = performance.now();
  try {
    await Promise.all(
      work.map(async ({ till, batches }) => {
        for (const batch of batches) await postJson(agent, url, till.token, JSON.stringify(batch.map((s) => ({ newDocumentState: s }))));
      }),
    );
  } finally {
    agent.destroy();
  }
  return (performance.now() - started) / 1000;
}

/** The baseline of old: each batch as one multi-row `INSERT` of the bare documents; returns the seconds taken. */
export async function rawInsert(raw: pg.Pool, work: readonly TillWork[], table: string): Promise<number> {
  await raw.query(`create table ${table} (tenant_id uuid not null, id text not null, doc jsonb not null, primary key (tenant_id, id))`);
  const started = performance.now();
  await pool(work, work.length, async ({ till, batches }) => {
    for (const batch of batches) {
      const params = batch.flatMap((s) => [till.tenantId, String(s.id), JSON.stringify(s)]);
      const values = batch.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`).join(", ");
      await raw.query(`insert into ${table} (tenant_id, id, doc) values ${values}`, params);
    }
  });
  return (performance.now() - started) / 1000;
}

/** `$1, $2, …` rows of `width` parameters each. */
const placeholders = (rows: number, width: number, from = 1) =>
  Array.from({ length: rows }, (_, r) => `(${Array.from({ length: width }, (_, c) => `$${from + r * width + c}`).join(", ")})`).join(", ");

/**
 * The same writes a push makes, hand-written through `pg`, in the same batches and concurrency: per
 * batch one transaction that takes the tenant's sequence numbers (locking its counter), inserts the
 * sales and their stock movements with every column the server fills, and moves the stock levels —
 * into copies of the real tables (same columns, indexes, constraints — the foreign key to the shop
 * among them — and the sales table's trigger that keeps the daily figures) so the rows don't collide.
 * What it leaves out is what makes the server the server: parsing, authorising, re-pricing, the
 * conflict rules, reconciliation checks, row-level security and the notification. Returns the seconds taken.
 */
export async function equalWork(raw: pg.Pool, work: readonly TillWork[], prefix: string): Promise<number> {
  for (const table of ["sales", "stock_movements", "stock_levels"]) {
    await raw.query(`create table ${prefix}_${table} (like ${table} including all)`);
    // LIKE copies no foreign keys: the real tables check each new row's shop, and so do these.
    await raw.query(`alter table ${prefix}_${table} add foreign key (tenant_id) references tenants (id)`);
  }
  // LIKE copies no triggers: the real sales table keeps the shop's daily figures as it is written.
  await raw.query(
    `create trigger ${prefix}_sales_figures after insert on ${prefix}_sales referencing new table as new_rows
       for each statement execute function sales_figures_insert()`,
  );
  await raw.query(`create table ${prefix}_counters (tenant_id uuid primary key, seq bigint not null default 0)`);
  await raw.query(`insert into ${prefix}_counters (tenant_id) select distinct unnest($1::uuid[])`, [work.map((w) => w.till.tenantId)]);
  const started = performance.now();
  await pool(work, work.length, async ({ till, batches }) => {
    for (const batch of batches) {
      const movements = batch.flatMap((s) => saleMovements(s, new Map()));
      const deltas = new Map<string, { variantId: string; delta: number }>();
      for (const m of movements) {
        const id = stockLevelId(m.locationId, m.variantId);
        deltas.set(id, { variantId: m.variantId, delta: (deltas.get(id)?.delta ?? 0) + m.delta });
      }
      const count = batch.length + movements.length + deltas.size;
      const client = await raw.connect();
      try {
        await client.query("begin");
        const { rows } = await client.query<{ seq: string }>(
          `update ${prefix}_counters set seq = seq + $2 where tenant_id = $1 returning seq`,
          [till.tenantId, count],
        );
        let seq = BigInt(rows[0]!.seq) - BigInt(count);
        const next = () => (++seq).toString();
        await client.query(
          `insert into ${prefix}_sales (tenant_id, id, seq, deleted, doc, kind, register_id, shift_id, total, created_at) values ${placeholders(batch.length, 10)}`,
          batch.flatMap((s) => [
            till.tenantId,
            s.id,
            next(),
            false,
            JSON.stringify(s),
            s.kind,
            s.registerId,
            s.shiftId,
            s.total,
            s.createdAt,
          ]),
        );
        await client.query(
          `insert into ${prefix}_stock_movements (tenant_id, id, seq, deleted, doc, location_id, variant_id, delta, reason, ref_id, occurred_at) values ${placeholders(movements.length, 11)}`,
          movements.flatMap((m) => [
            till.tenantId,
            m.id,
            next(),
            false,
            JSON.stringify(m),
            m.locationId,
            m.variantId,
            m.delta,
            m.reason,
            m.refId,
            m.occurredAt,
          ]),
        );
        const now = new Date().toISOString();
        const levels = [...deltas].map(([id, d]) => {
          const doc = { id, locationId: till.locationId, variantId: d.variantId, onHand: d.delta, updatedAt: now, _deleted: false };
          return [till.tenantId, id, next(), false, JSON.stringify(doc), till.locationId, d.variantId, d.delta];
        });
        await client.query(
          `insert into ${prefix}_stock_levels as l (tenant_id, id, seq, deleted, doc, location_id, variant_id, on_hand) values ${placeholders(levels.length, 8)}
           on conflict (tenant_id, id) do update set seq = excluded.seq, on_hand = l.on_hand + excluded.on_hand,
             doc = jsonb_set(excluded.doc, '{onHand}', to_jsonb(l.on_hand + excluded.on_hand)), server_updated_at = now()`,
          levels.flat(),
        );
        await client.query("commit");
      } finally {
        client.release();
      }
    }
  });
  return (performance.now() - started) / 1000;
}

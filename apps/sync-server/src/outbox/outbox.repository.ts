import { sql, type Kysely } from "kysely";
import { uuidv7 } from "uuidv7";
import type { Database } from "../db/schema";
import { asWorker, type TenantTx } from "../db/tenant-scope";

/** A side effect to carry out after its cause commits: a refund, an email. `key` is its identity. */
export interface OutboxEntry {
  readonly kind: string;
  readonly key: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** A job as the worker claims it. */
export interface OutboxJob extends OutboxEntry {
  readonly tenantId: string;
  readonly id: string;
  /** How many times it has been claimed, this time included. */
  readonly attempts: number;
}

/**
 * Writes jobs in the caller's transaction, so they exist exactly when the change that causes them
 * commits. A job whose key the shop already has is not written again: a refund is asked for once.
 */
export async function enqueue(trx: TenantTx, tenantId: string, entries: readonly OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto("outbox")
    .values(entries.map((e) => ({ tenant_id: tenantId, id: uuidv7(), kind: e.kind, key: e.key, payload: JSON.stringify(e.payload) })))
    .onConflict((oc) => oc.columns(["tenant_id", "key"]).doNothing())
    .execute();
}

interface JobRow {
  tenant_id: string;
  id: string;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  attempts: number;
}

function toJob(r: JobRow): OutboxJob {
  return { tenantId: r.tenant_id, id: r.id, kind: r.kind, key: r.key, payload: r.payload, attempts: r.attempts };
}

/** Writes one job (if its key is new) and answers the shop's job under that key: its id and state. */
export async function enqueueOne(
  trx: TenantTx,
  tenantId: string,
  entry: OutboxEntry,
): Promise<{ id: string; status: "pending" | "done" | "dead" }> {
  await enqueue(trx, tenantId, [entry]);
  return trx
    .selectFrom("outbox")
    .select(["id", "status"])
    .where("tenant_id", "=", tenantId)
    .where("key", "=", entry.key)
    .executeTakeFirstOrThrow();
}

/**
 * Claims up to `limit` due jobs of any shop and leases them for `leaseMs`: a job is due again when
 * its lease runs out, so a worker that dies with it leaves it to be retried, and several workers
 * (several server processes) never claim one job at once.
 */
export async function claimDue(db: Kysely<Database>, limit: number, leaseMs: number): Promise<OutboxJob[]> {
  return asWorker(db, async (trx) => {
    const { rows } = await sql<JobRow>`
      update outbox set attempts = attempts + 1, next_at = now() + ${`${leaseMs} milliseconds`}::interval
      where (tenant_id, id) in (
        select tenant_id, id from outbox where status = 'pending' and next_at <= now()
        order by next_at limit ${limit} for update skip locked)
      returning tenant_id, id, kind, key, payload, attempts
    `.execute(trx);
    return rows.map(toJob);
  });
}

/**
 * Claims one job by its key if it is due (not done, not dead, not leased by another worker): for a
 * caller that wants it carried out now (a receipt the cashier is waiting on) rather than at the next poll.
 */
export async function claimByKey(db: Kysely<Database>, tenantId: string, key: string, leaseMs: number): Promise<OutboxJob | undefined> {
  return asWorker(db, async (trx) => {
    const { rows } = await sql<JobRow>`
      update outbox set attempts = attempts + 1, next_at = now() + ${`${leaseMs} milliseconds`}::interval
      where (tenant_id, id) in (
        select tenant_id, id from outbox where tenant_id = ${tenantId} and key = ${key} and status = 'pending' and next_at <= now()
        for update skip locked)
      returning tenant_id, id, kind, key, payload, attempts
    `.execute(trx);
    return rows.map(toJob)[0];
  });
}

/** A job's state by key: `pending`, `done`, `dead`, or undefined when there is none. */
export async function jobStatus(db: Kysely<Database>, tenantId: string, key: string): Promise<"pending" | "done" | "dead" | undefined> {
  return asWorker(db, async (trx) => {
    const row = await trx.selectFrom("outbox").select("status").where("tenant_id", "=", tenantId).where("key", "=", key).executeTakeFirst();
    return row?.status;
  });
}

/** Marks a job done. */
export async function completeJob(db: Kysely<Database>, job: OutboxJob): Promise<void> {
  await asWorker(db, (trx) =>
    trx
      .updateTable("outbox")
      .set({ status: "done", done_at: new Date(), last_error: null })
      .where("tenant_id", "=", job.tenantId)
      .where("id", "=", job.id)
      .execute(),
  );
}

/** Records a failed attempt: due again at `retryAt`, or dead-lettered (no `retryAt`) for a person to look at. */
export async function failJob(db: Kysely<Database>, job: OutboxJob, error: string, retryAt: Date | undefined): Promise<void> {
  await asWorker(db, (trx) =>
    trx
      .updateTable("outbox")
      .set({ last_error: error.slice(0, 1000), ...(retryAt ? { next_at: retryAt } : { status: "dead" as const }) })
      .where("tenant_id", "=", job.tenantId)
      .where("id", "=", job.id)
      .execute(),
  );
}

/** How many jobs wait, per kind, and since when the oldest; and how many are dead. For the platform's health view. */
export async function outboxDepths(
  db: Kysely<Database>,
): Promise<{ kind: string; pending: number; dead: number; oldestPending: Date | null }[]> {
  return asWorker(db, async (trx) => {
    const rows = await trx
      .selectFrom("outbox")
      .select((eb) => [
        "kind",
        eb.fn.count<string>("id").filterWhere("status", "=", "pending").as("pending"),
        eb.fn.count<string>("id").filterWhere("status", "=", "dead").as("dead"),
        eb.fn.min("created_at").filterWhere("status", "=", "pending").as("oldest"),
      ])
      .groupBy("kind")
      .execute();
    return rows.map((r) => ({
      kind: r.kind,
      pending: Number(r.pending),
      dead: Number(r.dead),
      oldestPending: (r.oldest as Date | null) ?? null,
    }));
  });
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../db/database";
import { withTenant } from "../db/tenant-scope";
import { createLogger } from "../http/logger";
import { seedDemo } from "../seed/demo";
import { ENGINES, openTestDatabase } from "../testing/test-database";
import { createOutboxWorker, PermanentJobError, type JobHandler } from "./outbox-worker";
import { claimDue, enqueue, outboxDepths } from "./outbox.repository";

const quiet = createLogger("silent");

describe.each(ENGINES)("the outbox on %s", (engine) => {
  let database: OpenDatabase;
  let tenantId: string;
  let otherTenant: string;
  let n = 0;
  const key = (what: string) => `${what}-${++n}`;
  const statusOf = async (k: string) =>
    (await withTenant(database.db, tenantId, (trx) => trx.selectFrom("outbox").selectAll().where("key", "=", k).executeTakeFirst())) ??
    undefined;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await seedDemo(database.db, { now: new Date() });
    tenantId = (await database.db.selectFrom("tenants").select("id").where("slug", "=", "demo").executeTakeFirstOrThrow()).id;
    otherTenant = crypto.randomUUID();
    await database.db
      .insertInto("tenants")
      .values({
        id: otherTenant,
        slug: `other-${otherTenant.slice(0, 8)}`,
        name: "Other",
        currency: "EUR",
        plan_id: "starter",
        domain: null,
      })
      .execute();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("writes a job only if the change that causes it commits, and once per key", async () => {
    const rolledBack = key("rollback");
    await expect(
      withTenant(database.db, tenantId, async (trx) => {
        await enqueue(trx, tenantId, [{ kind: "test", key: rolledBack, payload: {} }]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await statusOf(rolledBack)).toBeUndefined();

    const once = key("once");
    for (let i = 0; i < 3; i++)
      await withTenant(database.db, tenantId, (trx) => enqueue(trx, tenantId, [{ kind: "test", key: once, payload: { i } }]));
    const row = await statusOf(once);
    expect(row).toMatchObject({ status: "pending", payload: { i: 0 } });
  });

  it("carries out each job once with two workers draining at once", async () => {
    const keys = Array.from({ length: 30 }, () => key("many"));
    await withTenant(database.db, tenantId, (trx) =>
      enqueue(
        trx,
        tenantId,
        keys.map((k) => ({ kind: "count", key: k, payload: {} })),
      ),
    );
    const seen: string[] = [];
    const handler: JobHandler = async (job) => {
      await new Promise((r) => setTimeout(r, 2));
      seen.push(job.key);
    };
    const a = createOutboxWorker({ db: database.db, log: quiet }, { count: handler });
    const b = createOutboxWorker({ db: database.db, log: quiet }, { count: handler });
    await Promise.all([a.drain(), b.drain()]);
    expect(seen.filter((k) => keys.includes(k)).sort()).toEqual([...keys].sort());
    for (const k of keys) expect((await statusOf(k))?.status).toBe("done");
  });

  it("retries a failing job with backoff, dead-letters it after its attempts or at once when permanent, and reports the depths", async () => {
    const flaky = key("flaky");
    const hopeless = key("hopeless");
    const declined = key("declined");
    await withTenant(database.db, tenantId, (trx) =>
      enqueue(trx, tenantId, [
        { kind: "flaky", key: flaky, payload: {} },
        { kind: "hopeless", key: hopeless, payload: {} },
        { kind: "declined", key: declined, payload: {} },
      ]),
    );
    let flakyCalls = 0;
    const worker = createOutboxWorker(
      { db: database.db, log: quiet },
      {
        flaky: async () => {
          flakyCalls += 1;
          if (flakyCalls < 3) throw new Error("provider away");
        },
        hopeless: async () => {
          throw new Error("never works");
        },
        declined: async () => {
          throw new PermanentJobError("declined for good");
        },
      },
      { maxAttempts: 3, random: () => 0 },
    );
    await worker.drain();
    const failed = await statusOf(flaky);
    expect(failed).toMatchObject({ status: "pending", attempts: 1, last_error: "provider away" });
    // Due again about half a second later (backoff with the jitter at 0), not at once.
    expect(failed!.next_at.getTime()).toBeGreaterThan(Date.now() + 200);
    expect(await statusOf(declined)).toMatchObject({ status: "dead", attempts: 1, last_error: "declined for good" });

    for (let i = 0; i < 3; i++) {
      // Bring the retries forward instead of waiting for them.
      await database.db
        .updateTable("outbox")
        .set({ next_at: new Date(0) })
        .where("status", "=", "pending")
        .execute();
      await worker.drain();
    }
    expect(await statusOf(flaky)).toMatchObject({ status: "done", attempts: 3 });
    expect(await statusOf(hopeless)).toMatchObject({ status: "dead", attempts: 3, last_error: "never works" });
    const depths = await outboxDepths(database.db);
    expect(depths.find((d) => d.kind === "hopeless")).toMatchObject({ pending: 0, dead: 1 });
  });

  it("leases a claimed job: a worker that died with it leaves it to another once the lease runs out", async () => {
    const leased = key("leased");
    await withTenant(database.db, tenantId, (trx) => enqueue(trx, tenantId, [{ kind: "leased", key: leased, payload: {} }]));
    // A worker claims it and dies (never reports back).
    const claimed = await claimDue(database.db, 100, 300);
    expect(claimed.map((j) => j.key)).toContain(leased);
    expect((await claimDue(database.db, 100, 300)).map((j) => j.key)).not.toContain(leased);
    await new Promise((r) => setTimeout(r, 400));
    const ran: number[] = [];
    await createOutboxWorker({ db: database.db, log: quiet }, { leased: async (job) => void ran.push(job.attempts) }).drain();
    expect(ran).toEqual([2]);
    expect(await statusOf(leased)).toMatchObject({ status: "done" });
  });

  it("keeps each shop's jobs to itself: a shop's transaction sees none of another's", async () => {
    await withTenant(database.db, otherTenant, (trx) =>
      enqueue(trx, otherTenant, [{ kind: "private", key: key("theirs"), payload: { secret: 1 } }]),
    );
    const seen = await withTenant(database.db, tenantId, (trx) => trx.selectFrom("outbox").select("tenant_id").distinct().execute());
    expect(seen.map((r) => r.tenant_id)).toEqual([tenantId]);
    await expect(
      withTenant(database.db, tenantId, (trx) => enqueue(trx, otherTenant, [{ kind: "private", key: key("forged"), payload: {} }])),
    ).rejects.toThrow();
  });
});
